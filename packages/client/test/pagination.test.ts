import { describe, expect, it } from 'vitest';
import { FortaryApiError, FortaryError } from '../src/index.ts';
import { withScript } from './support/harness.ts';
import { apiError, json, vault } from './support/scripted-server.ts';

const page = (ids: string[], nextCursor: string | null) => json(200, { data: ids.map(vault), nextCursor });

describe('paginate', () => {
  it('follows nextCursor until null, passing each cursor back exactly', async () => {
    const h = withScript([page(['vault_a', 'vault_b'], 'c+1/=='), page(['vault_c'], 'c2'), page([], 'c3'), page(['vault_d'], null)]);
    const ids: string[] = [];
    for await (const item of h.client.paginate('/v1/vaults', { params: { query: { limit: 2 } } })) ids.push(item.id);
    expect(ids).toEqual(['vault_a', 'vault_b', 'vault_c', 'vault_d']);
    expect(h.server.requests.map((request) => request.query.get('cursor'))).toEqual([null, 'c+1/==', 'c2', 'c3']);
    expect(h.server.requests.every((request) => request.query.get('limit') === '2')).toBe(true);
  });

  it('yields whole pages from pages(), with their request ids', async () => {
    const h = withScript([page(['vault_a', 'vault_b'], 'c1'), page(['vault_c'], null)]);
    const pages = [];
    for await (const onePage of h.client.paginate('/v1/vaults/{vaultId}/transfers', { params: { path: { vaultId: 'vault_x' } } }).pages()) pages.push(onePage);
    expect(pages.map((p) => p.data.length)).toEqual([2, 1]);
    expect(pages[0]?.nextCursor).toBe('c1');
    expect(pages[0]?.requestId).toMatch(/^req_/);
    expect(h.server.requests[0]?.path).toBe('/v1/vaults/vault_x/transfers');
  });

  it('stops at maxItems without fetching further pages', async () => {
    const h = withScript([page(['vault_a', 'vault_b'], 'c1'), page(['vault_c', 'vault_d'], 'c2'), page(['vault_e'], null)]);
    const ids: string[] = [];
    for await (const item of h.client.paginate('/v1/vaults', { maxItems: 3 })) ids.push(item.id);
    expect(ids).toEqual(['vault_a', 'vault_b', 'vault_c']);
    expect(h.server.requests).toHaveLength(2);
  });

  it('fails on a repeated cursor instead of looping', async () => {
    const h = withScript([page(['vault_a'], 'c1'), page(['vault_b'], 'c2'), page(['vault_a'], 'c1')], {}, page(['vault_z'], 'c1'));
    const ids: string[] = [];
    const run = async () => {
      for await (const item of h.client.paginate('/v1/vaults')) ids.push(item.id);
    };
    const failure = await run().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FortaryError);
    expect((failure as Error).message).toMatch(/cursor "c1" repeated; stopped instead of looping/);
    expect(ids).toEqual(['vault_a', 'vault_b', 'vault_a']);
    expect(h.server.requests).toHaveLength(3);
  });

  it('throws the API error of a page that fails for good', async () => {
    const h = withScript([page(['vault_a'], 'c1'), apiError(400, 'invalid_cursor')]);
    const ids: string[] = [];
    const run = async () => {
      for await (const item of h.client.paginate('/v1/vaults')) ids.push(item.id);
    };
    const failure = await run().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FortaryApiError);
    expect(failure).toMatchObject({ status: 400, code: 'invalid_cursor' });
    expect(ids).toEqual(['vault_a']);
  });

  it('passes the signal to every page', async () => {
    const controller = new AbortController();
    const h = withScript([page(['vault_a'], 'c1'), page(['vault_b'], 'c2')], {}, { hang: true });
    const ids: string[] = [];
    const run = (async () => {
      for await (const item of h.client.paginate('/v1/vaults', { signal: controller.signal })) {
        ids.push(item.id);
        if (ids.length === 2) setTimeout(() => controller.abort(), 10);
      }
    })();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(ids).toEqual(['vault_a', 'vault_b']);
    expect(h.server.requests).toHaveLength(3);
  });

  it('refuses a bad maxItems', () => {
    const h = withScript([]);
    expect(() => h.client.paginate('/v1/vaults', { maxItems: -1 })).toThrow(/`maxItems` must be an integer ≥ 0 \(got -1\)/);
  });
});
