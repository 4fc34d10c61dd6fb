'use client';

import { useState, type RefObject } from 'react';
import { buildExportSvg, exportFileName } from '@/lib/charts/chart-export';

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** The figure's chart as a stand-alone SVG document (white background, title, legend, one font). */
function exportSvg(figure: HTMLElement, title: string, legend: readonly { label: string; color: string }[]) {
  const surface = figure.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (!surface) return null;
  const box = surface.getBoundingClientRect();
  return buildExportSvg({ chartSvg: new XMLSerializer().serializeToString(surface), width: box.width, height: box.height, title, legend });
}

async function svgToPng(svg: { svg: string; width: number; height: number }, scale = 2): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg.svg], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(svg.width * scale);
    canvas.height = Math.round(svg.height * scale);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * PNG (2× resolution), SVG and CSV of one chart. Images are drawn from the chart's own SVG, so they
 * show exactly what is on screen; the CSV comes from `loadCsv`, which reads full-resolution points.
 */
export function ChartExportMenu({
  figureRef,
  title,
  legend,
  loadCsv,
}: {
  figureRef: RefObject<HTMLElement | null>;
  title: string;
  legend: readonly { label: string; color: string }[];
  loadCsv: () => Promise<string>;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (kind: 'png' | 'svg' | 'csv') => {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'csv') {
        download(new Blob([await loadCsv()], { type: 'text/csv;charset=utf-8' }), exportFileName(title, 'csv'));
        return;
      }
      const svg = figureRef.current ? exportSvg(figureRef.current, title, legend) : null;
      if (!svg) throw new Error('The chart has nothing drawn to export');
      const blob = kind === 'svg' ? new Blob([svg.svg], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(svg);
      download(blob, exportFileName(title, kind));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="relative text-xs">
    <details>
      <summary className="cursor-pointer list-none rounded px-1.5 py-0.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800">Export</summary>
      <div role="menu" className="absolute right-0 z-10 mt-1 w-40 rounded-md border border-zinc-200 bg-white p-1 shadow-md">
        {(
          [
            ['png', 'PNG image (2×)'],
            ['svg', 'SVG image'],
            ['csv', 'CSV (full resolution)'],
          ] as const
        ).map(([kind, label]) => (
          <button
            key={kind}
            type="button"
            role="menuitem"
            disabled={busy !== null}
            onClick={(event) => {
              event.currentTarget.closest('details')?.removeAttribute('open');
              void run(kind);
            }}
            className="block w-full rounded px-2 py-1 text-left text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-400"
          >
            {busy === kind ? 'Preparing…' : label}
          </button>
        ))}
      </div>
    </details>
      {error && <p role="alert" className="absolute right-0 z-10 mt-1 w-56 rounded bg-white px-2 py-1 text-amber-700 shadow">{error}</p>}
    </div>
  );
}
