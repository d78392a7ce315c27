// A worker thread starts without the parent's loader hooks, and Sitrep's packages are TypeScript
// source, so the worker registers tsx itself before loading the extraction code.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker.ts');
