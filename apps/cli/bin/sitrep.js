#!/usr/bin/env node
// The `sitrep` command. Sitrep's packages are TypeScript source (nothing is built before use),
// so the launcher registers tsx's loader and hands over to the TypeScript entry point.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
