#!/usr/bin/env node
// Fails when the committed generated sources differ from what the generators produce now:
// run after `turbo run generate`. Generated files are never edited by hand.
import { execFileSync } from 'node:child_process';

const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'spec', 'packages', 'generators'], { encoding: 'utf8' }).trim();
if (changed) {
  console.error('Generated files differ from the committed ones. Run `pnpm generate` and commit the result:');
  console.error(changed);
  console.error(execFileSync('git', ['diff', '--stat'], { encoding: 'utf8' }));
  process.exit(1);
}
console.log('drift check: generated sources match the spec');
