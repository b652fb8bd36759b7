import { describe, expect, it } from 'vitest';
import { elide, elideInputIn, elideList } from '../src/echo.js';
import { TRANSPORTS, USDC, VALID_EVM_ADDRESS, useHarness, vaultNamed, type CallResult } from './support/harness.js';

/** The spec's caps on Error.message, ErrorDetail.field and ErrorDetail.issue. */
function expectWithinCaps(response: CallResult): void {
  expect(response.body.message.length).toBeLessThanOrEqual(1000);
  for (const detail of response.body.details ?? []) {
    expect(detail.field.length).toBeLessThanOrEqual(200);
    expect(detail.issue.length).toBeLessThanOrEqual(500);
  }
}

describe('eliding echoed input', () => {
  it('keeps the head of a long value and says how long it was', () => {
    expect(elide('short')).toBe('short');
    expect(elide('x'.repeat(700))).toBe(`${'x'.repeat(80)}… (700 characters)`);
    expect(elideInputIn(`asset id '${'a'.repeat(300)}': unknown network '${'a'.repeat(200)}'`, 'a'.repeat(300))).toBe(
      `asset id '${'a'.repeat(80)}… (300 characters)': unknown network '${'a'.repeat(80)}… (200 characters)'`,
    );
    const list = elideList(Array.from({ length: 200 }, (_, index) => `key${index}${'k'.repeat(100)}`), 500);
    expect(list.length).toBeLessThanOrEqual(500);
    expect(list).toMatch(/ and \d+ more$/);
  });
});

describe.each(TRANSPORTS)('error texts stay within the contract whatever the request echoes (%s)', (transport) => {
  const ctx = useHarness(transport, { rateLimit: false });
  const transfer = (body: Record<string, unknown>) =>
    ctx.h.call('POST', `/v1/vaults/${vaultNamed(ctx.h.mock, 'Treasury')}/transfers`, { body, idempotencyKey: crypto.randomUUID() });

  it('bounds a 700-character unknown key and hundreds of long unknown keys', async () => {
    const one = await ctx.h.call('POST', '/v1/vaults', { body: { name: 'Echo', ['k'.repeat(700)]: 1 } });
    expect([one.status, one.body.code]).toEqual([422, 'validation_failed']);
    expect(one.body.details).toEqual([{ field: 'body', issue: expect.stringContaining('… (700 characters)') }]);
    expectWithinCaps(one);
    const many = await ctx.h.call('POST', '/v1/vaults', { body: Object.fromEntries([['name', 'Echo'], ...Array.from({ length: 300 }, (_, index) => [`unknown${index}${'u'.repeat(90)}`, index])]) });
    expect(many.body.details[0].issue).toMatch(/ and \d+ more: /);
    expectWithinCaps(many);
  });

  it('bounds a 600-character asset id, address and network name', async () => {
    for (const body of [
      { asset: `Ethereum/erc20:0x${'a'.repeat(600)}`, amount: '1', destinationAddress: VALID_EVM_ADDRESS },
      { asset: `${'N'.repeat(600)}/native`, amount: '1', destinationAddress: VALID_EVM_ADDRESS },
      { asset: USDC, amount: '1', destinationAddress: `0x${'b'.repeat(600)}` },
      { asset: USDC, amount: `1.${'0'.repeat(600)}`, destinationAddress: VALID_EVM_ADDRESS },
    ]) {
      const response = await transfer(body);
      expect(response.status).toBe(422);
      // an echoed value is elided (an amount over its maxLength is not echoed at all)
      if (!String(body.amount).startsWith('1.')) expect(JSON.stringify(response.body)).toContain('characters)');
      expectWithinCaps(response);
    }
  });

  it('bounds a long path, method and query parameter name', async () => {
    const path = await ctx.h.call('GET', `/v1/${'p'.repeat(3000)}`);
    expect([path.status, path.body.code]).toEqual([404, 'route_not_found']);
    expectWithinCaps(path);
    const query = await ctx.h.call('GET', `/v1/vaults?${'q'.repeat(3000)}=1`);
    expect(query.status).toBe(422);
    expectWithinCaps(query);
  });
});
