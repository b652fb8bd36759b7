/**
 * `pnpm bench client`: (a) what the client adds to an application bundle, and (b) what its
 * resilience layer costs per call on the happy path, measured against bare openapi-fetch and a
 * bare fetch call in the same run, all against the same in-process stub.
 */
import createClient from 'openapi-fetch';
import { performance } from 'node:perf_hooks';
import type { paths } from '@fortary/types';
import { median, round, type Bench } from '../../../scripts/bench-kit.ts';
import { clientBundleSize, openapiFetchBundleSize, SIZE_BUDGET_BYTES } from '../scripts/bundle-size.ts';
import { createFortaryClient } from '../src/index.ts';

const BASE_URL = 'https://api.fortary.test';
const VAULT_ID = 'vault_3f8a2c1d9b';
const BODY = JSON.stringify({ id: VAULT_ID, name: 'Treasury', createdAt: '2026-01-14T09:32:07Z', updatedAt: '2026-02-02T16:05:44Z' });
const RESPONSE_INIT = {
  status: 200,
  headers: {
    'Content-Type': 'application/json',
    'X-Request-Id': 'req_7d2e9b1c4a',
    'X-RateLimit-Limit': '1000000',
    'X-RateLimit-Remaining': '999999',
    'X-RateLimit-Reset': '0',
  },
};

/** The same answer every time (a Response body can be read once, so each call gets a fresh one). */
const stub = async (_request: Request) => new Response(BODY, RESPONSE_INIT);

const fortary = createFortaryClient({ apiKey: 'fsk_test_BenchBenchBenchBenchBench', baseUrl: BASE_URL, fetch: stub });
const bare = createClient<paths>({ baseUrl: BASE_URL, fetch: stub, headers: { Authorization: 'Bearer fsk_test_BenchBenchBenchBenchBench' } });

const variants: Record<string, () => Promise<unknown>> = {
  'bare fetch': async () => {
    const response = await stub(new Request(`${BASE_URL}/v1/vaults/${VAULT_ID}`, { headers: { Authorization: 'Bearer fsk_test_BenchBenchBenchBenchBench' } }));
    return response.json();
  },
  'bare openapi-fetch': async () => (await bare.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: VAULT_ID } } })).data,
  '@fortary/client': async () => (await fortary.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: VAULT_ID } } })).data,
};

async function opsPerSecond(call: () => Promise<unknown>, calls: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await call();
  return calls / ((performance.now() - started) / 1000);
}

const bench: Bench = {
  name: 'client',
  async run() {
    const [client, openapiFetch] = await Promise.all([clientBundleSize(), openapiFetchBundleSize()]);

    // Warm up every path, then interleave the rounds so that drift (GC, CPU frequency, other
    // work on the machine) hits all three alike; the median round of each is reported.
    for (const call of Object.values(variants)) await opsPerSecond(call, 2_000);
    const rounds: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
    for (let round = 0; round < 7; round++) {
      for (const [name, call] of Object.entries(variants)) rounds[name]!.push(await opsPerSecond(call, 3_000));
    }
    const ops = Object.fromEntries(Object.entries(rounds).map(([name, values]) => [name, median(values)])) as Record<string, number>;
    const ratio = ops['@fortary/client']! / ops['bare openapi-fetch']!;

    return [
      { metric: 'entry min+gzip', value: client.gzipped, unit: 'B', target: { atMost: SIZE_BUDGET_BYTES }, note: 'esbuild, with openapi-fetch' },
      { metric: 'openapi-fetch alone min+gzip', value: openapiFetch.gzipped, unit: 'B', note: 'baseline, same run' },
      { metric: 'GET ops/s bare fetch', value: Math.round(ops['bare fetch']!), unit: 'ops/s', note: 'in-process stub, fixed response' },
      { metric: 'GET ops/s bare openapi-fetch', value: Math.round(ops['bare openapi-fetch']!), unit: 'ops/s', note: 'same stub, same run' },
      { metric: 'GET ops/s @fortary/client', value: Math.round(ops['@fortary/client']!), unit: 'ops/s', note: 'same stub, same run' },
      { metric: 'client / openapi-fetch', value: round(ratio, 2), unit: '×', target: { atLeast: 0.8 }, note: 'median of 7 interleaved rounds' },
    ];
  },
};

export default bench;
