/**
 * Sends the demo ladder through the HTTP ingestion API, exactly as a lab's training machine would:
 * run, params.txt, out.log in chunks, results.jsonl, final status.
 */
import { createReproboardClient, sendOutLog } from '@/lib/client/reproboard-client';
import { demoLadder } from './demo-ladder';
import { writeDemoRun } from './openclip-run-writer';

export async function sendDemoRuns(options: { server: string; project: string; key: string; nowMs?: number }): Promise<number> {
  const client = createReproboardClient(options);
  const runs = demoLadder(options.nowMs ?? Date.now());
  for (const { spec, status, notes, tags, reportedResultKey } of runs) {
    const files = writeDemoRun(spec);
    await client.upsertRun(spec.name, { name: spec.name, notes, tags, status: 'running', reportedResultKey });
    await client.uploadParamsTxt(spec.name, files.paramsTxt);
    // Small chunks, so the demo also exercises cursors and lines split across chunks.
    await sendOutLog(client, spec.name, files.outLog, 16 * 1024);
    if (files.resultsJsonl) await client.uploadResultsJsonl(spec.name, files.resultsJsonl);
    if (status !== 'running') await client.upsertRun(spec.name, { status });
  }
  return runs.length;
}
