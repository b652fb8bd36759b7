import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('pnpm run docs', () => {
  it('serves the site and stops quietly on Ctrl-C: SIGINT to the whole process group ends with exit 0 and no pnpm failure report', async () => {
    // started the way a developer does, in its own process group like a terminal's foreground job
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const child = spawn('pnpm', ['run', 'docs'], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /docs: open (\S+)/.exec(output);
        if (match) {
          clearInterval(timer);
          resolve(match[1] as string);
        }
      }, 50);
      child.once('exit', () => {
        clearInterval(timer);
        reject(new Error(`pnpm run docs exited early:\n${output}`));
      });
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    process.kill(-(child.pid as number), 'SIGINT');
    expect(await exited).toBe(0);
    expect(output).not.toMatch(/ERR_PNPM|ELIFECYCLE|Command failed/);
  }, 120_000);
});
