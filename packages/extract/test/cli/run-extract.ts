// The command as a program, so tests see real stdout, stderr and exit codes.
import { run } from '@sitrep/extract/cli';

process.exitCode = await run(process.argv.slice(2));
