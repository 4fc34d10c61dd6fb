import Link from 'next/link';
import { Table, Td, Th } from '@/components/ui/table';
import { paperPageUrls } from '@/lib/queries/papers';
import type { PaperSummary } from '@/lib/schemas/papers';
import { PaperOriginBadge } from './paper-origin-badge';

export function PapersTable({ papers }: { papers: readonly PaperSummary[] }) {
  return (
    <Table label="Papers">
      <thead>
        <tr>
          <Th>Paper</Th>
          <Th>arXiv</Th>
          <Th>Origin</Th>
          <Th numeric>Reported results</Th>
        </tr>
      </thead>
      <tbody>
        {papers.map((paper) => (
          <tr key={paper.id} className="hover:bg-zinc-50" data-paper-id={paper.id}>
            <Td className="max-w-2xl">
              <Link href={paperPageUrls.paper(paper.id)} className="font-medium text-zinc-900 hover:text-accent-600 hover:underline">
                {paper.shortName}
              </Link>
              {paper.title !== paper.shortName && <p className="line-clamp-2 text-xs text-zinc-500">{paper.title}</p>}
            </Td>
            <Td>
              {paper.arxivId ? (
                <a href={`https://arxiv.org/abs/${paper.arxivId}`} className="font-mono text-xs text-accent-600 hover:underline" rel="noreferrer" target="_blank">
                  {paper.arxivId}
                </a>
              ) : (
                <span className="text-zinc-400">—</span>
              )}
            </Td>
            <Td>
              <PaperOriginBadge origin={paper.origin} />
            </Td>
            <Td numeric>{paper.resultCount}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
