import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Redocly CLI's bin script as this package resolves it, to run with this Node: `pnpm exec`
 * would start a second Node (pnpm itself) before Redocly's own on every call.
 */
function redoclyBin(): string {
  const require = createRequire(join(packageDir, 'package.json'));
  const manifestPath = require.resolve('@redocly/cli/package.json');
  const manifest = require(manifestPath) as { bin: string | Record<string, string> };
  return join(dirname(manifestPath), typeof manifest.bin === 'string' ? manifest.bin : manifest.bin['redocly']!);
}

/** Runs `redocly <args>` in the package folder; resolves with its exit status and its stdout and stderr together. */
export function redocly(args: string[]): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [redoclyBin(), ...args], {
      cwd: packageDir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (status) => resolve({ status, output }));
  });
}
