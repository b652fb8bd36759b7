import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { controlSpec } from './support/control-conformance.js';
import { spec } from './support/conformance.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

describe('control-plane.openapi.yaml', () => {
  it('lints clean with Redocly (the same config as the API spec)', () => {
    const result = spawnSync('pnpm', ['exec', 'redocly', 'lint', 'control-plane.openapi.yaml', '--config', '../../spec/redocly.yaml'], {
      cwd: packageDir,
      encoding: 'utf8',
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain('Your API description is valid');
  }, 60_000);

  it('uses the API’s own Error schema and error catalog, bundled from the spec (not a copy)', () => {
    expect(controlSpec['components']['schemas']['Error']).toEqual(spec['components']['schemas']['Error']);
    expect(controlSpec['components']['schemas']['ErrorCode']).toEqual(spec['components']['schemas']['ErrorCode']);
  });

  it('stays outside the product API: no /_mock/ path in the spec, every control path under /_mock/', () => {
    expect(Object.keys(spec['paths']).filter((path) => path.startsWith('/_mock'))).toEqual([]);
    for (const path of Object.keys(controlSpec['paths'])) expect(path.startsWith('/_mock/')).toBe(true);
  });
});
