#!/usr/bin/env node
// Entry point for `npx hotline-lab`: loads the TypeScript command line through tsx.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
