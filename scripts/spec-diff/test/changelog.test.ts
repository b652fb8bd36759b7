import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildChangelog, CHANGELOG_TITLE } from '../src/changelog.ts';
import { readReleases } from '../src/releases.ts';

const fixtures = new URL('./changelog-fixtures/', import.meta.url);
const versions = [
  { version: '1.0.0', date: '2026-01-15' },
  { version: '1.1.0', date: '2026-03-02' },
  { version: '1.2.0', date: '2026-05-20' },
];
const releases = versions.map((release) => ({ ...release, spec: parse(readFileSync(new URL(`${release.version}.yaml`, fixtures), 'utf8')) as unknown }));
const changelog = buildChangelog(releases, 'fixture notice');
/** The Markdown of one release's section. */
const section = (version: string) => {
  const start = changelog.indexOf(`## ${version} (`);
  const next = changelog.indexOf('\n## ', start + 1);
  return changelog.slice(start, next < 0 ? undefined : next);
};

describe('buildChangelog from fixture versions', () => {
  it('has the notice, the title and one dated section per release, newest first', () => {
    expect(changelog.startsWith(`<!-- fixture notice -->\n# ${CHANGELOG_TITLE}\n`)).toBe(true);
    expect([...changelog.matchAll(/^## (.+)$/gm)].map((match) => match[1])).toEqual(['1.2.0 (2026-05-20)', '1.1.0 (2026-03-02)', '1.0.0 (2026-01-15)']);
  });

  it('lists the first release’s operations', () => {
    expect(section('1.0.0')).toContain('First release: 2 operations.');
    expect(section('1.0.0')).toContain('- `GET /v1/vaults`: List vaults\n- `GET /v1/vaults/{vaultId}`: Get a vault');
  });

  it('sorts a release’s changes into Added and Deprecated, each once, with no Breaking section', () => {
    const text = section('1.1.0');
    expect(text).toMatch(/### Added\n\n[^#]*- `GET \/v1\/networks`: new operation\n/);
    expect(text).toContain('- `GET /v1/vaults/{vaultId}`: `responses/200/body.archivedAt` added (required)');
    expect(text).toContain("- `GET /v1/vaults`: `responses/200/body.data[].status/enum/1` added 'archived'");
    expect(text).toMatch(/### Deprecated\n\n- `GET \/v1\/vaults\/\{vaultId\}`: deprecated\n/);
    expect(text).not.toContain('### Breaking');
    expect(text).not.toContain('required/');
    expect(text).not.toContain('newest first'); // a description edit is not a contract change
    expect(text.match(/body\.archivedAt/g)).toHaveLength(1);
  });

  it('puts a removed response field under Breaking', () => {
    const text = section('1.2.0');
    expect(text).toMatch(/### Breaking\n\n- `GET \/v1\/vaults`: `responses\/200\/body\.data\[\]\.name` removed\n- `GET \/v1\/vaults\/\{vaultId\}`: `responses\/200\/body\.name` removed/);
    expect(text).not.toContain('### Added');
  });

  it('says so when a release changed only documentation', () => {
    const same = buildChangelog([releases[1]!, { ...releases[1]!, version: '1.1.1', date: '2026-03-03' }], 'n');
    expect(same).toContain('## 1.1.1 (2026-03-03)\n\nNo contract changes (documentation only).');
  });
});

const scratch = mkdtempSync(join(tmpdir(), 'changelog-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const releasesFile = (text: string) => {
  const file = join(scratch, `releases-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file;
};

describe('readReleases', () => {
  const commit = 'f045f39b354159e4df3dbd931c74dc0c3533d71b';
  it('reads version, date and commit, oldest first', () => {
    expect(readReleases(releasesFile(`releases:\n  - { version: 1.0.0, date: '2026-01-15', commit: ${commit} }\n  - { version: 1.0.1, date: '2026-01-15', commit: ${commit} }\n`))).toEqual([
      { version: '1.0.0', date: '2026-01-15', commit },
      { version: '1.0.1', date: '2026-01-15', commit },
    ]);
  });
  it.each([
    ['releases: []\n', /at #\/releases\): expected a non-empty/],
    [`releases:\n  - { version: '1.0', date: '2026-01-15', commit: ${commit} }\n`, /at #\/releases\/0\/version\): expected a version like 1\.2\.0/],
    [`releases:\n  - { version: 1.0.0, date: 'Jan 15', commit: ${commit} }\n`, /at #\/releases\/0\/date\)/],
    ['releases:\n  - { version: 1.0.0, date: \'2026-01-15\', commit: f045f39 }\n', /at #\/releases\/0\/commit\): expected the full 40-character commit id/],
    [`releases:\n  - { version: 1.1.0, date: '2026-01-15', commit: ${commit} }\n  - { version: 1.0.9, date: '2026-02-15', commit: ${commit} }\n`, /at #\/releases\/1\/version\): 1\.0\.9 does not follow 1\.1\.0/],
  ])('rejects %j with a located message', (text, message) => {
    expect(() => readReleases(releasesFile(text))).toThrow(message);
  });
});

describe('fortary-api-changelog', () => {
  it('fails clearly when a release’s commit is not in the clone', async () => {
    const file = releasesFile("releases:\n  - { version: 1.0.0, date: '2026-01-15', commit: '0000000000000000000000000000000000000001' }\n");
    const bin = new URL('../bin/fortary-api-changelog.mjs', import.meta.url).pathname;
    const result = await promisify(execFile)(process.execPath, [bin, '--releases', file, '--out', join(scratch, 'CHANGELOG.md')]).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/at #\/releases\/0\/commit\): release 1\.0\.0: git has no commit '0{39}1'.*fetch-depth: 0/s);
  }, 60_000);
});
