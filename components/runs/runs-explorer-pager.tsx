import { Button } from '@/components/ui/button';
import { PAGE_SIZE } from '@/lib/runs-explorer/explorer-view';

/** "Runs 51–100 of 312" with previous and next; nothing when everything fits on one page. */
export function RunsExplorerPager({ page, pageCount, total, onPage }: { page: number; pageCount: number; total: number; onPage: (page: number) => void }) {
  if (pageCount <= 1) return null;
  const first = (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(total, page * PAGE_SIZE);
  return (
    <nav aria-label="Pages of runs" className="flex items-center justify-end gap-3 px-4 py-2 text-xs text-zinc-600">
      <span>
        Runs {first}–{last} of {total} · page {page} of {pageCount}
      </span>
      <Button size="sm" onClick={() => onPage(page - 1)} disabled={page <= 1}>
        Previous
      </Button>
      <Button size="sm" onClick={() => onPage(page + 1)} disabled={page >= pageCount}>
        Next
      </Button>
    </nav>
  );
}
