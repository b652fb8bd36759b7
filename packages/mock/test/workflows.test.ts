import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';

/**
 * The Arazzo workflows of spec/workflows run with `redocly respect` against a fresh mock over
 * HTTP; the product spec and the control-plane document are their two source descriptions.
 * Secrets go in through x-security only, and never appear in the run's output.
 */
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const workflowsDir = fileURLToPath(new URL('../../../spec/workflows', import.meta.url));
const workflows = readdirSync(workflowsDir).filter((name) => name.endsWith('.arazzo.yaml'));

let server: MockServer;
beforeEach(async () => {
  server = await startMockServer({ port: 0, seed: 'workflows' });
});
afterEach(() => server.close());

function respect(file: string, secret: string): Promise<{ status: number | null; output: string }> {
  const args = ['exec', 'redocly', 'respect', join(workflowsDir, file), '--server', `fortary=${server.url}`, '--server', `mockControl=${server.url}`];
  for (const input of ['apiKey', 'adminKey']) args.push('--input', `${input}=${secret}`);
  args.push('--input', `transferKey=workflow-${file}`);
  return new Promise((resolve) => {
    const child = spawn('pnpm', args, { cwd: packageDir, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}

describe('Arazzo workflows under redocly respect', () => {
  it('exist for the main flows', () => {
    expect(workflows).toEqual(expect.arrayContaining(['onboard-and-transfer.arazzo.yaml', 'rotate-api-key.arazzo.yaml', 'page-to-the-end.arazzo.yaml']));
  });

  for (const file of workflows) {
    it(`${file} passes against the mock, secrets kept out of the log`, async () => {
      const secret = server.mock.bootstrapKey.secret;
      const { status, output } = await respect(file, secret);
      expect(status, output).toBe(0);
      expect(output).toMatch(/Workflows: \d+ passed, \d+ total/);
      expect(output).not.toContain(secret);
      expect(output).not.toMatch(/fsk_test_[A-Za-z0-9]{40}/);
      // the flows really ran here: the mock logged them
      expect(server.mock.stats.requests).toBeGreaterThan(1);
    }, 120_000);
  }

  it('fails when the mock does not behave as a workflow expects (the check can fail)', async () => {
    await server.mock.control.changeClock({ frozen: true });
    server.mock.injectFaults([{ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'status', status: 503 }]);
    const { status } = await respect('page-to-the-end.arazzo.yaml', server.mock.bootstrapKey.secret);
    expect(status).not.toBe(0);
  }, 120_000);
});
