import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';
import { startMockServer, type MockServer } from '../src/index.js';
import { redocly } from './support/redocly.js';

/**
 * The Arazzo workflows of spec/workflows run with `redocly respect` against a fresh mock over
 * HTTP; the product spec and the control-plane document are their two source descriptions.
 * Secrets go in through x-security only, and never appear in the run's output.
 *
 * Each run has a mock of its own (a workflow may rely on the seed, e.g. its number of vaults), so
 * the runs are independent and go side by side: most of a run is Redocly starting up.
 */
const workflowsDir = fileURLToPath(new URL('../../../spec/workflows', import.meta.url));
const workflows = readdirSync(workflowsDir).filter((name) => name.endsWith('.arazzo.yaml'));

/** A fresh mock for one run, closed after it. */
async function withServer<T>(run: (server: MockServer) => Promise<T>): Promise<T> {
  const server = await startMockServer({ port: 0, seed: 'workflows' });
  try {
    return await run(server);
  } finally {
    await server.close();
  }
}

function respect(server: MockServer, file: string, secret: string): Promise<{ status: number | null; output: string }> {
  const args = ['respect', join(workflowsDir, file), '--server', `fortary=${server.url}`, '--server', `mockControl=${server.url}`];
  for (const input of ['apiKey', 'adminKey']) args.push('--input', `${input}=${secret}`);
  args.push('--input', `transferKey=workflow-${file}`);
  return redocly(args);
}

describe.concurrent('Arazzo workflows under redocly respect', () => {
  it('exist for the main flows', ({ expect }) => {
    expect(workflows).toEqual(expect.arrayContaining(['onboard-and-transfer.arazzo.yaml', 'rotate-api-key.arazzo.yaml', 'page-to-the-end.arazzo.yaml']));
  });

  for (const file of workflows) {
    it(`${file} passes against the mock, secrets kept out of the log`, ({ expect }) =>
      withServer(async (server) => {
        const secret = server.mock.bootstrapKey.secret;
        const { status, output } = await respect(server, file, secret);
        expect(status, output).toBe(0);
        expect(output).toMatch(/Workflows: \d+ passed, \d+ total/);
        expect(output).not.toContain(secret);
        expect(output).not.toMatch(/fsk_test_[A-Za-z0-9]{40}/);
        // the flows really ran here: the mock logged them
        expect(server.mock.stats.requests).toBeGreaterThan(1);
      }), 120_000);
  }

  it('fails when the mock does not behave as a workflow expects (the check can fail)', ({ expect }) =>
    withServer(async (server) => {
      await server.mock.control.changeClock({ frozen: true });
      server.mock.injectFaults([{ kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'status', status: 503 }]);
      const { status } = await respect(server, 'page-to-the-end.arazzo.yaml', server.mock.bootstrapKey.secret);
      expect(status).not.toBe(0);
    }), 120_000);
});
