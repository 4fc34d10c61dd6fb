/**
 * The CLI's one error type: a message that names what failed plus the advice a lab engineer needs
 * to fix it, so every failure ends as two readable lines instead of a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly advice?: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A mistake on the command line: exit code 2, like other Unix tools. */
export class UsageError extends CliError {
  constructor(message: string) {
    super(message, 'run "reproboard --help" for usage', 2);
  }
}

/** Formats an error for stderr: the message, then the advice on its own line. */
export function formatCliError(error: CliError): string {
  return error.advice ? `error: ${error.message}\n  → ${error.advice}\n` : `error: ${error.message}\n`;
}
