'use client';

import { CodeBlock } from '@/components/ui/code-block';
import { useOrigin } from '@/components/ui/use-origin';
import { apiUrls } from '@/lib/queries/urls';

/**
 * The two curl calls that put a run on the board: create the run, then post metric points. With no
 * key given it reads $REPROBOARD_KEY, the key shown once when the project was created.
 */
export function IngestExample({ slug, apiKey }: { slug: string; apiKey?: string }) {
  const origin = useOrigin();
  const runUrl = `${origin}${apiUrls.run(slug, 'run-1')}`;
  const code = [
    `export REPROBOARD_KEY=${apiKey ?? '<your project API key>'}`,
    '',
    '# 1. create (or update) a run',
    `curl -X PUT "${runUrl}" \\`,
    `  -H "Authorization: Bearer $REPROBOARD_KEY" -H 'content-type: application/json' \\`,
    `  -d '{"name": "run-1", "status": "running"}'`,
    '',
    '# 2. send metric points (any keys; OpenCLIP names get the standard charts)',
    `curl -X POST "${runUrl}/metrics" \\`,
    `  -H "Authorization: Bearer $REPROBOARD_KEY" -H 'content-type: application/json' \\`,
    `  -d '{"points": [{"key": "train/loss", "step": 1, "value": 6.93, "samplesSeen": 4096}]}'`,
  ].join('\n');
  return (
    <div className="space-y-2 text-left">
      <CodeBlock code={code} label="curl example" />
      <p className="text-xs text-zinc-500">
        More in the <strong>API</strong> section of the README: streaming <code className="font-mono">out.log</code>, uploading{' '}
        <code className="font-mono">params.txt</code> and <code className="font-mono">results.jsonl</code>. Machine-readable reference:{' '}
        <a className="text-accent-600 underline-offset-2 hover:underline" href="/api/v1/openapi.json">
          /api/v1/openapi.json
        </a>
        .
      </p>
    </div>
  );
}
