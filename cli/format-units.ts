/** Human-readable counts for progress and summaries. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}
