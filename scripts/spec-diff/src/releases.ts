/**
 * The released versions of the API description, recorded in `spec/releases.yaml`: version,
 * release date and the git commit whose `spec/openapi.yaml` was released. Commits are immutable,
 * so the changelog is a pure function of this file.
 */
import { readFileSync } from 'node:fs';
import { LocatedError } from '@fortary/codegen-kit';
import { parse } from 'yaml';

export interface Release {
  version: string;
  /** `YYYY-MM-DD`. */
  date: string;
  /** The full 40-hex commit id. */
  commit: string;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COMMIT = /^[0-9a-f]{40}$/;

/** Reads and checks the releases file: oldest first, versions increasing, dates not decreasing. */
export function readReleases(file: string): Release[] {
  let document: unknown;
  try {
    document = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new LocatedError({ file }, `cannot read the releases: ${(error as Error).message}`);
  }
  const list = (document as { releases?: unknown } | null)?.releases;
  if (!Array.isArray(list) || list.length === 0) throw new LocatedError({ file, pointer: '/releases' }, 'expected a non-empty `releases:` list, oldest first');
  const releases = list.map((entry: unknown, index): Release => {
    const at = (key: string) => ({ file, pointer: `/releases/${index}/${key}` });
    const { version, date, commit } = (entry ?? {}) as Record<string, unknown>;
    if (typeof version !== 'string' || !SEMVER.test(version)) throw new LocatedError(at('version'), `expected a version like 1.2.0, got ${JSON.stringify(version)}`);
    if (typeof date !== 'string' || !DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      throw new LocatedError(at('date'), `expected a quoted date like '2026-11-29', got ${JSON.stringify(date)}`);
    }
    if (typeof commit === 'number') throw new LocatedError(at('commit'), 'quote the commit id: YAML read this one as a number');
    if (typeof commit !== 'string' || !COMMIT.test(commit)) throw new LocatedError(at('commit'), `expected the full 40-character commit id (git rev-parse <ref>), got ${JSON.stringify(commit)}`);
    return { version, date, commit };
  });
  releases.forEach((release, index) => {
    const previous = releases[index - 1];
    if (!previous) return;
    if (compareVersions(release.version, previous.version) <= 0) {
      throw new LocatedError({ file, pointer: `/releases/${index}/version` }, `${release.version} does not follow ${previous.version}: list releases oldest first, each version higher`);
    }
    if (release.date < previous.date) throw new LocatedError({ file, pointer: `/releases/${index}/date` }, `${release.date} is before the previous release's ${previous.date}`);
  });
  return releases;
}

export function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((version) => version.split('.').map(Number)) as [number[], number[]];
  for (let index = 0; index < 3; index += 1) {
    const difference = (x[index] ?? 0) - (y[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
