#!/usr/bin/env node
// `node scripts/redocly-quiet.mjs <redocly arguments>`: Redocly CLI as it is, minus the boxed
// "Node.js 20 support is ending" notice it prints on every run under Node 20 (there is no option
// or variable to turn it off, and it says nothing about the document). Output is streamed
// through; the exit status is Redocly's.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Removes Redocly's Node 20 end-of-life box (a ╔…╚ frame that names the notice). */
export function withoutNodeNotice(text) {
  return text.replace(/[^\S\n]*╔[^\n]*\n(?:[^\n]*\n)*?[^\S\n]*╚[^\n]*\n?/g, (box) => (box.includes('Node.js 20 support is ending') ? '' : box)).replace(/^\n+/, '');
}

/** The path of Redocly CLI's bin script, resolved from the calling package's folder. */
export function redoclyBin(fromDir = process.cwd()) {
  const require = createRequire(join(fromDir, 'package.json'));
  const manifestPath = require.resolve('@redocly/cli/package.json');
  const manifest = require(manifestPath);
  return join(dirname(manifestPath), typeof manifest.bin === 'string' ? manifest.bin : manifest.bin.redocly);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const child = spawn(process.execPath, [redoclyBin(), ...process.argv.slice(2)], {
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    stdio: ['inherit', 'inherit', 'pipe'],
  });
  // The box comes first on stderr, in one write: hold stderr until it is past, then stream.
  let head = '';
  let streaming = false;
  child.stderr.on('data', (chunk) => {
    if (streaming) return void process.stderr.write(chunk);
    head += chunk.toString('utf8');
    if (head.includes('╚') || head.length > 4096) {
      process.stderr.write(withoutNodeNotice(head));
      streaming = true;
    }
  });
  child.on('close', (status, signal) => {
    if (!streaming) process.stderr.write(withoutNodeNotice(head));
    process.exitCode = status ?? (signal ? 1 : 0);
  });
}
