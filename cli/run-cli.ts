/** Dispatches a command line and turns every failure into a message, advice and an exit code. */
import { readFileSync } from 'node:fs';
import { CliError, formatCliError } from './cli-error';
import type { CliIo } from './cli-io';
import { explainFailure } from './explain-failure';
import { generalHelp, importHelp, watchHelp } from './help-text';
import { runImport } from './import-command';
import { DEFAULT_SERVER, parseCliArgs } from './parse-args';
import { runWatch } from './watch-command';

function readPackageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return manifest.version ?? 'unknown';
}

export async function runCli(argv: string[], io: CliIo, signal: AbortSignal): Promise<number> {
  let context = { server: io.env.REPROBOARD_SERVER ?? DEFAULT_SERVER, project: io.env.REPROBOARD_PROJECT ?? '' };
  try {
    const command = parseCliArgs(argv, io.env);
    switch (command.command) {
      case 'help':
        io.stdout.write(command.topic === 'watch' ? watchHelp : command.topic === 'import' ? importHelp : generalHelp);
        return 0;
      case 'version':
        io.stdout.write(`reproboard ${readPackageVersion()}\n`);
        return 0;
      case 'watch':
        context = command;
        return await runWatch(command, io, signal);
      case 'import':
        context = command;
        return await runImport(command, io, signal);
    }
  } catch (error) {
    if (signal.aborted) {
      io.stderr.write('stopped; the run is left as it is: run the same command again to resume where the server stands\n');
      return (signal.reason as Error | undefined)?.message === 'SIGTERM' ? 143 : 130;
    }
    const explained = error instanceof CliError ? error : explainFailure(error, context);
    io.stderr.write(formatCliError(explained));
    return explained.exitCode;
  }
}
