/**
 * `sitrep digest ...`: apps/cli spawns this file with the arguments after `digest`.
 * Exit codes: 0 done, 1 a run that did not fully succeed (failed recipients, bad input), 2 usage.
 */
import { SitrepError } from '@sitrep/schema/errors';
import { runPreview, runSend, runWrite } from './cli/commands.ts';
import { parseDigestArgs } from './cli/parse-args.ts';
import { USAGE } from './cli/usage.ts';
import { loadConfig } from './config.ts';

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseDigestArgs(argv);
    if (args.command === 'help') {
      console.log(USAGE);
      return 0;
    }
    const config = loadConfig();
    if (args.command === 'send') return await runSend(args, config);
    if (args.command === 'preview') return await runPreview(args, config);
    return await runWrite(args, config);
  } catch (error) {
    if (error instanceof SitrepError) {
      console.error(`sitrep digest: ${error.message} [${error.code}]`);
      return error.code === 'BAD_INPUT' &&
        /give --date|unknown subcommand|unexpected arguments/.test(error.message)
        ? 2
        : 1;
    }
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      console.error(`sitrep digest: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).then(
    (code) => {
      // The preview server keeps the process alive on purpose; everything else ends here.
      if (code !== -1) process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
