import { describe, expect, it } from 'vitest';
import { classifyRunFiles } from './classify-run-files';

const picked = (...paths: string[]) => paths.map((path) => ({ path, size: 10 }));
const kinds = (paths: string[]) =>
  classifyRunFiles(picked(...paths)).found.map((file) => `${file.kind}:${file.relativePath}`);

describe('classifyRunFiles', () => {
  it('recognises the files of a picked OpenCLIP run folder and names the folder', () => {
    const contents = classifyRunFiles(
      picked(
        'vit-b-32/out.log',
        'vit-b-32/params.txt',
        'vit-b-32/checkpoints/results.jsonl',
        'vit-b-32/checkpoints/epoch_1.pt',
        'vit-b-32/tensorboard/events.out.tfevents.1709647331.host.4242.0',
        'vit-b-32/code/src/main.py',
      ),
    );
    expect(contents.folderName).toBe('vit-b-32');
    expect(contents.found.map((file) => [file.kind, file.relativePath, file.name])).toEqual([
      ['outLog', 'out.log', 'out.log'],
      ['params', 'params.txt', 'params.txt'],
      ['results', 'checkpoints/results.jsonl', 'results.jsonl'],
      ['tfevents', 'tensorboard/events.out.tfevents.1709647331.host.4242.0', 'events.out.tfevents.1709647331.host.4242.0'],
    ]);
    expect(contents.ignored.map((file) => [file.relativePath, file.reason])).toEqual([
      ['checkpoints/epoch_1.pt', 'model checkpoint: not uploaded'],
      ['code/src/main.py', 'copy of the training code: not uploaded'],
    ]);
  });

  it('accepts the leading slash of dropped entries and loose files without a folder', () => {
    expect(classifyRunFiles(picked('/run a/out.log', '/run a/params.txt')).folderName).toBe('run a');
    const loose = classifyRunFiles(picked('out.log', 'results.jsonl', 'events.out.tfevents.1.host.1.0', 'notes.md'));
    expect(loose.folderName).toBeNull();
    expect(loose.found.map((file) => file.kind)).toEqual(['outLog', 'results', 'tfevents']);
    expect(loose.ignored[0]).toMatchObject({ relativePath: 'notes.md', reason: 'not a file Reproboard reads' });
  });

  it('reads out-<rank> of --log-local runs, keeping one log: out.log first, else the lowest rank', () => {
    expect(kinds(['r/out-8', 'r/out-0', 'r/params.txt'])).toEqual(['outLog:out-0', 'params:params.txt']);
    const both = classifyRunFiles(picked('r/out-0', 'r/out.log'));
    expect(both.found.map((file) => file.relativePath)).toEqual(['out.log']);
    expect(both.ignored[0]!.reason).toBe('another log of the run: only out.log is read');
  });

  it('prefers checkpoints/results.jsonl over a loose copy and ignores files in the wrong place', () => {
    const contents = classifyRunFiles(picked('r/results.jsonl', 'r/checkpoints/results.jsonl', 'r/logs/out.log', 'r/tensorboard/notes.txt'));
    expect(contents.found.map((file) => file.relativePath)).toEqual(['checkpoints/results.jsonl']);
    expect(contents.ignored.map((file) => file.reason)).toEqual([
      'not a file Reproboard reads',
      'not a TensorBoard event file',
      'duplicate: checkpoints/results.jsonl is used',
    ]);
  });

  it('does not take out-<rank>.log, out.log.1 or event-file look-alikes', () => {
    expect(kinds(['r/out-0.log', 'r/out.log.1', 'r/tensorboard/events.out.tfevents/x'])).toEqual([]);
  });

  it('finds nothing in an empty selection', () => {
    expect(classifyRunFiles([])).toEqual({ folderName: null, found: [], ignored: [] });
  });
});
