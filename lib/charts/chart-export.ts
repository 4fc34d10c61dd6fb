/**
 * Exports of a chart. CSV holds the plotted series at full resolution, one row per point in long
 * format (series, metric, step, epoch, samples seen, wall time as ISO 8601, value; non-finite values
 * as nan/inf/-inf, missing fields empty), quoted per RFC 4180. The SVG document wraps a chart's
 * drawn SVG for a paper: white background, a title, a legend below and one font for every text.
 */
import type { Series } from '@/lib/schemas/metrics';

export interface CsvSeries {
  label: string;
  series: Series;
}

const CSV_HEADER = ['series', 'metric', 'step', 'epoch', 'samples_seen', 'wall_time', 'value'];

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function seriesToCsv(entries: readonly CsvSeries[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const { label, series } of entries) {
    for (const point of series.points) {
      const value = point.value !== null && Number.isFinite(point.value) ? point.value : (point.nonFinite ?? 'nan');
      const wallTime = point.wallTime !== null && Number.isFinite(point.wallTime) ? new Date(point.wallTime).toISOString() : null;
      lines.push([label, series.key, point.step, point.epoch, point.samplesSeen, wallTime, value].map(csvCell).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name from a chart title: lowercase words joined by dashes, with the extension. */
export function exportFileName(title: string, extension: 'csv' | 'svg' | 'png'): string {
  const stem = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'chart';
  return `${stem}.${extension}`;
}

export interface SvgExportInput {
  /** The chart's own <svg> element, serialised. */
  chartSvg: string;
  width: number;
  height: number;
  title: string;
  legend: readonly { label: string; color: string }[];
}

export const EXPORT_FONT = 'Helvetica, Arial, "DejaVu Sans", sans-serif';
const TITLE_HEIGHT = 28;
const LEGEND_ROW = 18;
const PADDING = 12;

function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** The legend's rows: entries flow left to right and wrap at the width (about 7 px per character at 12 px). */
function layoutLegend(legend: SvgExportInput['legend'], width: number): { label: string; color: string; x: number; row: number }[] {
  const placed: { label: string; color: string; x: number; row: number }[] = [];
  let x = PADDING;
  let row = 0;
  for (const entry of legend) {
    const entryWidth = 22 + entry.label.length * 7 + 16;
    if (x > PADDING && x + entryWidth > width - PADDING) {
      row += 1;
      x = PADDING;
    }
    placed.push({ ...entry, x, row });
    x += entryWidth;
  }
  return placed;
}

export function buildExportSvg(input: SvgExportInput): { svg: string; width: number; height: number } {
  const width = Math.round(input.width + PADDING * 2);
  const legend = layoutLegend(input.legend, width);
  const legendRows = legend.length === 0 ? 0 : legend[legend.length - 1]!.row + 1;
  const chartTop = TITLE_HEIGHT + PADDING;
  const legendTop = chartTop + input.height + PADDING;
  const height = Math.round(legendTop + legendRows * LEGEND_ROW + PADDING);
  // Only the root tag is rewritten: placed under the title, at its drawn size.
  const chart = input.chartSvg.trim().replace(/^<svg\b[^>]*>/, (tag) =>
    tag.replace(/\s(x|y|width|height|style|class)="[^"]*"/g, '').replace(/^<svg\b/, `<svg x="${PADDING}" y="${chartTop}" width="${input.width}" height="${input.height}"`),
  );
  const legendItems = legend
    .map((entry) => {
      const y = legendTop + entry.row * LEGEND_ROW;
      return `<g transform="translate(${entry.x},${y})"><line x1="0" y1="7" x2="16" y2="7" stroke="${escapeXml(entry.color)}" stroke-width="2.5"/><text x="22" y="11" font-size="12" fill="#18181b">${escapeXml(entry.label)}</text></g>`;
    })
    .join('');
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<style>text{font-family:${EXPORT_FONT};}.recharts-cartesian-axis-tick-value{font-size:12px;fill:#3f3f46;}</style>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="${PADDING}" y="${PADDING + 14}" font-size="15" font-weight="600" fill="#18181b">${escapeXml(input.title)}</text>`,
    chart,
    legendItems,
    '</svg>',
  ].join('');
  return { svg, width, height };
}
