#!/usr/bin/env node
// The `sitrep` command. Sitrep's packages are TypeScript source (nothing is built before use):
// the launcher runs the CLI compiled into a cache that rebuilds itself when a source changes
// (compiled-cli.js), or, when that cannot be had, registers tsx's loader and hands over to the
// TypeScript entry point.
import { compiledCli } from './compiled-cli.js';

const compiled = await compiledCli();
let main;
if (compiled) ({ main } = await import(compiled));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
