/**
 * Parse throughput of @fortary/schemas against an ajv-compiled validator of the same spec
 * schema, in the same run: a 100-item `listVaults` page and one `Transfer`. Both sides check the
 * same rules (patterns, bounds, date-time format); zod also builds a new object (it returns the
 * parsed value), ajv only answers yes or no. The ratio is zod time over ajv time.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { z } from 'zod';
import { median, round, type Bench, type BenchFigure } from '../../../scripts/bench-kit.ts';
import { operationSchemas, responseSchemas } from '../src/index.ts';

const require = createRequire(import.meta.url);
const document = JSON.parse(readFileSync(require.resolve('@fortary/spec/openapi.json'), 'utf8'));

function example(path: string, method: string, status: string): any {
  const media = document.paths[path][method].responses[status].content['application/json'];
  return structuredClone(media.example ?? Object.values<any>(media.examples)[0].value);
}

/** A full page: the spec's example vault, 100 times with distinct ids and names. */
function vaultPage(): unknown {
  const vault = example('/v1/vaults', 'get', '200').data[0];
  const data = Array.from({ length: 100 }, (_, index) => ({ ...vault, id: `vault_${index.toString(36)}x${index}`, name: `${vault.name} ${index}` }));
  return { data, nextCursor: 'eyJrIjoidmF1bHQiLCJvIjoxMDB9' };
}

/** Median microseconds per call over `rounds` timed batches, after a warm-up. */
function microsecondsPerCall(call: () => unknown, batch: number, rounds = 15): number {
  for (let index = 0; index < batch * 3; index += 1) call();
  const samples: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    for (let index = 0; index < batch; index += 1) call();
    samples.push(((performance.now() - started) * 1000) / batch);
  }
  return median(samples);
}

function compare(label: string, zodSchema: z.ZodType, ajvPointer: string, value: unknown, batch: number): BenchFigure[] {
  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: false });
  (addFormats as unknown as typeof addFormats.default)(ajv);
  ajv.addSchema(document, 'openapi.json');
  const validate = ajv.getSchema(`openapi.json#${ajvPointer}`);
  if (!validate) throw new Error(`no schema at ${ajvPointer}`);
  // Both must accept the value, or the comparison means nothing.
  if (!validate(value)) throw new Error(`ajv rejects the ${label}: ${JSON.stringify(validate.errors)}`);
  zodSchema.parse(value);
  const zodTime = microsecondsPerCall(() => zodSchema.parse(value), batch);
  const ajvTime = microsecondsPerCall(() => validate(value), batch);
  return [
    { metric: `${label}: zod parse`, value: round(zodTime, 2), unit: 'µs/call', note: `${Math.round(1e6 / zodTime)} calls/s` },
    { metric: `${label}: ajv validate`, value: round(ajvTime, 2), unit: 'µs/call', note: `${Math.round(1e6 / ajvTime)} calls/s` },
    { metric: `${label}: zod/ajv time ratio`, value: round(zodTime / ajvTime, 2), unit: '×', note: 'same run; >1 means zod is slower' },
  ];
}

const bench: Bench = {
  name: 'schemas-validate',
  async run() {
    return [
      ...compare('listVaults page (100 vaults)', operationSchemas.listVaults.responses['200'], '/components/schemas/VaultPage', vaultPage(), 200),
      ...compare('Transfer', responseSchemas.Transfer, '/components/schemas/Transfer', example('/v1/vaults/{vaultId}/transfers/{transferId}', 'get', '200'), 5000),
    ];
  },
};

export default bench;
