/**
 * Every code sample of the docs site runs as written against the mock over HTTP: the curl
 * samples with the real `curl` binary, the TypeScript samples with node (through tsx) and the
 * real @fortary/client, each with FORTARY_BASE_URL and FORTARY_API_KEY set as an integrator
 * would. The mock is reset between samples, and a sample passes only when the mock logged its
 * operation with a 2xx status (a TypeScript sample also throws on an error by itself). The
 * TypeScript samples run one after another in one node process (sample-runner.ts), each as its
 * own module: starting node and tsx is most of what running one costs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mockControl, startMockServer, type MockServer } from '@fortary/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageDir } from '../scripts/paths.ts';
import type { SampleOutcome, SampleRequest } from './sample-runner.ts';
import { loadDocsDocument, operations } from './site.ts';

const samples = operations(loadDocsDocument());

// under node_modules so that `@fortary/client` resolves as in an integrator's project
const cacheDir = join(packageDir, 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true });
const workDir = mkdtempSync(join(cacheDir, 'samples-run-'));
writeFileSync(join(workDir, 'package.json'), '{ "type": "module" }\n');

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 'docs-samples', rateLimit: false });
});
afterAll(async () => {
  runner?.child.kill();
  await server.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Runs a command without blocking the event loop (the mock answers from this process). */
function run(command: string, args: string[], options: { input?: string }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

const SAMPLE_TIMEOUT = 60_000;
let runner: { child: ChildProcess; exited: Promise<number | null> } | undefined;

/**
 * Runs a TypeScript sample file in the shared runner, started on first use in the sample
 * folder. A sample that ends the runner (or runs too long) gets the exit status a process of
 * its own would have had, and the next sample a fresh runner.
 */
async function runSample(file: string): Promise<SampleOutcome> {
  if (!runner || runner.child.exitCode !== null || runner.child.signalCode !== null) {
    const child = spawn(process.execPath, ['--import', 'tsx', join(packageDir, 'test', 'sample-runner.ts')], { cwd: workDir, env: env(), stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    runner = { child, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
  }
  const { child, exited } = runner;
  let timer: NodeJS.Timeout | undefined;
  const answered = new Promise<SampleOutcome>((resolve) => child.once('message', (outcome) => resolve(outcome as SampleOutcome)));
  const ended = exited.then((status): SampleOutcome => ({ status, stdout: '', stderr: `the runner ended while the sample ran (exit ${status})` }));
  const killed = new Promise<SampleOutcome>((resolve) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve({ status: null, stdout: '', stderr: `killed after ${SAMPLE_TIMEOUT / 1000} s` });
    }, SAMPLE_TIMEOUT);
  });
  child.send({ file } satisfies SampleRequest);
  try {
    return await Promise.race([answered, ended, killed]);
  } finally {
    clearTimeout(timer);
  }
}

function env(): NodeJS.ProcessEnv {
  return { ...process.env, FORTARY_BASE_URL: server.url, FORTARY_API_KEY: server.mock.bootstrapKey.secret };
}

/** The operations the mock logged since the last reset, oldest first. */
async function logged(): Promise<Array<{ operationId: string | null; status: number }>> {
  return (await mockControl(server.url).requests()).data.reverse();
}

describe('docs code samples, run against the mock', () => {
  it('cover every operation', () => {
    expect(samples.length).toBeGreaterThan(10);
    for (const operation of samples) expect(operation.samples.map((sample) => sample.label), operation.operationId).toEqual(['TypeScript', 'curl']);
  });

  for (const operation of samples) {
    const curl = operation.samples.find((sample) => sample.label === 'curl')!.source;
    const typescript = operation.samples.find((sample) => sample.label === 'TypeScript')!.source;

    it(`${operation.operationId}: the curl sample succeeds`, async () => {
      await mockControl(server.url).reset();
      const result = await run('bash', ['-e'], { input: curl });
      expect(result.status, result.stderr).toBe(0);
      // a 204 (deleteWebhookEndpoint) has no body at all
      const body = result.stdout.trim() === '' ? {} : JSON.parse(result.stdout);
      const calls = await logged();
      expect(calls.map((call) => [call.operationId, call.status >= 200 && call.status < 300]), result.stdout.slice(0, 500)).toEqual([[operation.operationId, true]]);
      expect(body).not.toHaveProperty('code');
    });

    it(`${operation.operationId}: the TypeScript sample succeeds`, async () => {
      await mockControl(server.url).reset();
      const file = join(workDir, `${operation.operationId}.ts`);
      writeFileSync(file, typescript);
      const result = await runSample(file);
      expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
      const calls = await logged();
      expect(calls.map((call) => [call.operationId, call.status >= 200 && call.status < 300]), result.stdout.slice(0, 500)).toEqual([[operation.operationId, true]]);
    }, 60_000);
  }
});
