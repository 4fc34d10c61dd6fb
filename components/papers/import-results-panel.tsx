'use client';

import Link from 'next/link';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorNotice } from '@/components/ui/error-notice';
import { ApiRequestError } from '@/lib/queries/api-request-error';
import { paperPageUrls, useImportResultsCsv } from '@/lib/queries/papers';
import { REQUIRED_REPORTED_COLUMNS } from '@/lib/reference/clipa-reported';
import { ImportIssuesTable } from './import-issues-table';

const textareaClasses =
  'block w-full rounded-md border-0 bg-white px-2.5 py-1.5 font-mono text-xs text-zinc-900 shadow-xs ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-400 focus:ring-2 focus:ring-inset focus:ring-accent-600';

/** Upload (or paste) a CSV of another paper's results; the server imports all of it or nothing. */
export function ImportResultsPanel() {
  const importCsv = useImportResultsCsv();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState<string | undefined>(undefined);

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    importCsv.reset();
    if (!file) return;
    setFileName(file.name);
    setText(await file.text());
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    importCsv.mutate({ text, fileName });
  };

  const error = importCsv.error;
  const csvIssues = error instanceof ApiRequestError ? error.issues.filter((issue) => issue.path.startsWith('csv.')) : [];

  return (
    <Card title="Import results (CSV)">
      <form onSubmit={submit} className="space-y-3 p-4" aria-label="Import results">
        <p className="text-sm text-zinc-600">
          Add another paper&apos;s reported results in the columns of <code className="font-mono text-xs">reference/clipa_reported.csv</code>:{' '}
          {REQUIRED_REPORTED_COLUMNS.map((column) => (
            <span key={column}>
              <code className="font-mono text-xs">{column}</code>,{' '}
            </span>
          ))}
          and at least one accuracy column such as <code className="font-mono text-xs">zeroshot_in1k_top1</code> (percent). A file with any bad
          row is rejected whole, with each problem&apos;s line and column; re-importing a lab paper replaces its results.
        </p>
        <div>
          <label htmlFor="import-file" className="mb-1 block text-sm font-medium text-zinc-800">
            CSV file
          </label>
          <input id="import-file" type="file" accept=".csv,text/csv,text/plain" onChange={chooseFile} className="text-sm text-zinc-700" />
        </div>
        <div>
          <label htmlFor="import-text" className="mb-1 block text-sm font-medium text-zinc-800">
            CSV text {fileName && <span className="font-normal text-zinc-500">(from {fileName})</span>}
          </label>
          <textarea
            id="import-text"
            rows={6}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              importCsv.reset();
            }}
            placeholder={'result_key,plot_primary,paper,source,model,zeroshot_in1k_top1\nmy-paper_B16,1,My paper,"My paper, Table 2",B/16,63.1'}
            spellCheck={false}
            className={textareaClasses}
          />
        </div>
        <div className="flex items-center gap-3">
          <Button type="submit" variant="primary" disabled={importCsv.isPending || text.trim() === ''}>
            {importCsv.isPending ? 'Importing…' : 'Import'}
          </Button>
          {importCsv.data && (
            <p role="status" className="text-sm text-emerald-700">
              Imported {importCsv.data.results} result{importCsv.data.results === 1 ? '' : 's'} into{' '}
              {importCsv.data.papers.map((paper, index) => (
                <span key={paper.id}>
                  {index > 0 && ', '}
                  <Link href={paperPageUrls.paper(paper.id)} className="font-medium underline">
                    {paper.title}
                  </Link>{' '}
                  ({paper.created ? 'new' : 'updated'})
                </span>
              ))}
              {importCsv.data.removed > 0 && `; ${importCsv.data.removed} result(s) no longer in the file were removed`}.
            </p>
          )}
        </div>
        {error && csvIssues.length === 0 && <ErrorNotice error={error} title="Could not import the CSV" />}
        {error && csvIssues.length > 0 && (
          <div role="alert" className="overflow-hidden rounded-md border border-red-200">
            <div className="bg-red-50 px-4 py-3 text-sm text-red-800">
              <p className="font-medium">{error instanceof ApiRequestError && error.code === 'conflict' ? 'The CSV conflicts with existing papers' : 'The CSV was rejected'}</p>
              <p className="mt-0.5 break-words">{error.message}</p>
            </div>
            <ImportIssuesTable issues={csvIssues} />
          </div>
        )}
      </form>
    </Card>
  );
}
