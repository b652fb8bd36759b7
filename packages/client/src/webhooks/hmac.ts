/**
 * HMAC-SHA256 over `<t>.<raw body>`, keyed with the UTF-8 bytes of the endpoint's whole secret
 * (its `whsec_` prefix included), with Web Crypto only, so the same code runs on Node ≥ 20, Deno,
 * Bun, browsers and edge workers.
 */
const encoder = new TextEncoder();

/** The raw body as bytes: a string is taken as the body's UTF-8 text. */
export type WebhookPayload = string | Uint8Array | ArrayBuffer;

export function payloadBytes(payload: WebhookPayload): Uint8Array {
  return typeof payload === 'string' ? encoder.encode(payload) : payload instanceof Uint8Array ? payload : new Uint8Array(payload);
}

/** The signed text, `<t>.<raw body>`, as bytes. */
export function signedBytes(timestamp: string, body: Uint8Array): Uint8Array {
  const prefix = encoder.encode(`${timestamp}.`);
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix);
  out.set(body, prefix.length);
  return out;
}

export async function hmacSha256(secret: string, data: Uint8Array): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, data as BufferSource));
}

/**
 * Compares two byte strings in time that depends on their length only, never on where they
 * differ, so a forger learns nothing from how long a rejection takes.
 */
export function equalInConstantTime(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
