/**
 * The receiver sample of the "Events and webhooks" concept page, type-checked against the real
 * @fortary/client and run as written (node through tsx) against deliveries of the mock: it
 * must log a genuine delivery once, acknowledge a repeat without handling it again, and
 * refuse a delivery whose body was altered.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import ts from 'typescript';
import { startMockServer, type MockServer } from '@fortary/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageDir } from '../scripts/paths.ts';
import { loadDocsDocument } from './site.ts';

// The page as the site publishes it: a concept page is a tag of the docs document.
const page = (loadDocsDocument().tags as Array<{ name: string; description?: string }>).find((tag) => tag.name === 'Events and webhooks')?.description ?? '';
const sample = /```ts\n([\s\S]*?)```/.exec(page)?.[1] ?? '';

const cacheDir = join(packageDir, 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true });
const workDir = mkdtempSync(join(cacheDir, 'webhook-sample-'));
writeFileSync(join(workDir, 'package.json'), '{ "type": "module" }\n');
const file = join(workDir, 'receiver.ts');
writeFileSync(file, sample);

let server: MockServer;
let child: ChildProcess | undefined;
let port = 0;
let stdout = '';
let secret = '';

/**
 * POSTs on a connection of its own and returns the status. The global fetch would reuse the
 * connection of the start-up probe, which the sample's server closes once it has been idle for
 * its keep-alive timeout: a request sent at that moment fails with "other side closed".
 */
function postOnce(url: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: 'POST', headers, agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    sent.on('error', reject);
    sent.end(body);
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port: found } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return found;
}

beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1', seed: 'webhook-sample', rateLimit: false });
  port = await freePort();
  const auth = { authorization: `Bearer ${server.mock.bootstrapKey.secret}`, 'content-type': 'application/json' };
  const endpoint = await (await fetch(`${server.url}/v1/webhook-endpoints`, { method: 'POST', headers: auth, body: JSON.stringify({ url: `http://127.0.0.1:${port}/`, eventTypes: ['transfer.created'] }) })).json();
  secret = endpoint.secret;
  child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: workDir, env: { ...process.env, PORT: String(port), FORTARY_WEBHOOK_SECRET: secret }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  // wait until the sample listens (a request without a signature is refused, which proves it runs)
  let up = false;
  for (let tries = 0; tries < 300 && !up && child.exitCode === null; tries++) {
    up = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '{}' }).then((response) => response.status === 400, () => false);
    if (!up) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!up) throw new Error(`the sample did not start: ${stderr.slice(0, 2000)}`);
  const vaultId = server.mock.seed.vaults.find((vault) => vault.name === 'Treasury')!.id;
  const created = await fetch(`${server.url}/v1/vaults/${vaultId}/transfers`, {
    method: 'POST',
    headers: { ...auth, 'idempotency-key': 'webhook-sample' },
    body: JSON.stringify({ asset: 'Bitcoin/native', amount: '0.001', destinationAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq' }),
  });
  expect(created.status).toBe(201);
  await server.mock.webhooks.idle();
}, 60_000);

afterAll(async () => {
  child?.kill();
  await server?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe('the webhook receiver sample of the concept page', () => {
  it('type-checks against the real @fortary/client (strict, NodeNext)', () => {
    expect(sample).toContain("from '@fortary/client/webhooks'");
    const program = ts.createProgram([file], {
      target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
      strict: true, noUncheckedIndexedAccess: true, noEmit: true, skipLibCheck: true, types: ['node'], lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it('handles a real delivery once, acknowledges a repeat, and refuses an altered body', async () => {
    const [delivery] = server.mock.webhooks.deliveries();
    expect(delivery).toMatchObject({ eventType: 'transfer.created', status: 'succeeded', attempts: [{ responseStatus: 204 }] });
    await expect.poll(() => stdout).toContain(`transfer.created ${delivery!.eventId}`);

    // The same delivery again (same body and signature, as a retry would be): acknowledged, not handled twice.
    const event = server.mock.core.events.log.get(delivery!.eventId)!;
    const t = Math.floor(server.mock.clock.now().getTime() / 1000);
    const { createHmac } = await import('node:crypto');
    const signature = `t=${t},v1=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(`${t}.${event.json}`).digest('hex')}`;
    const headers = { 'fortary-signature': signature, 'content-type': 'application/json' };
    expect(await postOnce(`http://127.0.0.1:${port}/`, headers, event.json)).toBe(204);
    const altered = event.json.replace('"pending"', '"confirmed"');
    expect(altered).not.toBe(event.json);
    expect(await postOnce(`http://127.0.0.1:${port}/`, headers, altered)).toBe(400);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stdout.split('\n').filter((line) => line.includes(delivery!.eventId))).toHaveLength(1);
  });
});
