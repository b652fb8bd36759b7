import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';

/**
 * The README's control-plane session (curl) and its mockControl() sample, run as written
 * against a real server with FORTARY_BASE_URL and FORTARY_API_KEY set.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');

function block(after: string, language: string): string {
  const start = readme.indexOf(after);
  expect(start, `README has ${after}`).toBeGreaterThan(-1);
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(readme.slice(start));
  expect(match, `a ${language} block after ${after}`).not.toBeNull();
  return (match as RegExpExecArray)[1] as string;
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0, seed: 'readme' });
});
afterAll(() => server.close());

function run(command: string, args: string[], input: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, FORTARY_BASE_URL: server.url, FORTARY_API_KEY: server.mock.bootstrapKey.secret };
    const child = spawn(command, args, { cwd: packageDir, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('README control plane', () => {
  it('runs the curl session: freeze, fund, transfer, confirm, fail another, reset', async () => {
    // the session's first line sets the two variables for a reader; the test has set them already
    const session = block('<!-- control-plane-session -->', 'sh').replace(/^export FORTARY_BASE_URL=.*\n/m, '');
    const result = await run('bash', ['-e'], session);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('"status":"pending","createdAt"'); // the deposit as it arrived
    expect(result.stdout).toMatch(/"status":"confirmed","txHash":"0x[0-9a-f]{64}"/); // the transfer after two minutes
    expect(result.stdout).toContain('"status":"failed"');
    expect(server.mock.clock.frozen).toBe(false); // reset: back as it started
    expect(server.mock.stats.requests).toBe(0);
  }, 60_000);

  it('runs the mockControl() sample', async () => {
    // inside the package (not under node_modules), so that `@fortary/mock` resolves to this package's build
    const dir = mkdtempSync(join(packageDir, '.readme-'));
    try {
      const file = join(dir, 'control.mts');
      writeFileSync(file, block('wraps the same routes with types', 'ts'));
      const result = await run(process.execPath, ['--import', 'tsx', file], '');
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.trim()).toBe('invalid_asset');
      expect(server.mock.clock.frozen).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
