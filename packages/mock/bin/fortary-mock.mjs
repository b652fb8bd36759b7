#!/usr/bin/env node
// The package's `fortary-mock` command. A committed file rather than dist/cli.js itself, so a
// fresh workspace install can link the command before anything is built (the published package
// always ships dist/).
try {
  await import('../dist/cli.js');
} catch (error) {
  if (error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('fortary-mock: dist/cli.js is missing: build the package first (pnpm build).\n');
    process.exit(1);
  }
  throw error;
}
