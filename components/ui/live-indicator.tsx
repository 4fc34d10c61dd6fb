/** A small "Live" marker for views that poll while something is still writing. */
export function LiveIndicator({ intervalSeconds }: { intervalSeconds: number }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-zinc-500" title={`Refreshing every ${intervalSeconds} s`}>
      <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500 motion-safe:animate-pulse" />
      Live · every {intervalSeconds} s
    </span>
  );
}
