import { ApiRequestError } from '@/lib/queries/api-request-error';
import { Button } from './button';

/** An error with the API's own message (and its field issues), plus a retry when one is possible. */
export function ErrorNotice({ error, title = 'Could not load data', onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const message = error instanceof Error ? error.message : 'Something went wrong';
  const status = error instanceof ApiRequestError && error.status > 0 ? `HTTP ${error.status} · ${error.code}` : null;
  const issues = error instanceof ApiRequestError ? error.issues : [];
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
      <div className="flex items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="font-medium">{title}</p>
          <p className="mt-0.5 break-words">{message}</p>
          {issues.length > 1 && (
            <ul className="mt-1 list-disc pl-5">
              {issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code className="font-mono text-xs">{issue.path}</code>: {issue.message}
                </li>
              ))}
            </ul>
          )}
          {status && <p className="mt-1 font-mono text-xs text-red-700/80">{status}</p>}
        </div>
        {onRetry && (
          <Button size="sm" onClick={onRetry}>
            Retry
          </Button>
        )}
      </div>
    </div>
  );
}
