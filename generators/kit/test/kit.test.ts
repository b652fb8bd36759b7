import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocatedError, YamlSource, assertRefsResolve, listOperations, replaceOutputDir, resolvePointer } from '../src/index.ts';

describe('YamlSource', () => {
  const text = 'a:\n  b:\n    - x\n    - y: 1\n';
  it('maps a pointer to its line and column', () => {
    expect(YamlSource.load('doc.yaml', text).positionOf('/a/b/1/y')).toEqual({ line: 4, column: 10 });
  });
  it('falls back to the nearest existing ancestor', () => {
    expect(YamlSource.load('doc.yaml', text).positionOf('/a/missing')).toEqual({ line: 2, column: 3 });
  });
  it('reports syntax errors with file, line and column', () => {
    expect(() => YamlSource.load('doc.yaml', 'a: [1, 2\nb: 3\n')).toThrow(/^doc\.yaml:\d+:\d+: YAML syntax error/);
  });
  it('rejects duplicate keys', () => {
    expect(() => YamlSource.load('doc.yaml', 'a: 1\na: 2\n')).toThrow(LocatedError);
  });
});

describe('assertRefsResolve', () => {
  it('accepts resolvable local and relative-file refs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kit-'));
    writeFileSync(join(dir, 'other.yaml'), 'Thing:\n  type: string\n');
    const main = join(dir, 'main.yaml');
    writeFileSync(main, "x:\n  $ref: '#/y'\ny: {}\nz:\n  $ref: 'other.yaml#/Thing'\n");
    expect(() => assertRefsResolve(YamlSource.load(main))).not.toThrow();
  });
  it('lists every dangling ref with its line and pointer', () => {
    const source = YamlSource.load('doc.yaml', "x:\n  $ref: '#/nope'\ny:\n  - $ref: '#/also~1no'\n");
    expect(() => assertRefsResolve(source)).toThrow(/2 dangling \$refs:\n {2}doc\.yaml:2:\d+ \(at #\/x\/\$ref\)[^\n]*\n {2}doc\.yaml:4:\d+ \(at #\/y\/0\/\$ref\)/);
  });
});

describe('resolvePointer', () => {
  it('unescapes ~0 and ~1', () => {
    expect(resolvePointer({ 'a/b': { '~c': 1 } }, '/a~1b/~0c')).toBe(1);
    expect(resolvePointer({ a: 1 }, '/b')).toBeUndefined();
  });
});

describe('replaceOutputDir', () => {
  it('replaces the whole folder, removing files that are no longer generated', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kit-')), 'gen');
    mkdirSync(out);
    writeFileSync(join(out, 'stale.ts'), 'old');
    replaceOutputDir(out, { 'a.ts': 'A', 'nested/b.ts': 'B' });
    expect(readdirSync(out).sort()).toEqual(['a.ts', 'nested']);
    expect(readFileSync(join(out, 'nested/b.ts'), 'utf8')).toBe('B');
  });
});
