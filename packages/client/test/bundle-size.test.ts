import { describe, expect, it } from 'vitest';
import { clientBundleSize, openapiFetchBundleSize, SIZE_BUDGET_BYTES, webhooksBundleSize } from '../scripts/bundle-size.ts';

// A size, not a timing: the same sources always minify and gzip to the same bytes.
describe('bundle size budget', () => {
  it(`keeps the client entry with openapi-fetch within ${SIZE_BUDGET_BYTES} B minified + gzipped`, async () => {
    const [client, bare] = await Promise.all([clientBundleSize(), openapiFetchBundleSize()]);
    expect(client.gzipped).toBeGreaterThan(bare.gzipped);
    expect(client.gzipped).toBeLessThanOrEqual(SIZE_BUDGET_BYTES);
    expect(client.inputs.some((input) => input.includes('/webhooks/'))).toBe(false);
  });

  it('keeps the webhooks entry apart: no HTTP client in it, and Web Crypto rather than any Node module', async () => {
    const webhooks = await webhooksBundleSize();
    expect(webhooks.inputs.filter((input) => /openapi-fetch|src\/(client|paginate)\.ts|retry-loop/.test(input))).toEqual([]);
    expect(webhooks.code).not.toMatch(/\bnode:|\brequire\(|\bBuffer\b/);
    expect(webhooks.code).toContain('crypto.subtle');
  });
});
