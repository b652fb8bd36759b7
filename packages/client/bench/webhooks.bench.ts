/**
 * `pnpm bench client`: what `verifyWebhook` costs per delivery, against what a receiver writing
 * the check by hand with Web Crypto would pay at least (import the key, HMAC `<t>.<body>`, compare
 * with the header's signature in constant time), in the same run on the same delivery. The
 * difference is the header parsing, the checks and parsing the event.
 */
import { createHmac } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { median, round, type Bench } from '../../../scripts/bench-kit.ts';
import { webhooksBundleSize } from '../scripts/bundle-size.ts';
import { verifyWebhook } from '../src/webhooks/index.ts';

const secret = 'whsec_BenchBenchBenchBenchBench00';
const payload = JSON.stringify({
  id: 'evt_7b1c9d2e4f',
  type: 'transfer.updated',
  createdAt: '2026-03-01T12:00:00Z',
  data: {
    id: 'transfer_9a8b7c6d5e',
    vaultId: 'vault_3f8a2c1d9b',
    asset: 'Ethereum/erc20:0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    amount: '1249.500000',
    destinationAddress: '0x742d35Cc6634C0532925a3b844Bc454e4438f44e',
    status: 'confirmed',
    txHash: '0x9f2c4e1a7b3d5f6e8a0c2b4d6f8e1a3c5b7d9f0e2a4c6b8d0f1e3a5c7b9d1f3e',
    note: 'Invoice 2026-014',
    createdAt: '2026-03-01T11:58:00Z',
    updatedAt: '2026-03-01T12:00:00Z',
  },
});
const timestamp = Math.floor(Date.now() / 1000);
const hex = createHmac('sha256', secret).update(`${timestamp}.${payload}`).digest('hex');
const signature = `t=${timestamp},v1=${hex}`;
const encoder = new TextEncoder();

/** The least a hand-written check does with Web Crypto. */
async function byHand(): Promise<unknown> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${payload}`)));
  let difference = 0;
  for (let i = 0; i < mac.length; i++) difference |= mac[i]! ^ parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  if (difference !== 0) throw new Error('bench: baseline signature mismatch');
  return payload;
}

const variants: Record<string, () => Promise<unknown>> = {
  'bare Web Crypto HMAC': byHand,
  verifyWebhook: () => verifyWebhook({ payload, signature, secret }),
};

async function callsPerSecond(call: () => Promise<unknown>, calls: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await call();
  return calls / ((performance.now() - started) / 1000);
}

const bench: Bench = {
  name: 'client webhooks',
  async run() {
    const size = await webhooksBundleSize();
    for (const call of Object.values(variants)) await callsPerSecond(call, 1_000);
    const rounds: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
    // Interleaved rounds, median of each, so that load on the machine hits both alike.
    for (let round = 0; round < 7; round++) {
      for (const [name, call] of Object.entries(variants)) rounds[name]!.push(await callsPerSecond(call, 2_000));
    }
    const perSecond = Object.fromEntries(Object.entries(rounds).map(([name, values]) => [name, median(values)])) as Record<string, number>;
    return [
      { metric: 'webhooks entry min+gzip', value: size.gzipped, unit: 'B', note: 'separate from the client entry (esbuild)' },
      { metric: 'verifications/s bare Web Crypto HMAC', value: Math.round(perSecond['bare Web Crypto HMAC']!), unit: 'calls/s', note: 'importKey + sign + compare, same run' },
      { metric: 'verifications/s verifyWebhook', value: Math.round(perSecond.verifyWebhook!), unit: 'calls/s', note: `${payload.length} B event, one secret` },
      { metric: 'verifyWebhook / bare HMAC', value: round(perSecond.verifyWebhook! / perSecond['bare Web Crypto HMAC']!, 2), unit: '×', note: 'median of 7 interleaved rounds' },
    ];
  },
};

export default bench;
