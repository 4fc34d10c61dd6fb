/**
 * Turns a failure into the message a lab engineer acts on: what failed, in their terms (server,
 * key, project, file), and what to do next. Every command ends its error path here.
 */
import { ReproboardApiError } from '../lib/client/reproboard-client';
import { classifyFailure, readNetworkCode } from './classify-failure';
import { CliError } from './cli-error';

export interface FailureContext {
  server: string;
  project: string;
}

export function explainFailure(error: unknown, context: FailureContext): CliError {
  if (error instanceof CliError) return error;
  const kind = classifyFailure(error);
  const apiMessage = error instanceof ReproboardApiError ? error.message : '';
  switch (kind) {
    case 'network': {
      const code = readNetworkCode(error) ?? (error instanceof Error && error.name === 'TimeoutError' ? 'timed out' : 'no answer');
      return new CliError(`server unreachable at ${context.server} (${code})`, 'is it running? (npm start) — or pass the right --server / REPROBOARD_SERVER');
    }
    case 'unauthorized':
      return new CliError(`the server refused the API key (${apiMessage})`, 'check the key: REPROBOARD_KEY or --key (keys are shown once when a project is created)');
    case 'forbidden':
      return new CliError(`the API key does not belong to project "${context.project}"`, 'check the key: REPROBOARD_KEY or --key, and the project: --project / REPROBOARD_PROJECT');
    case 'project-missing':
      return new CliError(`project ${context.project} does not exist on ${context.server}`, `create it in the UI (${context.server}/) or check --project / REPROBOARD_PROJECT`);
    case 'server':
      return new CliError(`the server at ${context.server} keeps failing (${describeStatus(error)})`, 'look at the server log; the command can be re-run safely, nothing is sent twice');
    case 'not-reproboard':
      return new CliError(`the answer from ${context.server} is not JSON`, 'is --server the Reproboard server (e.g. http://127.0.0.1:3000)?');
    case 'route-missing':
      return new CliError(`${context.server} has no such API route (${apiMessage})`, 'is --server the Reproboard server, and is it up to date?');
    case 'too-large':
      return new CliError(`the server refused a request as too large (${apiMessage})`, 'pass a smaller --chunk-bytes');
    case 'rejected':
    case 'offset-gap':
    case 'run-missing':
      return new CliError(`the server rejected a request: ${apiMessage}`, 'this is likely a bug in reproboard or the server; please report it with this message');
    case 'aborted':
      return new CliError('interrupted');
    case 'other':
      return new CliError(error instanceof Error ? error.message : String(error));
  }
}

function describeStatus(error: unknown): string {
  return error instanceof ReproboardApiError ? `HTTP ${error.status}: ${error.message}` : String(error);
}

const FILE_ADVICE: Record<string, string> = {
  EACCES: 'check its permissions: the user running reproboard must be able to read it',
  EPERM: 'check its permissions: the user running reproboard must be able to read it',
  EISDIR: 'it is a directory; reproboard expected a file there',
  ENOENT: 'it does not exist; check the path',
  ENOTDIR: 'a parent of it is not a directory; check the path',
  EIO: 'the disk or network file system reported an I/O error; check the mount',
};

/** A file of the run folder that could not be read, named by its path. */
export function explainFileFailure(path: string, error: unknown): CliError {
  const code = (error as { code?: string }).code ?? '';
  const reason = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : String(error);
  return new CliError(`cannot read ${path}: ${code || reason}`, FILE_ADVICE[code] ?? reason);
}
