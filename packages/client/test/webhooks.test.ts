/**
 * `@fortary/client/webhooks` against signatures computed here with node:crypto's createHmac (never
 * with the package's own signing helper), following the header format of the spec:
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the whole secret>`.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FortaryError } from '../src/index.ts';
import { FortaryWebhookVerificationError, signWebhookPayload, verifyWebhook, type WebhookVerificationFailure } from '../src/webhooks/index.ts';

const secret = 'whsec_Mp3Yq8ZxV2nR5tK7wB9cD1eF';
const nextSecret = 'whsec_Hk4Lm6Np8Qr0St2Uv4Wx6Yz8';
const now = Date.parse('2026-03-01T12:00:10Z');
const t = now / 1000 - 10;
const event = {
  id: 'evt_7b1c9d2e4f',
  type: 'transfer.updated',
  createdAt: '2026-03-01T12:00:00Z',
  data: { id: 'transfer_9a8b7c6d5e', status: 'confirmed', note: 'Überweisung 2026-014 (€)' },
};
const body = JSON.stringify(event);

/** The HMAC as the spec defines it, from node:crypto. */
const hmac = (timestamp: number | string, payload: string | Uint8Array, key = secret) =>
  createHmac('sha256', Buffer.from(key, 'utf8')).update(`${timestamp}.`).update(payload).digest('hex');
const header = (timestamp: number | string, payload: string | Uint8Array, ...keys: string[]) =>
  [`t=${timestamp}`, ...(keys.length ? keys : [secret]).map((key) => `v1=${hmac(timestamp, payload, key)}`)].join(',');

async function failure(promise: Promise<unknown>): Promise<FortaryWebhookVerificationError> {
  const caught = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(FortaryWebhookVerificationError);
  return caught as FortaryWebhookVerificationError;
}

const reasonOf = async (promise: Promise<unknown>): Promise<WebhookVerificationFailure> => (await failure(promise)).reason;

describe('verifyWebhook', () => {
  it('returns the event of a correctly signed delivery', async () => {
    await expect(verifyWebhook({ payload: body, signature: header(t, body), secret, now })).resolves.toEqual(event);
  });

  it('verifies the raw bytes: Buffer, Uint8Array and ArrayBuffer payloads', async () => {
    const bytes = new TextEncoder().encode(body);
    const signature = header(t, bytes);
    for (const payload of [Buffer.from(bytes), new Uint8Array(bytes), bytes.buffer.slice(0)]) {
      await expect(verifyWebhook({ payload, signature, secret, now })).resolves.toEqual(event);
    }
  });

  it('refuses a tampered body, and a body parsed and serialized again', async () => {
    const signature = header(t, body);
    const tampered = body.replace('confirmed', 'failed');
    expect(await reasonOf(verifyWebhook({ payload: tampered, signature, secret, now }))).toBe('no_matching_signature');
    const reserialized = JSON.stringify(event, null, 2);
    expect(await reasonOf(verifyWebhook({ payload: reserialized, signature, secret, now }))).toBe('no_matching_signature');
    const otherTime = header(t, body).replace(`t=${t}`, `t=${t + 1}`);
    expect(await reasonOf(verifyWebhook({ payload: body, signature: otherTime, secret, now }))).toBe('no_matching_signature');
  });

  it('refuses a signature made with another secret, and never shows a secret or an expected signature', async () => {
    const error = await failure(verifyWebhook({ payload: body, signature: header(t, body, nextSecret), secret, now }));
    expect(error.reason).toBe('no_matching_signature');
    expect(error).toBeInstanceOf(FortaryError);
    const shown = `${error.message} ${JSON.stringify(error)}`;
    for (const forbidden of [secret, nextSecret, hmac(t, body, secret)]) expect(shown).not.toContain(forbidden);
  });

  it('refuses a timestamp older or further ahead than the tolerance, and accepts its edges', async () => {
    const at = (timestamp: number, toleranceSeconds?: number) =>
      verifyWebhook({ payload: body, signature: header(timestamp, body), secret, now, ...(toleranceSeconds === undefined ? {} : { toleranceSeconds }) });
    const nowSeconds = now / 1000;
    await expect(at(nowSeconds - 300)).resolves.toEqual(event);
    await expect(at(nowSeconds + 300)).resolves.toEqual(event);
    expect(await reasonOf(at(nowSeconds - 301))).toBe('timestamp_too_old');
    expect(await reasonOf(at(nowSeconds + 301))).toBe('timestamp_in_future');
    expect(await reasonOf(at(nowSeconds - 61, 60))).toBe('timestamp_too_old');
    await expect(at(nowSeconds - 3600, 7200)).resolves.toEqual(event);
    // `now` as a Date, and the real clock by default
    await expect(verifyWebhook({ payload: body, signature: header(nowSeconds, body), secret, now: new Date(now) })).resolves.toEqual(event);
    expect(await reasonOf(verifyWebhook({ payload: body, signature: header(nowSeconds, body), secret }))).toBe('timestamp_too_old');
  });

  it('accepts a delivery during a rotation: several v1 signatures, several secrets', async () => {
    const both = header(t, body, secret, nextSecret);
    await expect(verifyWebhook({ payload: body, signature: both, secret, now })).resolves.toEqual(event);
    await expect(verifyWebhook({ payload: body, signature: both, secret: nextSecret, now })).resolves.toEqual(event);
    await expect(verifyWebhook({ payload: body, signature: header(t, body, secret), secret: [nextSecret, secret], now })).resolves.toEqual(event);
    const stranger = 'whsec_SomebodyElse000000000000';
    expect(await reasonOf(verifyWebhook({ payload: body, signature: header(t, body, stranger), secret: [nextSecret, secret], now }))).toBe('no_matching_signature');
  });

  it.each<[string, string | string[] | null | undefined, WebhookVerificationFailure]>([
    ['no header (fetch Headers)', null, 'missing_signature'],
    ['no header (Node)', undefined, 'missing_signature'],
    ['an empty header', '  ', 'missing_signature'],
    ['not key=value pairs', 'garbage', 'malformed_signature'],
    ['no timestamp', `v1=${hmac(t, body)}`, 'malformed_signature'],
    ['no v1 signature', `t=${t}`, 'malformed_signature'],
    ['only another scheme', `t=${t},v0=${hmac(t, body)}`, 'malformed_signature'],
    ['a timestamp that is not unix seconds', `t=2026-03-01T12:00:00Z,v1=${hmac(t, body)}`, 'malformed_signature'],
    ['two timestamps', `t=${t},t=${t},v1=${hmac(t, body)}`, 'malformed_signature'],
    ['an upper-case signature', `t=${t},v1=${hmac(t, body).toUpperCase()}`, 'malformed_signature'],
    ['a short signature', `t=${t},v1=${hmac(t, body).slice(2)}`, 'malformed_signature'],
    ['an empty value', `t=${t},v1=`, 'malformed_signature'],
  ])('refuses %s', async (_, signature, reason) => {
    expect(await reasonOf(verifyWebhook({ payload: body, signature, secret, now }))).toBe(reason);
  });

  it('skips unknown schemes beside v1, reads repeated header lines, and tolerates spaces', async () => {
    await expect(verifyWebhook({ payload: body, signature: `t=${t},v0=abc,v1=${hmac(t, body)},v2=def`, secret, now })).resolves.toEqual(event);
    await expect(verifyWebhook({ payload: body, signature: [`t=${t}`, `v1=${hmac(t, body)}`], secret, now })).resolves.toEqual(event);
    await expect(verifyWebhook({ payload: body, signature: `t=${t}, v1=${hmac(t, body)}`, secret, now })).resolves.toEqual(event);
  });

  it.each<[string, string | Uint8Array]>([
    ['not JSON', 'not json'],
    ['a JSON array', '[1,2,3]'],
    ['JSON null', 'null'],
    ['an object without the event fields', JSON.stringify({ id: 'evt_1', type: 'transfer.updated' })],
    ['bytes that are not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
  ])('refuses a correctly signed body that is %s', async (_, payload) => {
    expect(await reasonOf(verifyWebhook({ payload, signature: header(t, payload), secret, now }))).toBe('malformed_payload');
  });

  it('throws a TypeError for options that can never verify', async () => {
    const signature = header(t, body);
    await expect(verifyWebhook({ payload: body, signature, secret: secret.slice('whsec_'.length), now })).rejects.toThrow(/whsec_ prefix/);
    await expect(verifyWebhook({ payload: body, signature, secret: [], now })).rejects.toThrow(TypeError);
    await expect(verifyWebhook({ payload: event as unknown as string, signature, secret, now })).rejects.toThrow(/raw body/);
    await expect(verifyWebhook({ payload: body, signature, secret, now, toleranceSeconds: -1 })).rejects.toThrow(TypeError);
  });
});

describe('signWebhookPayload (for tests of a receiver)', () => {
  it('writes the header Fortary sends, one v1 per secret', async () => {
    await expect(signWebhookPayload({ payload: body, secret, timestamp: t })).resolves.toBe(header(t, body));
    await expect(signWebhookPayload({ payload: body, secret: [secret, nextSecret], timestamp: t })).resolves.toBe(header(t, body, secret, nextSecret));
    const signature = await signWebhookPayload({ payload: body, secret });
    await expect(verifyWebhook({ payload: body, signature, secret })).resolves.toEqual(event);
    await expect(signWebhookPayload({ payload: body, secret, timestamp: 1.5 })).rejects.toThrow(TypeError);
  });
});
