import { describe, expect, it } from 'vitest';
import { controlSpec } from './support/control-conformance.js';
import { spec } from './support/conformance.js';
import { redocly } from './support/redocly.js';

describe('control-plane.openapi.yaml', () => {
  it('lints clean with Redocly (the same config as the API spec)', async () => {
    const { status, output } = await redocly(['lint', 'control-plane.openapi.yaml', '--config', '../../spec/redocly.yaml']);
    expect(status, output).toBe(0);
    expect(output).toContain('Your API description is valid');
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
