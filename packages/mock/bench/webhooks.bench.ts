import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { round, type Bench, type BenchFigure } from '../../../scripts/bench-kit.ts';

/**
 * What webhook deliveries cost the API: `POST /v1/vaults/{vaultId}/transfers` (each creates a
 * `transfer.created` event) against two mock servers, one with no webhook endpoint and one with
 * an endpoint whose receiver (its own process) answers every delivery, so deliveries flow
 * during the whole load. Rounds alternate between the two and each figure is the median round.
 */
const DURATION_SECONDS = 2;
const ROUNDS = 3;
const CONNECTIONS = 50;
// The smallest unit of an asset the seeded Treasury holds, so the balance lasts the whole run.
const TRANSFER = JSON.stringify({ asset: 'Bitcoin/native', amount: '0.00000001', destinationAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' });

interface Child {
  info: { url: string; secret?: string; vaultId?: string };
  child: ChildProcess;
}

async function start(mode: 'mock' | 'receiver'): Promise<Child> {
  const script = fileURLToPath(new URL('./webhooks-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, mode], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`webhooks bench ${mode} exited with ${code}`)));
  });
  return { info: JSON.parse(line) as Child['info'], child };
}

async function stop({ child }: Child): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function transfersPerSecond(mock: Child, seconds: number): Promise<number> {
  const result = await autocannon({
    url: `${mock.info.url}/v1/vaults/${mock.info.vaultId}/transfers`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{
      method: 'POST',
      body: TRANSFER,
      // Every request is a new transfer: a key of its own, or it would be an idempotent replay.
      setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: `Bearer ${mock.info.secret}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() } }),
    }],
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0) throw new Error(`createTransfer under load (${JSON.stringify(Object.keys(result.statusCodeStats ?? {}))}): ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  return result.requests.average;
}

const bench: Bench = {
  name: 'mock-webhooks',
  async run(): Promise<BenchFigure[]> {
    const [plain, withEndpoint, receiver] = await Promise.all([start('mock'), start('mock'), start('receiver')]);
    try {
      const created = await fetch(`${withEndpoint.info.url}/v1/webhook-endpoints`, {
        method: 'POST',
        headers: { authorization: `Bearer ${withEndpoint.info.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: `${receiver.info.url}/hooks`, eventTypes: ['transfer.created'] }),
      });
      if (created.status !== 201) throw new Error(`createWebhookEndpoint answered ${created.status}: ${await created.text()}`);
      await transfersPerSecond(plain, 1);
      await transfersPerSecond(withEndpoint, 1);
      const none: number[] = [];
      const one: number[] = [];
      for (let index = 0; index < ROUNDS; index++) {
        const order = index % 2 === 0 ? ([plain, withEndpoint] as const) : ([withEndpoint, plain] as const);
        for (const side of order) (side === plain ? none : one).push(await transfersPerSecond(side, DURATION_SECONDS));
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
      const delivered = ((await (await fetch(`${receiver.info.url}/count`)).json()) as { received: number }).received;
      if (delivered === 0) throw new Error('no delivery reached the receiver: the comparison would measure nothing');
      return [
        { metric: 'createTransfer req/s, no webhook endpoint', value: round(median(none), 0), unit: 'req/s', note: `median of ${ROUNDS} alternating rounds` },
        { metric: 'createTransfer req/s, one endpoint receiving', value: round(median(one), 0), unit: 'req/s', note: `${delivered} deliveries received during the run` },
        { metric: 'API throughput with deliveries vs none', value: round(median(one) / median(none), 2), unit: 'x', target: { atLeast: 0.9 } },
      ];
    } finally {
      await Promise.all([stop(plain), stop(withEndpoint), stop(receiver)]);
    }
  },
};

export default bench;
