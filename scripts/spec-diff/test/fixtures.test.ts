import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { classifySpecChanges, onlyWidensAlternations } from '../src/classify.ts';
import { markdownReport } from '../src/report.ts';

interface Expected { operation: string; where: string }
interface Fixture {
  description: string;
  /** A file of fixture-bases/ whose patch is applied to the real bundle first, to build the document `patch` changes. */
  base?: string;
  patch: Array<{ op: 'add' | 'remove' | 'replace' | 'copy'; path: string; from?: string; value?: unknown }>;
  breaking: Expected[];
  additive: Expected[];
  none?: boolean;
  /** The lists are the whole report: each change once, at exactly these locations, nothing else. */
  exact?: boolean;
}

const bundle = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@fortary/spec/openapi.json'), 'utf8'));
const fixturesDir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(fixturesDir).filter((file) => file.endsWith('.json')).sort();

/** Applies the subset of JSON Patch (RFC 6902) the fixtures use. */
function applyPatch(document: any, patch: Fixture['patch']): any {
  const result = structuredClone(document);
  const tokens = (pointer: string) => pointer.slice(1).split('/').map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
  const parentOf = (pointer: string) => {
    const path = tokens(pointer);
    const last = path.pop() as string;
    const parent = path.reduce((node, token) => node[token], result);
    if (parent === undefined) throw new Error(`no parent for ${pointer}`);
    return { parent, last };
  };
  for (const op of patch) {
    const { parent, last } = parentOf(op.path);
    const value = op.op === 'copy' ? structuredClone(tokens(op.from!).reduce((node: any, token) => node[token], result)) : op.value;
    if (op.op === 'remove') Array.isArray(parent) ? parent.splice(Number(last), 1) : delete parent[last];
    else if (Array.isArray(parent) && last === '-') parent.push(value);
    else if (Array.isArray(parent) && op.op !== 'replace') parent.splice(Number(last), 0, value); // RFC 6902 add inserts
    else if (!(last in parent) && op.op === 'replace') throw new Error(`nothing to replace at ${op.path}`);
    else parent[last] = value;
  }
  return result;
}

const byKey = (a: Expected, b: Expected) => `${a.operation} ${a.where}`.localeCompare(`${b.operation} ${b.where}`);

describe.each(fixtures)('%s', (file) => {
  const fixture = JSON.parse(readFileSync(new URL(file, fixturesDir), 'utf8')) as Fixture;
  const before = fixture.base ? applyPatch(bundle, JSON.parse(readFileSync(new URL(`./fixture-bases/${fixture.base}.json`, import.meta.url), 'utf8')).patch) : bundle;
  const findings = classifySpecChanges(before, applyPatch(before, fixture.patch));
  const bySeverity = (severity: string) => findings.filter((finding) => finding.severity === severity);

  it(fixture.description, () => {
    for (const expected of fixture.breaking) {
      expect(bySeverity('breaking'), JSON.stringify(expected)).toContainEqual(expect.objectContaining({ operation: expected.operation, location: expect.stringContaining(expected.where) }));
    }
    for (const expected of fixture.additive) {
      expect(bySeverity('additive'), JSON.stringify(expected)).toContainEqual(expect.objectContaining({ operation: expected.operation, location: expect.stringContaining(expected.where) }));
    }
    if (fixture.breaking.length === 0) expect(bySeverity('breaking')).toEqual([]);
    if (fixture.none) expect(findings).toEqual([]);
    if (fixture.exact) {
      const seen = (severity: string) => bySeverity(severity).map((finding) => ({ operation: finding.operation, where: finding.location })).sort(byKey);
      expect({ breaking: seen('breaking'), additive: seen('additive'), other: seen('other') }).toEqual({
        breaking: [...fixture.breaking].sort(byKey),
        additive: [...fixture.additive].sort(byKey),
        other: [],
      });
    }
  });
});

describe('markdownReport', () => {
  it('says there is nothing when nothing changed', () => {
    expect(markdownReport(classifySpecChanges(bundle, structuredClone(bundle)), 'main')).toContain('No contract changes.');
  });
  it('leads with the breaking count and lists each finding in a table', () => {
    const after = applyPatch(bundle, [{ op: 'remove', path: '/paths/~1v1~1vaults~1{vaultId}/patch' }, { op: 'add', path: '/components/schemas/NetworkName/enum/-', value: 'Arbitrum' }]);
    const report = markdownReport(classifySpecChanges(bundle, after), 'origin/main');
    expect(report).toContain('**1 breaking change(s).**');
    expect(report).toMatch(/## Breaking changes \(1\)\n\n\| operation \| where \| change \|\n\|---\|---\|---\|\n\| `PATCH \/v1\/vaults\/\{vaultId\}` \|/);
    expect(report).toContain('## Additive changes (allowed within v1)');
  });
});

describe('onlyWidensAlternations', () => {
  it.each([
    ['^(?:A|B)/x$', '^(?:A|B|C)/x$', true],
    ['^(?:A|B)/x$', '^(?:A|B)/x$', false],
    ['^(?:A|B)/x$', '^(?:A)/x$', false],
    ['^(?:A|B)/x$', '^(?:A|B|C)/y$', false],
    ['^(?:A|B)/[a-z]+$', '^(?:B|A|C)/[a-z]+$', true],
  ])('%s → %s widens: %s', (before, after, expected) => {
    expect(onlyWidensAlternations(before, after)).toBe(expected);
  });
});
