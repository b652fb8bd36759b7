/**
 * `pnpm bench [name-filter]`: runs every `*.bench.ts` module in `scripts/bench/` (the
 * repository-wide benchmarks) and in the `bench/` folder of every workspace package, prints a
 * table and merges the figures into bench-results.json, one key per benchmark, so a partial
 * run keeps the figures of the others. A figure that misses its target is marked MISS, and
 * then the run exits non-zero (as it does when a benchmark fails).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeTarget, meetsTarget, type Bench, type BenchFigure } from './bench-kit.ts';
import { workspaceDirs } from './workspace-dirs.mjs';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2];
const benchDirs = ['scripts/bench', ...workspaceDirs(root).map((dir) => join(dir, 'bench'))];
const modules = benchDirs
  .map((dir) => join(root, dir))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.bench.ts')).map((file) => join(dir, file)))
  .sort();

const resultsFile = join(root, 'bench-results.json');
const results: Record<string, Record<string, { value: number; unit: string }>> = existsSync(resultsFile)
  ? JSON.parse(readFileSync(resultsFile, 'utf8'))
  : {};
const table: Array<{ bench: string } & BenchFigure> = [];
let failures = 0;

for (const file of modules) {
  const bench = (await import(pathToFileURL(file).href)).default as Bench;
  if (filter && !bench.name.includes(filter)) continue;
  process.stderr.write(`bench: ${bench.name} (${relative(root, file)})…\n`);
  try {
    const figures = await bench.run();
    results[bench.name] = Object.fromEntries(figures.map(({ metric, value, unit }) => [metric, { value, unit }]));
    for (const figure of figures) {
      // A target written only in prose would never be checked: it must be a `target`.
      if (!figure.target && /\b(target|budget)\b/i.test(figure.note ?? '')) {
        throw new Error(`figure "${figure.metric}" states a target in its note; give it a \`target: { atMost | atLeast }\` instead`);
      }
      table.push({ bench: bench.name, ...figure });
    }
  } catch (error) {
    failures += 1;
    process.stderr.write(`bench: ${bench.name} failed: ${(error as Error).stack ?? String(error)}\n`);
  }
}

writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
const misses = table.filter((figure) => !meetsTarget(figure));
const status = (figure: BenchFigure) => (figure.target ? (meetsTarget(figure) ? 'ok' : 'MISS') : '');
const rows = table.map((row) => [row.bench, row.metric, String(row.value), row.unit, describeTarget(row), status(row), row.note ?? '']);
const header = ['benchmark', 'metric', 'value', 'unit', 'target', 'status', 'note'];
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] as string).length)));
const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ');
console.log(line(header));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(row));
console.log(`\nfigures written to ${relative(process.cwd(), resultsFile) || resultsFile}`);
for (const figure of misses) console.log(`MISS ${figure.bench}: ${figure.metric} = ${figure.value} ${figure.unit}, target ${describeTarget(figure)}`);
if (failures) console.log(`${failures} benchmark(s) failed to run`);
process.exit(failures || misses.length ? 1 : 0);
