/** The text of `reproboard --help` and `reproboard <command> --help`; docs/CLI.md says the same at length. */
const connection = `Connection (flag, else environment variable, else default):
  --server URL        Reproboard server            REPROBOARD_SERVER   (http://127.0.0.1:3000)
  --project SLUG      project slug                 REPROBOARD_PROJECT  (required)
  --key KEY           project API key              REPROBOARD_KEY      (required; prefer the variable:
                                                   a flag is visible to other users in ps)`;

const run = `Run:
  --run KEY           run key (default: the folder name); one folder only
  --name NAME         display name (default: the run key)
  --no-tensorboard    do not send tensorboard/events.out.tfevents.* files
  --chunk-bytes N     bytes per upload request (default 4194304)
  --state-dir DIR     where segment memory is kept (REPROBOARD_STATE_DIR,
                      default ~/.local/state/reproboard)`;

export const watchHelp = `reproboard watch <run-dir> [options]

Follows an OpenCLIP run folder while training runs and sends new data as it is written: out.log by
byte offset, params.txt and checkpoints/results.jsonl when they change, tensorboard/ event files.
Resumes from the server's cursors, retries through server restarts and network errors, follows
truncated or rotated logs, and marks the run finished after the final eval.

${connection}

${run}

Watching:
  --interval S        look for new data every S seconds (default 2)
  --heartbeat S       tell the server the run is alive every S seconds (default 30)
  --grace S           after the final eval line, finish once nothing grew for S seconds (default 60)
  --max-silence S     pause heartbeats when nothing grew for S seconds, so a hung or killed
                      trainer shows as stale (default 1800)
  --finish-on-exit PID  finish when this process exits: "finished" after its final eval,
                      "crashed" before it
  --once              send what is there now, mark the run finished, exit
  --no-finish         never mark the run finished on its own (Ctrl-C to stop)
  -q, --quiet         only warnings and errors
`;

export const importHelp = `reproboard import <run-dir>... [options]

Sends finished OpenCLIP run folders in one go, with a progress bar (bytes and lines) and a final
summary per file (points stored, lines not understood). Safe to repeat: what the server already
has is skipped.

${connection}

${run}

Import:
  --status STATUS     status to give each run at the end: finished (default), crashed, failed, running
  -v, --verbose       list the lines the server did not understand
`;

export const generalHelp = `reproboard — send OpenCLIP training logs to a Reproboard server

Usage:
  reproboard watch <run-dir> [options]      follow a run while it trains
  reproboard import <run-dir>... [options]  send finished runs once
  reproboard <command> --help               options of a command

Example:
  export REPROBOARD_KEY=rb_…
  npx reproboard watch logs/vitb32-cc12m --server http://lab-box:3000 --project clip-repro

Exit codes: 0 done, 1 failed (the message says what to do), 2 wrong usage.
See docs/CLI.md.
`;
