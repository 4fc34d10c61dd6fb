import { describe, expect, it } from 'vitest';
import { CliError, UsageError } from '@/cli/cli-error';
import { parseCliArgs, type ImportOptions, type WatchOptions } from '@/cli/parse-args';

const env = { REPROBOARD_KEY: 'rb_env', REPROBOARD_PROJECT: 'clip', HOME: '/home/lab' };

describe('parseCliArgs', () => {
  it('reads watch options with defaults, environment and flags', () => {
    const options = parseCliArgs(['watch', 'logs/run-1', '--interval', '0.5', '--server', 'http://box:3000/'], env) as WatchOptions;
    expect(options).toMatchObject({
      command: 'watch',
      dir: 'logs/run-1',
      server: 'http://box:3000',
      project: 'clip',
      key: 'rb_env',
      intervalMs: 500,
      heartbeatMs: 30_000,
      graceMs: 60_000,
      maxSilenceMs: 1_800_000,
      finishOnExitPid: null,
      once: false,
      autoFinish: true,
      tensorboard: true,
      chunkBytes: 4 * 1024 * 1024,
      stateDir: '/home/lab/.local/state/reproboard',
    });
  });

  it('lets flags beat environment variables', () => {
    const options = parseCliArgs(['import', 'a', '--key', 'rb_flag', '--project', 'other', '--state-dir', '/tmp/s'], { ...env, REPROBOARD_SERVER: 'http://env:1' }) as ImportOptions;
    expect(options).toMatchObject({ command: 'import', dirs: ['a'], key: 'rb_flag', project: 'other', server: 'http://env:1', status: 'finished', stateDir: '/tmp/s' });
  });

  it('accepts several folders for import, one for watch', () => {
    expect((parseCliArgs(['import', 'a', 'b', 'c'], env) as ImportOptions).dirs).toEqual(['a', 'b', 'c']);
    expect(() => parseCliArgs(['watch', 'a', 'b'], env)).toThrow(/one run folder/);
    expect(() => parseCliArgs(['import', 'a', 'b', '--run', 'x'], env)).toThrow(/cannot be used with several folders/);
  });

  it('reads the finish flags of watch', () => {
    expect(parseCliArgs(['watch', 'a', '--finish-on-exit', '4242', '--no-finish'], env)).toMatchObject({ finishOnExitPid: 4242, autoFinish: false });
    expect(parseCliArgs(['watch', 'a', '--once', '--no-tensorboard'], env)).toMatchObject({ once: true, tensorboard: false });
    expect(() => parseCliArgs(['watch', 'a', '--once', '--no-finish'], env)).toThrow(UsageError);
    expect(() => parseCliArgs(['watch', 'a', '--finish-on-exit', 'abc'], env)).toThrow(/process id/);
  });

  it('returns help for --help, help and no command', () => {
    expect(parseCliArgs([], env)).toEqual({ command: 'help', topic: null });
    expect(parseCliArgs(['--help'], env)).toEqual({ command: 'help', topic: null });
    expect(parseCliArgs(['watch', '--help'], {})).toEqual({ command: 'help', topic: 'watch' });
    expect(parseCliArgs(['help', 'import'], {})).toEqual({ command: 'help', topic: 'import' });
  });

  it('names the offending flag or value', () => {
    const usage = (argv: string[]) => {
      try {
        parseCliArgs(argv, env);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        expect((error as UsageError).exitCode).toBe(2);
        return (error as Error).message;
      }
      throw new Error('expected a usage error');
    };
    expect(usage(['watch', 'a', '--interval', '0'])).toMatch(/--interval must be a positive number of seconds, got "0"/);
    expect(usage(['watch', 'a', '--heartbeat=-5'])).toMatch(/--heartbeat must be a positive number of seconds, got "-5"/);
    expect(usage(['watch', 'a', '--verbose'])).toMatch(/--verbose is not an option of "watch"/);
    expect(usage(['import', 'a', '--grace', '3'])).toMatch(/--grace is not an option of "import"/);
    expect(usage(['import', 'a', '--status', 'done'])).toMatch(/--status must be one of running, finished, failed, crashed/);
    expect(usage(['import', 'a', '--server', 'box:3000'])).toMatch(/--server must be an http/);
    expect(usage(['import', 'a', '--chunk-bytes', '10'])).toMatch(/--chunk-bytes/);
    expect(usage(['import', 'a', '--frobnicate'])).toMatch(/Unknown option '--frobnicate'/);
    expect(usage(['sync', 'a'])).toMatch(/unknown command "sync"/);
    expect(usage(['import'])).toMatch(/needs a run folder/);
  });

  it('asks for the key and project with what to set', () => {
    const missing = (argv: string[], environment: Record<string, string>) => {
      try {
        parseCliArgs(argv, environment);
      } catch (error) {
        return error as CliError;
      }
      throw new Error('expected an error');
    };
    expect(missing(['import', 'a'], { REPROBOARD_PROJECT: 'p' }).advice).toMatch(/REPROBOARD_KEY/);
    expect(missing(['import', 'a'], { REPROBOARD_KEY: 'k' }).advice).toMatch(/--project/);
  });
});
