/**
 * Entry point of `reproboard` (see bin/reproboard.mjs). SIGINT/SIGTERM stop the current request and
 * exit; a second Ctrl-C exits at once.
 */
import { runCli } from './run-cli';

const controller = new AbortController();
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new DOMException(name, 'AbortError'));
  });
}

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env }, controller.signal);
