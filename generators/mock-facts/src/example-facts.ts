/**
 * The records the spec's examples show (vaults, deposit addresses, transfers, API keys and a
 * vault's balances), gathered from every 2xx response example so that the mock's default seed
 * holds each id, address and asset the documentation uses. Where one id appears in several
 * examples, the GET operation's wins: it shows the record's settled state.
 */
import { LocatedError, listOperations, type OpenApiDocument } from '@fortary/codegen-kit';

type Json = Record<string, unknown>;

export interface ExampleFacts {
  vaults: Array<{ id: string; name: string }>;
  depositAddresses: Array<{ id: string; vaultId: string; network: string; address: string; label: string | null }>;
  transfers: Array<{ id: string; vaultId: string; asset: string; amount: string; destinationAddress: string; status: string; txHash: string | null; fee: string | null; note: string | null }>;
  apiKeys: Array<{ id: string; name: string; scopes: string[]; vaultAllowlist: string[] | null; ipAllowlist: string[] | null }>;
  deposits: Array<{ id: string; vaultId: string; depositAddressId: string; asset: string; amount: string; txHash: string; status: string; createdAt: string; updatedAt: string; confirmedAt: string | null }>;
  /** Past events, with the resource as they show it. */
  events: Array<{ id: string; type: string; createdAt: string; data: Record<string, unknown> }>;
  webhookEndpoints: Array<{ id: string; url: string; eventTypes: string[] | null; description: string | null; apiKeyId: string; createdAt: string }>;
  /** Holdings shown by the balances example, for the vault its path parameter's example names. */
  balances: Array<{ vaultId: string; asset: string; total: string }>;
}

const FIELDS: Record<string, string[]> = {
  vault: ['id', 'name'],
  addr: ['id', 'vaultId', 'network', 'address', 'label'],
  transfer: ['id', 'vaultId', 'asset', 'amount', 'destinationAddress', 'status', 'txHash', 'fee', 'note'],
  key: ['id', 'name', 'scopes', 'vaultAllowlist', 'ipAllowlist'],
  dep: ['id', 'vaultId', 'depositAddressId', 'asset', 'amount', 'txHash', 'status', 'createdAt', 'updatedAt', 'confirmedAt'],
  evt: ['id', 'type', 'createdAt', 'data'],
  whep: ['id', 'url', 'eventTypes', 'description', 'apiKeyId', 'createdAt'],
};

function resolve(document: OpenApiDocument, value: unknown): Json {
  let current = value as Json;
  while (current && typeof current['$ref'] === 'string') {
    current = (current['$ref'] as string)
      .slice(2)
      .split('/')
      .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((node: Json, token) => node[token] as Json, document as unknown as Json);
  }
  return current;
}

function examplesOf(document: OpenApiDocument, media: Json): unknown[] {
  if (media['example'] !== undefined) return [media['example']];
  return Object.values((media['examples'] as Json | undefined) ?? {}).map((example) => resolve(document, example)['value']);
}

export function exampleFacts(document: OpenApiDocument, file: string): ExampleFacts {
  const found = new Map<string, { record: Json; fromGet: boolean }>();
  const balances: ExampleFacts['balances'] = [];
  const visit = (value: unknown, fromGet: boolean) => {
    if (Array.isArray(value)) return value.forEach((item) => visit(item, fromGet));
    if (!value || typeof value !== 'object') return;
    const record = value as Json;
    const id = record['id'];
    const prefix = typeof id === 'string' ? id.split('_')[0] : undefined;
    if (typeof id === 'string' && prefix && FIELDS[prefix]) {
      const previous = found.get(id);
      if (!previous || (fromGet && !previous.fromGet)) found.set(id, { record: Object.fromEntries(FIELDS[prefix].map((name) => [name, record[name] ?? null])), fromGet });
    }
    for (const child of Object.values(record)) if (child && typeof child === 'object') visit(child, fromGet);
  };
  for (const entry of listOperations(document, file)) {
    const responses = (entry.operation['responses'] ?? {}) as Json;
    for (const [status, response] of Object.entries(responses)) {
      if (!/^2\d\d$/.test(status)) continue;
      const media = (resolve(document, response)['content'] as Json | undefined)?.['application/json'] as Json | undefined;
      if (!media) continue;
      for (const example of examplesOf(document, media)) {
        visit(example, entry.method === 'get' && !entry.operationId.startsWith('list'));
        if (entry.operationId === 'listVaultBalances') {
          const pathItem = document.paths[entry.path] as Json;
          const vaultParameter = [...((pathItem['parameters'] as unknown[]) ?? []), ...((entry.operation['parameters'] as unknown[]) ?? [])]
            .map((parameter) => resolve(document, parameter))
            .find((parameter) => parameter['in'] === 'path' && parameter['name'] === 'vaultId');
          const vaultId = vaultParameter?.['example'] ?? (resolve(document, vaultParameter?.['schema']) as Json | undefined)?.['examples']?.toString().split(',')[0];
          if (typeof vaultId !== 'string') throw new LocatedError({ file, pointer: `/paths/${entry.path.replaceAll('/', '~1')}/parameters` }, 'the vaultId path parameter needs an example');
          for (const balance of ((example as Json)['data'] as Json[]) ?? []) balances.push({ vaultId, asset: String(balance['asset']), total: String(balance['total']) });
        }
      }
    }
  }
  const byPrefix = (prefix: string) => [...found.entries()].filter(([id]) => id.startsWith(`${prefix}_`)).map(([, value]) => value.record);
  return {
    vaults: byPrefix('vault') as ExampleFacts['vaults'],
    depositAddresses: byPrefix('addr') as ExampleFacts['depositAddresses'],
    transfers: byPrefix('transfer') as ExampleFacts['transfers'],
    apiKeys: byPrefix('key') as ExampleFacts['apiKeys'],
    deposits: byPrefix('dep') as ExampleFacts['deposits'],
    events: byPrefix('evt') as ExampleFacts['events'],
    webhookEndpoints: byPrefix('whep') as ExampleFacts['webhookEndpoints'],
    balances,
  };
}
