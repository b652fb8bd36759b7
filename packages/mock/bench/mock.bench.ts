import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { round, type Bench, type BenchFigure } from '../../../scripts/bench-kit.ts';
import { createMock } from '../src/index.js';

/**
 * Requests/s and latency of the mock over loopback (autocannon, 50 connections, 3 s per run)
 * for `GET /v1/vaults?limit=25` and `POST /v1/vaults`, against a bare node:http server that
 * answers a fixed JSON body, measured in the same run; plus in-process `fetch` calls/s
 * against a handler that returns a fixed Response. The servers run in a child process.
 */
const DURATION_SECONDS = 3;
const CONNECTIONS = 50;

interface Served {
  url: string;
  secret: string;
  child: ChildProcess;
}

async function serve(mode: 'bare' | 'mock'): Promise<Served> {
  const script = fileURLToPath(new URL('./bench-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, mode], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server (${mode}) exited with ${code}`)));
  });
  return { ...(JSON.parse(line) as { url: string; secret: string }), child };
}

async function stop(served: Served): Promise<void> {
  if (served.child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    served.child.once('exit', () => resolve());
    served.child.kill('SIGTERM');
  });
}

async function load(url: string, options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }) {
  const request = { url, connections: CONNECTIONS, method: options.method ?? 'GET', headers: options.headers, body: options.body } as const;
  // one second of warm-up first, so both servers are measured with their code optimised
  await autocannon({ ...request, duration: 1 });
  const result = await autocannon({ ...request, duration: DURATION_SECONDS });
  const non2xx = result.non2xx + result.errors + result.timeouts;
  if (non2xx > 0) throw new Error(`${options.method ?? 'GET'} ${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function inProcessOpsPerSecond(handler: (request: Request) => Promise<Response>, makeRequest: () => Request, ms = 1500): Promise<number> {
  for (let i = 0; i < 200; i++) await (await handler(makeRequest())).text();
  let count = 0;
  const started = performance.now();
  while (performance.now() - started < ms) {
    await (await handler(makeRequest())).text();
    count += 1;
  }
  return count / ((performance.now() - started) / 1000);
}

const bench: Bench = {
  name: 'mock',
  async run(): Promise<BenchFigure[]> {
    const figures: BenchFigure[] = [];
    const bare = await serve('bare');
    let bareGet: Awaited<ReturnType<typeof load>>;
    let barePost: Awaited<ReturnType<typeof load>>;
    try {
      bareGet = await load(`${bare.url}/v1/vaults?limit=25`, {});
      barePost = await load(`${bare.url}/v1/vaults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Bench"}' });
    } finally {
      await stop(bare);
    }
    const mock = await serve('mock');
    try {
      const auth = { authorization: `Bearer ${mock.secret}` };
      const get = await load(`${mock.url}/v1/vaults?limit=25`, { headers: auth });
      const post = await load(`${mock.url}/v1/vaults`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"name":"Bench"}' });
      for (const [label, measured, baseline] of [
        ['GET /v1/vaults?limit=25', get, bareGet],
        ['POST /v1/vaults', post, barePost],
      ] as const) {
        figures.push(
          { metric: `${label} req/s`, value: round(measured.rps, 0), unit: 'req/s', note: `bare node:http ${round(baseline.rps, 0)} req/s` },
          { metric: `${label} vs bare`, value: round(measured.rps / baseline.rps, 2), unit: 'x', note: 'target >= 0.5' },
          { metric: `${label} p50`, value: measured.p50, unit: 'ms', note: `bare ${baseline.p50} ms` },
          { metric: `${label} p99`, value: measured.p99, unit: 'ms', note: `bare ${baseline.p99} ms` },
        );
      }
    } finally {
      await stop(mock);
    }

    const inProcess = createMock({ seed: 'bench', rateLimit: false });
    const secret = inProcess.bootstrapKey.secret;
    const fixed = JSON.stringify({ data: inProcess.seed.vaults, nextCursor: null });
    const baseline = await inProcessOpsPerSecond(async () => new Response(fixed, { headers: { 'content-type': 'application/json' } }), () => new Request('http://mock.test/v1/vaults?limit=25', { headers: { authorization: `Bearer ${secret}` } }));
    const measured = await inProcessOpsPerSecond((request) => inProcess.fetch(request), () => new Request('http://mock.test/v1/vaults?limit=25', { headers: { authorization: `Bearer ${secret}` } }));
    figures.push(
      { metric: 'in-process fetch GET /v1/vaults ops/s', value: round(measured, 0), unit: 'ops/s', note: `fixed-Response handler ${round(baseline, 0)} ops/s` },
      { metric: 'in-process fetch vs fixed handler', value: round(measured / baseline, 2), unit: 'x' },
    );
    return figures;
  },
};

export default bench;
