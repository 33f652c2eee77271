#!/usr/bin/env node
// Entry point for `npm run bench`: loads the TypeScript bench through tsx.
import { register } from 'tsx/esm/api';
register();
const { benchMain } = await import('../cli/bench.ts');
process.exitCode = await benchMain(process.argv.slice(2));
