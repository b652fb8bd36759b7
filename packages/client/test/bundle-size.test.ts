import { describe, expect, it } from 'vitest';
import { clientBundleSize, openapiFetchBundleSize, SIZE_BUDGET_BYTES } from '../scripts/bundle-size.ts';

// A size, not a timing: the same sources always minify and gzip to the same bytes.
describe('bundle size budget', () => {
  it(`keeps the client entry with openapi-fetch within ${SIZE_BUDGET_BYTES} B minified + gzipped`, async () => {
    const [client, bare] = await Promise.all([clientBundleSize(), openapiFetchBundleSize()]);
    expect(client.gzipped).toBeGreaterThan(bare.gzipped);
    expect(client.gzipped).toBeLessThanOrEqual(SIZE_BUDGET_BYTES);
  });
});
