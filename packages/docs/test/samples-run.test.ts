/**
 * Every code sample of the docs site runs as written against the mock over HTTP: the curl
 * samples with the real `curl` binary, the TypeScript samples with node (through tsx) and the
 * real @fortary/client, each with FORTARY_BASE_URL and FORTARY_API_KEY set as an integrator
 * would. The mock is reset between samples, and a sample passes only when the mock logged its
 * operation with a 2xx status (a TypeScript sample also throws on an error by itself).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mockControl, startMockServer, type MockServer } from '@fortary/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageDir } from '../scripts/paths.ts';
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
  await server.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** Runs a command without blocking the event loop (the mock answers from this process). */
function run(command: string, args: string[], options: { input?: string; cwd?: string }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: env(), stdio: ['pipe', 'pipe', 'pipe'] });
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
      const result = await run(process.execPath, ['--import', 'tsx', file], { cwd: workDir });
      expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
      const calls = await logged();
      expect(calls.map((call) => [call.operationId, call.status >= 200 && call.status < 300]), result.stdout.slice(0, 500)).toEqual([[operation.operationId, true]]);
    }, 60_000);
  }
});
