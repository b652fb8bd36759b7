import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { generateTypes } from '@fortary/generator-types/src/generate.ts';
import { editedSpec } from './support/edited-spec.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const typesIndex = join(packageDir, 'node_modules/@fortary/types/dist/index.js');

/**
 * Type-checks the mock's real sources against @fortary/types generated from an edited spec
 * (the rest of @fortary/types as built), the way `pnpm build` would after `pnpm generate`.
 */
async function typeErrorsWith(edits: Parameters<typeof editedSpec>[0]): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fortary-edited-types-'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'openapi.ts'), (await generateTypes(editedSpec(edits)))['openapi.ts'] as string);
  // a local export shadows the star export of the same name
  writeFileSync(join(dir, 'index.ts'), `export * from ${JSON.stringify(typesIndex)};\nexport type { components } from './openapi.js';\n`);
  const config = ts.getParsedCommandLineOfConfigFile(join(packageDir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram([join(packageDir, 'src/index.ts')], { ...config.options, noEmit: true, paths: { '@fortary/types': [join(dir, 'index.ts')] } });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${diagnostic.file.fileName.slice(packageDir.length)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('the mock type-checks against the spec it serves', () => {
  // one program for both edits (a type-check of the whole mock takes seconds): the nullable Vault
  // field must cause no error at all, the non-nullable Transfer field exactly one, at its renderer
  it('needs no edit for a new nullable field and fails at the renderer for a non-nullable one, naming schema and field', async () => {
    const errors = await typeErrorsWith({ nullableVaultField: true, nonNullableTransferField: true });
    expect(errors, errors.join("\n")).toHaveLength(1);
    expect(errors[0]).toMatch(/^src\/render\.ts:\d+ /);
    expect(errors[0]).toContain(`Property 'riskTier' is missing`);
    expect(errors[0]).toContain(`RequiredFields<"Transfer">`);
    expect(errors[0]).not.toContain('archivedAt');
  });
});
