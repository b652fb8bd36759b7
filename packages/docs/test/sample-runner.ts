/**
 * Runs docs samples one after another in this one process, each as its own module, so that the
 * test pays for starting node and tsx once instead of once per sample. Started by
 * samples-run.test.ts as `node --import tsx sample-runner.ts` with an IPC channel: each message
 * names a sample file; the answer is what a process of its own would have ended with, its exit
 * status (0, or 1 when the module threw or an error went unhandled), and what it printed.
 */
import { inspect } from 'node:util';
import { pathToFileURL } from 'node:url';

export interface SampleRequest {
  file: string;
}

export interface SampleOutcome {
  /** As a process of its own would exit: `null` only when the runner was stopped (see the test). */
  status: number | null;
  stdout: string;
  stderr: string;
}

let current: SampleOutcome | undefined;

// What a sample prints is its own: nothing reaches this process's stdout or stderr while it runs.
for (const [stream, key] of [[process.stdout, 'stdout'], [process.stderr, 'stderr']] as const) {
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    if (current) current[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const callback = rest.find((item) => typeof item === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof stream.write;
}

// Node prints an uncaught error to stderr and exits with 1: the sample that was running fails.
const fail = (error: unknown) => {
  if (!current) return;
  current.stderr += `${inspect(error)}\n`;
  current.status = 1;
};
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

async function run({ file }: SampleRequest): Promise<SampleOutcome> {
  const outcome: SampleOutcome = { status: 0, stdout: '', stderr: '' };
  current = outcome;
  try {
    await import(pathToFileURL(file).href);
  } catch (error) {
    fail(error);
  }
  // The samples await their request before they print; two turns of the event loop let a
  // rejection nobody awaited surface as it would before a process of its own exited.
  for (let turn = 0; turn < 2; turn++) await new Promise((resolve) => setImmediate(resolve));
  current = undefined;
  if (process.exitCode !== undefined && process.exitCode !== 0 && outcome.status === 0) outcome.status = Number(process.exitCode);
  process.exitCode = undefined;
  return outcome;
}

process.on('message', (request: SampleRequest) => {
  void run(request).then((outcome) => process.send?.(outcome));
});
