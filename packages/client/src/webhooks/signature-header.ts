import { FortaryWebhookVerificationError } from './errors.js';

/** The header as a receiver gets it: Node gives `string | string[] | undefined`, fetch's Headers `string | null`. */
export type SignatureHeader = string | readonly string[] | null | undefined;

export interface ParsedSignatureHeader {
  /** The `t=` value exactly as sent: it is part of the signed text. */
  timestamp: string;
  /** Every `v1=` signature, as 32 bytes each (several while a secret rotates). */
  signatures: Uint8Array[];
}

const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * Reads `Fortary-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`. Schemes other than `v1` are
 * skipped, so a header that adds one later still verifies here. Repeated header lines (an array)
 * are joined as HTTP joins them, with commas.
 */
export function parseSignatureHeader(header: SignatureHeader): ParsedSignatureHeader {
  const text = (typeof header === 'string' ? header : header?.join(',') ?? '').trim();
  if (text === '') throw new FortaryWebhookVerificationError('missing_signature', 'no Fortary-Signature header');
  const malformed = (why: string) => new FortaryWebhookVerificationError('malformed_signature', `Fortary-Signature ${why}`);

  let timestamp: string | undefined;
  const signatures: Uint8Array[] = [];
  for (const part of text.split(',')) {
    const match = /^\s*([a-z0-9]+)=(\S+?)\s*$/.exec(part);
    if (!match) throw malformed('is not a list of key=value pairs');
    const [, key, value] = match as unknown as [string, string, string];
    if (key === 't') {
      if (timestamp !== undefined) throw malformed('has more than one t=');
      if (!/^\d{1,12}$/.test(value)) throw malformed('has a t= that is not unix seconds');
      timestamp = value;
    } else if (key === 'v1') {
      if (!HEX_SHA256.test(value)) throw malformed('has a v1= that is not 64 lowercase hex digits');
      signatures.push(hexToBytes(value));
    }
  }
  if (timestamp === undefined) throw malformed('has no t=');
  if (signatures.length === 0) throw malformed('has no v1= signature');
  return { timestamp, signatures };
}

/** `t=…,v1=…[,v1=…]` */
export function formatSignatureHeader(timestamp: string, signatures: readonly Uint8Array[]): string {
  return [`t=${timestamp}`, ...signatures.map((signature) => `v1=${bytesToHex(signature)}`)].join(',');
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
