/**
 * `sitrep digest ...`: apps/cli spawns this file with the arguments after `digest`.
 * Exit codes: 0 done, 1 the run did not fully succeed (failed recipients, bad input files or
 * settings), 2 the command line itself is wrong.
 */
import { SitrepError } from '@sitrep/schema/errors';
import { runBounces, runPreview, runSchedule, runSend, runWrite } from './cli/commands.ts';
import { type DigestArgs, parseDigestArgs } from './cli/parse-args.ts';
import { USAGE } from './cli/usage.ts';
import { loadConfig } from './config.ts';

/** Resolves to the exit code, or to -1 while the preview server keeps running. */
export async function main(argv: string[]): Promise<number> {
  let args: DigestArgs;
  try {
    args = parseDigestArgs(argv);
  } catch (error) {
    console.error(`sitrep digest: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  try {
    const config = loadConfig();
    if (args.command === 'send') return await runSend(args, config);
    if (args.command === 'preview') return await runPreview(args, config);
    if (args.command === 'schedule') return await runSchedule(args, config);
    if (args.command === 'bounces') return await runBounces(args);
    return await runWrite(args, config);
  } catch (error) {
    if (error instanceof SitrepError) {
      console.error(`sitrep digest: ${error.message} [${error.code}]`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== -1) process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
