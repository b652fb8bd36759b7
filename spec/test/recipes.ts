/**
 * The recipes of the spec author's guide (spec/README.md, "Recipes"), as edits of a parsed copy
 * of openapi.yaml: each does what its section tells an author to do, in the spec alone.
 */
import type { Spec } from './ruleset-lint.ts';

const schema = (spec: Spec, name: string) => spec.components.schemas[name];

/** Every example object in the document for which `isInstance` holds, nested ones included. */
function exampleObjects(spec: Spec, isInstance: (value: Record<string, unknown>) => boolean): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const visitValue = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visitValue);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (isInstance(record)) found.push(record);
    Object.values(record).forEach(visitValue);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      if (key === 'example') visitValue(child);
      else if (key === 'examples' && child && typeof child === 'object' && !Array.isArray(child)) {
        Object.values(child as Record<string, { value?: unknown }>).forEach((named) => visitValue(named?.value));
      } else visit(child);
    }
  };
  visit(spec);
  return found;
}

export interface Recipe {
  /** The heading of its section in spec/README.md. */
  title: string;
  apply: (spec: Spec) => void;
  /** Text each regenerated package must now contain. */
  generates: Partial<Record<'types' | 'schemas' | 'docs', Array<string | RegExp>>>;
}

const isVault = (value: Record<string, unknown>) => typeof value.id === 'string' && value.id.startsWith('vault_') && 'createdAt' in value && 'updatedAt' in value;

export const recipes: Recipe[] = [
  {
    title: 'Add a response field',
    apply: (spec) => {
      const vault = schema(spec, 'Vault');
      vault.properties.archivedAt = { description: 'When the vault was archived, or null while it is active.', oneOf: [{ $ref: '#/components/schemas/Timestamp' }, { type: 'null' }] };
      vault.required.push('archivedAt');
      const examples = exampleObjects(spec, isVault);
      if (examples.length < 3) throw new Error('expected the Vault examples of several operations');
      for (const example of examples) example.archivedAt = null;
    },
    generates: { types: ['archivedAt'], schemas: ['archivedAt'], docs: ['archivedAt'] },
  },
  {
    title: 'Add a request field',
    apply: (spec) => {
      schema(spec, 'CreateVaultRequest').properties.label = { $ref: '#/components/schemas/Label' };
    },
    generates: { types: [/CreateVaultRequest: \{[^}]*label\?:/], schemas: [/request\$CreateVaultRequest = z\.strictObject\(\{[^}]*"label": request\$Label\.optional\(\)/] },
  },
  {
    title: 'Add an operation',
    apply: (spec) => {
      const item = spec.paths['/v1/vaults/{vaultId}'];
      const operation = structuredClone(item.get);
      Object.assign(operation, {
        operationId: 'archiveVault',
        summary: 'Archive a vault',
        description: 'Archives the vault: it stays readable and takes no new transfers. Archiving an archived vault changes nothing.',
        'x-required-scope': 'vaults:write',
        parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
      });
      operation.responses['200'].description = 'The archived vault.';
      spec.paths['/v1/vaults/{vaultId}/archive'] = { parameters: structuredClone(item.parameters), post: operation };
    },
    generates: { types: ['archiveVault'], schemas: ['archiveVault'], docs: ['archiveVault'] },
  },
  {
    title: 'Add a network',
    apply: (spec) => {
      schema(spec, 'NetworkName').enum.push('Arbitrum');
      const asset = schema(spec, 'AssetId');
      if (!asset.pattern.includes('|PolygonAmoy)')) throw new Error('the AssetId pattern changed: update the recipe');
      asset.pattern = asset.pattern.replace('|PolygonAmoy)', '|PolygonAmoy|Arbitrum)');
    },
    generates: { types: ['"Arbitrum"'], schemas: ['Arbitrum'], docs: ['Arbitrum'] },
  },
  {
    title: 'Add an error code',
    apply: (spec) => {
      const code = schema(spec, 'ErrorCode');
      code.enum.push('vault_archived');
      code['x-error-catalog'].vault_archived = { status: 409, type: 'conflict', description: 'The vault is archived and takes no new transfers.' };
    },
    generates: { types: ['"vault_archived"'], schemas: ['vault_archived'], docs: ['vault_archived'] },
  },
  {
    title: 'Add a transfer status',
    apply: (spec) => {
      const status = schema(spec, 'TransferStatus');
      status.enum.push('cancelled');
      status.description = status.description.replace('or `failed` (final, funds released).', '`failed` (final, funds released) or `cancelled` (final, withdrawn before broadcast).');
      if (!status.description.includes('cancelled')) throw new Error('the TransferStatus description changed: update the recipe');
    },
    generates: { types: ['"cancelled"'], schemas: ['cancelled'], docs: ['cancelled'] },
  },
  {
    title: 'Deprecate an operation',
    apply: (spec) => {
      const operation = spec.paths['/v1/vaults/{vaultId}/transfers/{transferId}'].get;
      Object.assign(operation, { deprecated: true, 'x-sunset': '2027-06-30' });
      operation.description = `${operation.description.trimEnd()}\n\nDeprecated: read the transfer from listTransfers instead; this operation answers until its sunset date.`;
    },
    generates: { types: ['@deprecated'], docs: ['2027-06-30'] },
  },
];
