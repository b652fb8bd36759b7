import { LocatedError } from './located-error.ts';

/**
 * Runs a generator's main function and turns a failure into one clear line on stderr and exit
 * code 1: located errors print as `file:line:col (at #/pointer): reason`, others with their stack.
 */
export async function runCli(name: string, main: () => void | Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof LocatedError) {
      process.stderr.write(`${name}: ${error.message}\n`);
    } else {
      process.stderr.write(`${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 1;
  }
}
