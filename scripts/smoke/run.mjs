#!/usr/bin/env node
// `pnpm smoke`: the release gate. Packs every published package exactly as npm would receive it,
// checks each with publint and arethetypeswrong, installs the tarballs with npm into a project
// outside the workspace, compiles a TypeScript consumer under moduleResolution node16 and
// bundler, starts the packed mock's CLI and runs the consumer against it over HTTP.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const published = ['types', 'schemas', 'client', 'mock'];
const work = mkdtempSync(join(tmpdir(), 'fortary-smoke-'));
const tarballs = join(work, 'tarballs');
const consumer = join(work, 'consumer');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

function step(title) {
  console.log(`smoke: ${title}`);
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startMock() {
  const port = await freePort();
  const child = spawn(join(consumer, 'node_modules/.bin/fortary-mock'), ['--port', String(port), '--seed', 'smoke'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the mock did not start within 20 s:\n${output}`)), 20_000);
    const onData = (chunk) => {
      output += chunk;
      const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const key = /(fsk_(?:live|test)_[A-Za-z0-9]+)/.exec(output)?.[1];
      if (url && key) {
        clearTimeout(timer);
        resolve({ url, key });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the mock exited with ${code}:\n${output}`)));
  });
  return { child, ...(await ready) };
}

let mock;
try {
  step(`Node ${process.version}: pack`);
  for (const name of published) run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(root, 'packages', name) });
  const files = readdirSync(tarballs).filter((file) => file.endsWith('.tgz')).map((file) => join(tarballs, file));
  if (files.length !== published.length) throw new Error(`expected ${published.length} tarballs, got ${files.length}`);

  step('publint and arethetypeswrong');
  for (const name of published) run(join(root, 'node_modules/.bin/publint'), ['--strict'], { cwd: join(root, 'packages', name) });
  for (const file of files) run(join(root, 'node_modules/.bin/attw'), [file, '--profile', 'esm-only', '--format', 'table-flipped']);

  step(`install the tarballs with npm into ${consumer}`);
  rmSync(consumer, { recursive: true, force: true });
  run('mkdir', ['-p', consumer]);
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'fortary-smoke-consumer', private: true, type: 'module' }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...files, 'typescript@5.9.3', '@types/node@20.19.43'], { cwd: consumer });

  step('compile the consumer with moduleResolution node16 and bundler');
  copyFileSync(join(root, 'scripts/smoke/consumer.ts'), join(consumer, 'consumer.ts'));
  const common = { target: 'ES2022', strict: true, skipLibCheck: false, types: ['node'], lib: ['ES2023', 'DOM'] };
  writeFileSync(join(consumer, 'tsconfig.node16.json'), JSON.stringify({ compilerOptions: { ...common, module: 'node16', moduleResolution: 'node16', outDir: 'out' }, files: ['consumer.ts'] }));
  writeFileSync(join(consumer, 'tsconfig.bundler.json'), JSON.stringify({ compilerOptions: { ...common, module: 'preserve', moduleResolution: 'bundler', noEmit: true }, files: ['consumer.ts'] }));
  run(join(consumer, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.node16.json'], { cwd: consumer });
  run(join(consumer, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.bundler.json'], { cwd: consumer });

  step("start the packed mock's CLI");
  mock = await startMock();

  step(`run the consumer against ${mock.url}`);
  process.stdout.write(run(process.execPath, ['out/consumer.js'], { cwd: consumer, env: { ...process.env, FORTARY_BASE_URL: mock.url, FORTARY_API_KEY: mock.key } }));
  console.log('smoke: passed');
} catch (error) {
  console.error(`smoke: FAILED\n${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (mock) {
    mock.child.kill('SIGTERM');
    await new Promise((resolve) => mock.child.once('exit', resolve));
  }
  if (!process.exitCode) rmSync(work, { recursive: true, force: true });
}
