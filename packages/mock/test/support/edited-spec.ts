import { bundledSpecPath, loadBundledSpec, type OpenApiDocument } from '@fortary/codegen-kit';

/**
 * The bundled spec with the everyday edits of a spec author applied in memory, as
 * `spec/openapi.yaml` would produce them: a new nullable response field on `Vault` (described,
 * in `required`, with a value in every example) and, when asked, a new required non-nullable
 * field on `Transfer` that the mock has no way to fill.
 */
export function editedSpec(edits: { nullableVaultField?: boolean; nonNullableTransferField?: boolean }): OpenApiDocument {
  const document = loadBundledSpec(bundledSpecPath(new URL('../..', import.meta.url).pathname));
  const schemas = document.components['schemas'] as Record<string, { required: string[]; properties: Record<string, unknown>; examples?: unknown[] }>;
  if (edits.nullableVaultField) {
    const vault = schemas['Vault']!;
    // placed before createdAt, so the test also sees the spec's key order served
    const { createdAt, updatedAt, ...rest } = vault.properties;
    vault.properties = {
      ...rest,
      archivedAt: { description: 'When the vault was archived, or null while it is in use.', oneOf: [{ $ref: '#/components/schemas/Timestamp' }, { type: 'null' }] },
      createdAt,
      updatedAt,
    };
    vault.required.push('archivedAt');
  }
  if (edits.nonNullableTransferField) {
    const transfer = schemas['Transfer']!;
    transfer.properties['riskTier'] = { type: 'string', description: 'The compliance risk tier.', enum: ['low', 'high'] };
    transfer.required.push('riskTier');
  }
  return document;
}
