// The command as a program, so tests see real stdout, stderr and exit codes.
import { run } from '../src/commands/extract.ts';

process.exitCode = await run(process.argv.slice(2));
