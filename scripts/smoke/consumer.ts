// An integrator's first program, compiled from the packed tarballs (not the workspace) with
// moduleResolution node16 and bundler, then run against the packed mock's CLI over HTTP.
import { createFortaryClient, FortaryApiError } from '@fortary/client';
import { parseAssetId } from '@fortary/schemas';
import type { Transfer, Vault } from '@fortary/types';

const baseUrl = process.env['FORTARY_BASE_URL'];
const apiKey = process.env['FORTARY_API_KEY'];
if (!baseUrl || !apiKey) throw new Error('FORTARY_BASE_URL and FORTARY_API_KEY must be set');

const DESTINATIONS: Record<string, string> = {
  Bitcoin: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
  Solana: '9WzDXwBbmkg8ZTbNMqUxvQRAyrZzDsGYdLVL9zYtAWWM',
};
const EVM_DESTINATION = '0x742d35Cc6634C0532925a3b844Bc454e4438f44e';

const fortary = createFortaryClient({ apiKey, baseUrl });

const created = await fortary.POST('/v1/vaults', { body: { name: 'Smoke test vault' } });
if (created.error) throw new Error(`createVault failed: ${created.error.code}`);
const vault: Vault = created.data;

const seen: string[] = [];
for await (const item of fortary.paginate('/v1/vaults', { params: { query: { limit: 2 } } })) seen.push(item.id);
if (!seen.includes(vault.id)) throw new Error('the new vault is missing from the pages');
if (new Set(seen).size !== seen.length) throw new Error('a vault was listed twice');

let transfer: Transfer | undefined;
for (const id of seen) {
  const balances = await fortary.GET('/v1/vaults/{vaultId}/balances', { params: { path: { vaultId: id } } });
  const funded = balances.data?.data.find((balance) => Number(balance.available) > 0.01);
  if (!funded) continue;
  const { network } = parseAssetId(funded.asset);
  const result = await fortary.POST('/v1/vaults/{vaultId}/transfers', {
    params: { path: { vaultId: id } },
    body: { asset: funded.asset, amount: '0.01', destinationAddress: DESTINATIONS[network] ?? EVM_DESTINATION },
  });
  if (result.error) throw new Error(`createTransfer failed: ${result.error.type}/${result.error.code}`);
  transfer = result.data;
  break;
}
if (!transfer) throw new Error('no seeded vault holds a balance to transfer');

const missing = await fortary.GET('/v1/vaults/{vaultId}', { params: { path: { vaultId: 'vault_doesnotexist0' } } });
if (missing.response.status !== 404 || missing.error?.code !== 'vault_not_found') throw new Error('expected a 404 vault_not_found');
if (!(FortaryApiError.prototype instanceof Error)) throw new Error('FortaryApiError must extend Error');

console.log(`smoke consumer: vault ${vault.id}, ${seen.length} vaults paged, transfer ${transfer.id} ${transfer.status}`);
