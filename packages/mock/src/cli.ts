#!/usr/bin/env node
import { parseArgs } from 'node:util';
import type { FaultStatus, RandomFaultOptions } from './faults.js';
import type { RateLimitOptions } from './rate-limit.js';
import { startMockServer } from './server.js';

/**
 * `fortary-mock`: serves the mock on 127.0.0.1:4010, prints the base URL and the bootstrap
 * key's secret, and stops cleanly on SIGINT or SIGTERM.
 */
const HELP = `Usage: fortary-mock [options]

A stateful mock of the Fortary custody API v1 for local development and tests.

Options:
  --port <n>             port to listen on (default 4010; 0 picks a free one)
  --host <address>       address to listen on (default 127.0.0.1)
  --seed <value>         seed for the data, ids, secrets and faults (default fortary)
  --now <date>           start of the virtual clock (default: now)
  --freeze-clock         time passes only through POST /_mock/clock (default: real time)
  --allow-remote-control answer /_mock/ control-plane requests from other machines too
                         (default: this machine only)
  --rate-limit <n/s>     token bucket per key: capacity/seconds, e.g. 600/60; "off" disables it
  --faults <share>       share of requests (0-1) answered 429/500/503, e.g. 0.1
  --fault-statuses <l>   the statuses to draw from, e.g. 500,503 (default 429,500,503)
  --latency <min-max>    extra latency per request in ms, e.g. 50-250
  --reset-rate <share>   share of requests whose connection is dropped
  --truncate-rate <s>    share of responses cut short
  --sunset <date>        announce a retiring v1: Deprecation and Sunset headers on every response
  --help                 show this help
`;

export function parseRateLimit(text: string): RateLimitOptions | false {
  if (text === 'off' || text === 'false') return false;
  const match = /^([0-9]+)\/([0-9]+(?:\.[0-9]+)?)$/.exec(text);
  if (!match || Number(match[1]) < 1 || Number(match[2]) <= 0) throw new Error(`--rate-limit expects <requests>/<seconds> like 600/60, or off; got ${text}`);
  return { capacity: Number(match[1]), refillPerSecond: Number(match[1]) / Number(match[2]) };
}

function share(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!(value >= 0 && value <= 1)) throw new Error(`--${name} expects a share between 0 and 1, got ${text}`);
  return value;
}

async function main(): Promise<void> {
  // `pnpm mock -- --port 0` hands the separator on; it means nothing here
  const args = process.argv.slice(2);
  if (args[0] === '--') args.shift();
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      now: { type: 'string' },
      'freeze-clock': { type: 'boolean' },
      'allow-remote-control': { type: 'boolean' },
      'rate-limit': { type: 'string' },
      faults: { type: 'string' },
      'fault-statuses': { type: 'string' },
      latency: { type: 'string' },
      'reset-rate': { type: 'string' },
      'truncate-rate': { type: 'string' },
      sunset: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = values.port === undefined ? 4010 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port expects 0-65535, got ${values.port}`);
  let faults: RandomFaultOptions | undefined;
  if (values.faults !== undefined || values.latency !== undefined || values['reset-rate'] !== undefined || values['truncate-rate'] !== undefined) {
    const latency = values.latency?.split('-').map(Number);
    if (latency && (latency.length !== 2 || latency.some((n) => !Number.isFinite(n)))) throw new Error(`--latency expects <min>-<max> in ms, got ${values.latency}`);
    const statuses = values['fault-statuses']?.split(',').map(Number);
    if (statuses?.some((status) => ![429, 500, 503].includes(status))) throw new Error(`--fault-statuses takes 429, 500 and 503, got ${values['fault-statuses']}`);
    faults = {
      rate: share('faults', values.faults) ?? 0,
      resetRate: share('reset-rate', values['reset-rate']),
      truncateRate: share('truncate-rate', values['truncate-rate']),
      latencyMs: latency as [number, number] | undefined,
      statuses: statuses as FaultStatus[] | undefined,
    };
  }
  if (values.sunset !== undefined && !Number.isFinite(Date.parse(values.sunset))) throw new Error(`--sunset expects a date, got ${values.sunset}`);
  const server = await startMockServer({
    port,
    host: values.host ?? '127.0.0.1',
    seed: values.seed,
    now: values.now,
    freezeClock: values['freeze-clock'] ?? false,
    allowRemoteControl: values['allow-remote-control'] ?? false,
    rateLimit: values['rate-limit'] === undefined ? undefined : parseRateLimit(values['rate-limit']),
    faults,
    sunset: values.sunset,
  });
  process.stdout.write(
    [
      `Fortary mock API listening`,
      `  base URL:      ${server.url}  (every path starts with /v1)`,
      `  bootstrap key: ${server.mock.bootstrapKey.secret}  (every scope, every vault)`,
      `  seed:          ${String(server.mock.seed.value)}`,
      `  clock:         ${server.mock.clock.now().toISOString()}${server.mock.clock.frozen ? ' (frozen: POST /_mock/clock moves it)' : ''}`,
      `  control plane: ${server.url}/_mock/  (clock, deposits, reset, faults, requests; no key)`,
      '',
      `  curl -H "Authorization: Bearer ${server.mock.bootstrapKey.secret}" ${server.url}/v1/vaults`,
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the mock\n`);
    // a stop asked for is a success: exit 0, so that `pnpm mock` does not report a failed run
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`fortary-mock: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`fortary-mock: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
