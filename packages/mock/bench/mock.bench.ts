import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { round, type Bench, type BenchFigure } from '../../../scripts/bench-kit.ts';
import { createMock } from '../src/index.js';

/**
 * Requests/s and latency of the mock over loopback (autocannon, 50 connections) for
 * `GET /v1/vaults?limit=25` and `POST /v1/vaults`, against a bare node:http server that answers
 * a fixed JSON body; plus in-process `fetch` calls/s against a handler that returns a fixed
 * Response. The servers run in child processes. Bare and mock runs alternate over several
 * rounds and each figure is the median round, so a change in machine load during the run
 * moves both sides instead of only one.
 */
const DURATION_SECONDS = 2;
const ROUNDS = 3;
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

type LoadOptions = { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string };
type Measured = { rps: number; p50: number; p99: number };

function autocannonRequest(url: string, options: LoadOptions) {
  return { url, connections: CONNECTIONS, method: options.method ?? 'GET', headers: options.headers, body: options.body } as const;
}

/** One second of load, so a server is measured with its code optimised. */
async function warmUp(url: string, options: LoadOptions): Promise<void> {
  await autocannon({ ...autocannonRequest(url, options), duration: 1 });
}

function medianRound(rounds: Measured[]): Measured {
  return [...rounds].sort((a, b) => a.rps - b.rps)[Math.floor(rounds.length / 2)] as Measured;
}

async function load(url: string, options: LoadOptions): Promise<Measured> {
  const request = autocannonRequest(url, options);
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
    const [bare, mock] = await Promise.all([serve('bare'), serve('mock')]);
    try {
      const json = { 'content-type': 'application/json' };
      const auth = { authorization: `Bearer ${mock.secret}` };
      const cases = [
        { label: 'GET /v1/vaults?limit=25', path: '/v1/vaults?limit=25', bare: {}, mock: { headers: auth } },
        { label: 'POST /v1/vaults', path: '/v1/vaults', bare: { method: 'POST', headers: json, body: '{"name":"Bench"}' }, mock: { method: 'POST', headers: { ...auth, ...json }, body: '{"name":"Bench"}' } },
      ] as const satisfies ReadonlyArray<{ label: string; path: string; bare: LoadOptions; mock: LoadOptions }>;
      for (const testCase of cases) {
        await warmUp(`${bare.url}${testCase.path}`, testCase.bare);
        await warmUp(`${mock.url}${testCase.path}`, testCase.mock);
        const bareRounds: Measured[] = [];
        const mockRounds: Measured[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          // alternate which side goes first, so neither always runs on the warmer machine
          const order = round % 2 === 0 ? (['bare', 'mock'] as const) : (['mock', 'bare'] as const);
          for (const side of order) {
            if (side === 'bare') bareRounds.push(await load(`${bare.url}${testCase.path}`, testCase.bare));
            else mockRounds.push(await load(`${mock.url}${testCase.path}`, testCase.mock));
          }
        }
        const [measured, baseline] = [medianRound(mockRounds), medianRound(bareRounds)];
        figures.push(
          { metric: `${testCase.label} req/s`, value: round(measured.rps, 0), unit: 'req/s', note: `bare node:http ${round(baseline.rps, 0)} req/s (median of ${ROUNDS} alternating rounds)` },
          { metric: `${testCase.label} vs bare`, value: round(measured.rps / baseline.rps, 2), unit: 'x', target: { atLeast: 0.5 } },
          { metric: `${testCase.label} p50`, value: measured.p50, unit: 'ms', note: `bare ${baseline.p50} ms` },
          { metric: `${testCase.label} p99`, value: measured.p99, unit: 'ms', note: `bare ${baseline.p99} ms` },
        );
      }
    } finally {
      await Promise.all([stop(bare), stop(mock)]);
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
