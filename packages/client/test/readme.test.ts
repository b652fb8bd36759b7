/**
 * Every TypeScript sample of the README compiles against the real package and runs against
 * @fortary/mock, as a reader would run it: in-process (the global fetch routed to the mock's
 * handler) and over HTTP against the `fortary-mock` command, whose printed base URL and bootstrap
 * key are read off its output exactly as the README tells the reader to. Samples after the first
 * use the first sample's `fortary` client, created from the same environment variables.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import { createMock } from '@fortary/mock';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');

interface Sample {
  index: number;
  section: string;
  code: string;
}

/** The ```ts blocks, each with the `##` heading it sits under. */
const samples: Sample[] = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match, index) => {
  const before = readme.slice(0, match.index);
  const section = [...before.matchAll(/^## (.+)$/gm)].at(-1)?.[1] ?? '';
  return { index, section, code: match[1]! };
});

/** What the README says the samples after the first take from it: its client, from the environment. */
const prelude = `import { createFortaryClient as __createFortaryClient } from '@fortary/client';
const fortary = __createFortaryClient({ apiKey: process.env.FORTARY_API_KEY!, baseUrl: process.env.FORTARY_BASE_URL });
`;
const source = (sample: Sample) => `${/const fortary = /.test(sample.code) ? '' : prelude}${sample.code}\nexport {};\n`;

const entries: Record<string, string> = {
  '@fortary/client': join(root, 'src/index.ts'),
  '@fortary/client/webhooks': join(root, 'src/webhooks/index.ts'),
};

/** What each section's sample must print (besides running without throwing or printing an error). */
const expectedOutput: Record<string, RegExp> = {
  'First steps, against the mock': /^vault_[a-z0-9]+ Treasury$/m,
  Pagination: /^\d+ (null|\S+) req_\S+$/m,
  'Creating a transfer safely': /^transfer_[a-z0-9]+ pending null$/m,
  'Handling errors': /^vault_[a-z0-9]+ \[\]$/m,
  'Testing against @fortary/mock in-process': /^vault_[a-z0-9]+ 1\nvault_[a-z0-9]+$/m,
  'Webhooks: verifying deliveries': /^transfer\.updated evt_7b1c9d2e4f\n204$/m,
};

/** The webhook secret the webhooks sample reads from its environment. */
const WEBHOOK_SECRET = 'whsec_ReadmeReadmeReadme0000000';

const artifacts = join(root, 'test-artifacts', 'readme-samples');

/** Writes a sample as a module importing the package's sources, and returns its path. */
function writeSample(sample: Sample, folder: string): string {
  const dir = join(artifacts, folder);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `sample-${sample.index}.ts`);
  const code = source(sample).replace(/from '(@fortary\/client(?:\/webhooks)?)'/g, (_, name: string) => `from '${pathToFileURL(entries[name]!).href}'`);
  writeFileSync(file, code);
  return file;
}

/** Runs a sample module; returns what it printed, by console method. */
async function run(file: string): Promise<{ log: string; warn: string; error: string }> {
  const printed = { log: [] as string[], warn: [] as string[], error: [] as string[] };
  const spies = (['log', 'warn', 'error'] as const).map((name) =>
    vi.spyOn(console, name).mockImplementation((...args: unknown[]) => void printed[name].push(format(...args))),
  );
  try {
    await import(pathToFileURL(file).href);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return { log: printed.log.join('\n'), warn: printed.warn.join('\n'), error: printed.error.join('\n') };
}

function useEnvironment(values: Record<string, string>) {
  for (const [name, value] of Object.entries({ FORTARY_WEBHOOK_SECRET: WEBHOOK_SECRET, ...values })) vi.stubEnv(name, value);
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});
afterAll(() => rmSync(artifacts, { recursive: true, force: true }));

const mockCli = join(dirname(createRequire(import.meta.url).resolve('@fortary/mock/package.json')), 'dist', 'cli.js');

/** Starts the `fortary-mock` command; `ready` resolves with what it printed once it has printed its bootstrap key. */
function startMockCommand(): { server: ChildProcess; ready: Promise<string> } {
  const server = spawn(process.execPath, [mockCli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let printed = '';
  const ready = new Promise<string>((resolve, reject) => {
    server.once('exit', (code) => reject(new Error(`fortary-mock exited with ${code}: ${printed}`)));
    server.stdout!.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      if (/bootstrap key: .*\n/.test(printed)) resolve(printed);
    });
  });
  ready.catch(() => undefined); // awaited (and so reported) where the HTTP samples start
  return { server, ready };
}

// The command starts before the compile, so that it is up by the time the HTTP samples run.
let mockCommand: ReturnType<typeof startMockCommand> | undefined;
beforeAll(() => {
  if (existsSync(mockCli)) mockCommand = startMockCommand();
});
afterAll(async () => {
  const server = mockCommand?.server;
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
});

describe('README samples', () => {
  it('has the samples the docs promise, each with its expected output', () => {
    expect(samples.length).toBeGreaterThanOrEqual(5);
    for (const section of Object.keys(expectedOutput)) expect(samples.map((sample) => sample.section)).toContain(section);
  });

  it('compiles every sample', { timeout: 120_000 }, () => {
    const dir = join(artifacts, 'typecheck');
    mkdirSync(dir, { recursive: true });
    const files = samples.map((sample) => {
      const file = join(dir, `sample-${sample.index}.ts`);
      writeFileSync(file, source(sample));
      return file;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noUncheckedIndexedAccess: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      typeRoots: [join(root, 'node_modules', '@types')],
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      baseUrl: root,
      paths: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, [file]])),
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${diagnostic.file.fileName.split('/').pop()}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  });

  describe('run against @fortary/mock in-process', () => {
    it.each(samples.map((sample) => [sample.section, sample] as const))('runs the sample of "%s"', { timeout: 30_000 }, async (section, sample) => {
      const mock = createMock({ seed: 'readme' });
      // The client's default transport is the global fetch: route it to the mock, nothing leaves the process.
      vi.stubGlobal('fetch', (input: Request | string | URL, init?: RequestInit) => mock.fetch(input instanceof Request ? input : new Request(input, init)));
      useEnvironment({ FORTARY_API_KEY: mock.bootstrapKey.secret, FORTARY_BASE_URL: 'http://mock.local' });
      const printed = await run(writeSample(sample, 'in-process'));
      expect(printed.error).toBe('');
      expect(printed.warn).toBe('');
      if (expectedOutput[section]) expect(printed.log).toMatch(expectedOutput[section]);
    });
  });

  describe('run against the fortary-mock command over HTTP', () => {
    let printedByMock = '';
    let baseUrl = '';
    let bootstrapKey = '';

    beforeAll(async () => {
      expect(existsSync(mockCli), `${mockCli} (build @fortary/mock first)`).toBe(true);
      printedByMock = await mockCommand!.ready;
      baseUrl = /base URL:\s+(\S+)/.exec(printedByMock)?.[1] ?? '';
      bootstrapKey = /bootstrap key:\s+(\S+)/.exec(printedByMock)?.[1] ?? '';
    }, 30_000);

    it('prints the base URL and the bootstrap key the README points to', () => {
      expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(bootstrapKey).toMatch(/^fsk_test_\w+$/);
    });

    it.each(samples.map((sample) => [sample.section, sample] as const))('runs the sample of "%s"', { timeout: 30_000 }, async (section, sample) => {
      useEnvironment({ FORTARY_API_KEY: bootstrapKey, FORTARY_BASE_URL: baseUrl });
      const printed = await run(writeSample(sample, 'http'));
      expect(printed.error).toBe('');
      expect(printed.warn).toBe('');
      if (expectedOutput[section]) expect(printed.log).toMatch(expectedOutput[section]);
    });
  });

  it('answers real deliveries with the receiver of the webhooks sample: 204 when signed, 400 with the reason otherwise', async () => {
    useEnvironment({ FORTARY_API_KEY: 'fsk_test_Unused000000000000000', FORTARY_BASE_URL: 'http://mock.invalid' });
    const sample = samples.find((candidate) => candidate.section === 'Webhooks: verifying deliveries')!;
    const file = writeSample(sample, 'webhook-receiver');
    await run(file);
    const { receiveWebhook } = (await import(pathToFileURL(file).href)) as { receiveWebhook: (request: Request) => Promise<Response> };
    // Signed here with node:crypto, as the spec describes it, not with the package's helper.
    const deliver = (body: string, timestamp: number, secret = WEBHOOK_SECRET, sent = body) =>
      receiveWebhook(new Request('http://localhost/webhooks/fortary', {
        method: 'POST',
        headers: { 'Fortary-Signature': `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}` },
        body: sent,
      }));
    const body = JSON.stringify({ id: 'evt_0c1d2e3f4a', type: 'deposit.created', createdAt: '2026-03-01T12:00:00Z', data: { id: 'dep_1a2b3c4d5e' } });
    const nowSeconds = Math.floor(Date.now() / 1000);
    const answers = [
      await deliver(body, nowSeconds),
      await deliver(body, nowSeconds, WEBHOOK_SECRET, body.replace('dep_1a2b3c4d5e', 'dep_0000000000')),
      await deliver(body, nowSeconds, 'whsec_SomeoneElse00000000000000'),
      await deliver(body, nowSeconds - 3_600),
    ];
    expect(await Promise.all(answers.map(async (answer) => `${answer.status} ${await answer.text()}`))).toEqual([
      '204 ',
      '400 no_matching_signature',
      '400 no_matching_signature',
      '400 timestamp_too_old',
    ]);
  });

  it('handles the connection error of the first sample when nothing listens at the base URL', { timeout: 30_000 }, async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const baseUrl = `http://127.0.0.1:${closedPort}`;
    useEnvironment({ FORTARY_API_KEY: 'fsk_test_NothingListensHere000000', FORTARY_BASE_URL: baseUrl });
    const printed = await run(writeSample(samples[0]!, 'unreachable'));
    expect(printed.error).toMatch(new RegExp(`^Fortary API unreachable at ${baseUrl}: Connection failed: `));
    expect(printed.log).toBe('');
  });
});
