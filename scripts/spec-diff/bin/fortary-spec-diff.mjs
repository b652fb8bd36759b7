#!/usr/bin/env node
// Runs the TypeScript source directly: a workspace tool, never published.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
