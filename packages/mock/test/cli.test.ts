import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

function run(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, stderr: () => stderr };
}

// Each test starts processes of its own on ports the OS picks: the tests run side by side.
describe.concurrent('fortary-mock CLI', () => {
  it('prints the base URL and the bootstrap secret, serves, and stops cleanly on SIGTERM', async ({ expect }) => {
    const { child, exited } = run(['--port', '0', '--seed', 'cli', '--sunset', '2027-01-01']);
    const lines = createInterface({ input: child.stdout });
    const output: string[] = [];
    const ready = new Promise<void>((resolve) => {
      lines.on('line', (line) => {
        output.push(line);
        if (line.includes('bootstrap key:')) resolve();
      });
    });
    await ready;
    const url = /base URL:\s+(\S+)/.exec(output.join('\n'))?.[1];
    const secret = /bootstrap key:\s+(fsk_test_[A-Za-z0-9]+)/.exec(output.join('\n'))?.[1];
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${url}/v1/vaults`, { headers: { authorization: `Bearer ${secret}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('sunset')).toBe('Fri, 01 Jan 2027 00:00:00 GMT');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('prints help, and refuses bad flags with a clear message', async ({ expect }) => {
    // two independent runs, side by side
    const help = run(['--help']);
    const bad = run(['--rate-limit', 'lots']);
    let out = '';
    help.child.stdout.on('data', (chunk) => (out += chunk));
    expect(await help.exited).toBe(0);
    expect(out).toContain('--rate-limit');
    expect(await bad.exited).toBe(1);
    expect(bad.stderr()).toContain('--rate-limit expects <requests>/<seconds>');
  });
});

describe.concurrent('pnpm mock', () => {
  it('stops quietly on Ctrl-C: SIGINT to the whole process group ends with exit 0 and no pnpm failure report', async ({ expect }) => {
    // the built CLI, started the way a developer does, in its own process group like a terminal's foreground job
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const child = spawn('pnpm', ['mock', '--port', '0', '--freeze-clock', '--now', '2026-03-01T12:00:00Z'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes('control plane:')) {
          clearInterval(timer);
          resolve();
        }
      }, 50);
      child.once('exit', () => {
        clearInterval(timer);
        reject(new Error(`pnpm mock exited early:\n${output}`));
      });
    });
    const url = /base URL:\s+(\S+)/.exec(output)?.[1];
    const clock = await (await fetch(`${url}/_mock/clock`)).json();
    expect(clock).toEqual({ now: '2026-03-01T12:00:00.000Z', frozen: true });
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/ERR_PNPM|ELIFECYCLE|Command failed/);
  }, 60_000);
});
