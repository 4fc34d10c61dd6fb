import { Table, Td, Th } from '@/components/ui/table';
import { parseCsvIssuePath } from '@/lib/schemas/papers';

/** The problems of a rejected CSV, one per line and column, in file order. */
export function ImportIssuesTable({ issues }: { issues: readonly { path: string; message: string }[] }) {
  return (
    <Table label="Problems in the CSV">
      <thead>
        <tr>
          <Th numeric>Line</Th>
          <Th>Column</Th>
          <Th>Problem</Th>
        </tr>
      </thead>
      <tbody>
        {issues.map((issue, index) => {
          const where = parseCsvIssuePath(issue.path);
          return (
            <tr key={`${index}:${issue.path}`}>
              <Td numeric>{where?.line ?? '—'}</Td>
              <Td className="font-mono text-xs">{where?.column ?? issue.path}</Td>
              <Td className="text-red-800">{issue.message}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
