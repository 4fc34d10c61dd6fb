'use client';

import { useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { ChartFigure } from './chart-figure';
import { ChartExportMenu } from './chart-export-menu';

/**
 * A ChartFigure with the export menu in its top-right corner. It also reports its width (children
 * get it), because the server downsamples to about one point per pixel: a ResizeObserver is the
 * external system here, attached through a ref callback, and widths are rounded to 100 px so a
 * resize rarely refetches.
 */
export function ExportableChartFigure({
  exportTitle,
  legendEntries,
  loadCsv,
  children,
  ...figure
}: Omit<ComponentProps<typeof ChartFigure>, 'children'> & {
  exportTitle: string;
  legendEntries: readonly { label: string; color: string }[];
  loadCsv: () => Promise<string>;
  children: (widthPx: number) => ReactNode;
}) {
  const figureRef = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  const measure = (element: HTMLDivElement | null) => {
    figureRef.current = element;
    if (!element) return;
    const update = () => setWidth(Math.ceil(element.getBoundingClientRect().width / 100) * 100);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    return () => {
      observer.disconnect();
      figureRef.current = null;
    };
  };
  return (
    <div ref={measure} className="relative min-w-0">
      <ChartFigure {...figure}>{width > 0 ? children(width) : <div className="h-52" />}</ChartFigure>
      <div className="absolute right-3 top-3">
        <ChartExportMenu figureRef={figureRef} title={exportTitle} legend={legendEntries} loadCsv={loadCsv} />
      </div>
    </div>
  );
}
