import { describe, expect, it } from 'vitest';
import { signatureHeader, signatureOf } from '../../src/events/signer.ts';
import { expectedSignature, parseSignature } from './support.ts';

describe('signatureHeader', () => {
  const body = '{"id":"evt_7d3a9c2e15","type":"transfer.updated","data":{"note":"Café ✓"}}';

  it('is t=<seconds>,v1=<lowercase hex HMAC-SHA256 of "<t>.<body>"> keyed with the whole secret', async () => {
    const header = signatureHeader('whsec_5f2d8a1c7e3b9f0a4d6c2e8b1f7a3d5c', 1770048390, body);
    const { t, v1 } = parseSignature(header);
    expect(t).toBe('1770048390');
    expect(v1).toEqual([await expectedSignature('whsec_5f2d8a1c7e3b9f0a4d6c2e8b1f7a3d5c', '1770048390', body)]);
    expect(header).toMatch(/^t=[0-9]+,v1=[0-9a-f]{64}$/);
  });

  it('keys with the UTF-8 bytes of the secret, prefix included', async () => {
    expect(signatureOf('whsec_ä', 1, body)).toBe(await expectedSignature('whsec_ä', '1', body));
    expect(signatureOf('whsec_abc', 1, body)).not.toBe(signatureOf('abc', 1, body));
  });

  it('carries one v1 per secret while a secret rotates', async () => {
    const { v1 } = parseSignature(signatureHeader(['whsec_old0000000000000000', 'whsec_new0000000000000000'], 5, body));
    expect(v1).toEqual([await expectedSignature('whsec_old0000000000000000', '5', body), await expectedSignature('whsec_new0000000000000000', '5', body)]);
  });

  it('changes with the timestamp and with any byte of the body', () => {
    expect(signatureOf('whsec_x', 1, body)).not.toBe(signatureOf('whsec_x', 2, body));
    expect(signatureOf('whsec_x', 1, body)).not.toBe(signatureOf('whsec_x', 1, `${body} `));
  });

  it('refuses a timestamp that is not whole seconds, and an empty secret list', () => {
    expect(() => signatureHeader('whsec_x', 1.5, body)).toThrow(/whole/);
    expect(() => signatureHeader([], 1, body)).toThrow(/at least one secret/);
  });
});
