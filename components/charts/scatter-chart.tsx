'use client';

import { Area, CartesianGrid, Line, ScatterChart as RechartsScatterChart, Scatter, Symbols, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAxisValue, type AxisModel } from '@/lib/charts/paper-axis';
import type { ChartPoint, ChartSeries, PointShape, PreparedScatterChart, ScatterSeries } from '@/lib/charts/paper-scatter-model';

const AXIS_STYLE = { fontSize: 11, fill: '#71717a' };
const LABEL_STYLE = { fontSize: 11, fill: '#52525b' };
const GRID_COLOR = '#e4e4e7';
const LAYER: Record<ChartSeries['kind'], number> = { band: 0, line: 1, scatter: 2 };

/**
 * Draws a prepared scatter model with Recharts and decides nothing: axes take the preparer's scale,
 * domain, ticks and unit label; bands sit under lines under points; each series keeps its own data, CSS
 * class (`paper-points`, `run-points`, …), colour and symbol; animation is off. Tooltips are per point:
 * name, value, x and source.
 */
export function ScatterChart({ chart, height = 320 }: { chart: PreparedScatterChart; height?: number }) {
  const layered = [...chart.series].sort((a, b) => LAYER[a.kind] - LAYER[b.kind]);
  return (
    <RechartsScatterChart responsive style={{ width: '100%', height }} margin={{ top: 8, right: 12, bottom: 22, left: 12 }}>
      <CartesianGrid stroke={GRID_COLOR} strokeDasharray="3 3" />
      <XAxis
        type="number"
        dataKey="x"
        scale={chart.x.scale}
        domain={chart.x.domain}
        ticks={chart.x.ticks}
        tickFormatter={(value: number) => formatAxisValue(chart.x.format, value)}
        tick={AXIS_STYLE}
        tickLine={false}
        axisLine={{ stroke: GRID_COLOR }}
        allowDataOverflow
        label={{ value: chart.x.label, position: 'bottom', offset: 6, style: LABEL_STYLE }}
      />
      <YAxis
        type="number"
        dataKey="y"
        scale={chart.y.scale}
        domain={chart.y.domain}
        ticks={chart.y.ticks}
        tickFormatter={(value: number) => formatAxisValue(chart.y.format, value)}
        tick={AXIS_STYLE}
        tickLine={false}
        axisLine={false}
        width={56}
        allowDataOverflow
        label={{ value: chart.y.label, angle: -90, position: 'insideLeft', offset: -4, style: { ...LABEL_STYLE, textAnchor: 'middle' } }}
      />
      <Tooltip shared={false} cursor={false} isAnimationActive={false} content={({ active, payload }) => <PointTooltip active={active} payload={payload} x={chart.x} y={chart.y} />} />
      {layered.map((series) => renderSeries(series))}
    </RechartsScatterChart>
  );
}

function renderSeries(series: ChartSeries) {
  if (series.kind === 'band') {
    const data = series.points.map((point) => ({ x: point.x, range: [point.lower, point.upper] }));
    return (
      <Area
        key={series.id}
        data={data}
        dataKey="range"
        name={series.label}
        className={series.className}
        type="linear"
        stroke="none"
        fill={series.color}
        fillOpacity={0.14}
        tooltipType="none"
        activeDot={false}
        isAnimationActive={false}
      />
    );
  }
  if (series.kind === 'line') {
    return (
      <Line
        key={series.id}
        data={series.points}
        dataKey="y"
        name={series.label}
        className={series.className}
        type="linear"
        stroke={series.color}
        strokeWidth={series.role === 'link' ? 1.25 : 1.75}
        strokeDasharray={series.dashed ? '5 4' : undefined}
        strokeOpacity={series.role === 'link' ? 0.8 : 1}
        dot={false}
        activeDot={false}
        tooltipType="none"
        connectNulls={false}
        isAnimationActive={false}
      />
    );
  }
  return (
    <Scatter
      key={series.id}
      data={series.points.map((point) => ({ ...point, series: series.label }))}
      dataKey="y"
      name={series.label}
      className={series.className}
      fill={series.color}
      shape={(props: { cx?: number; cy?: number }) => <PointSymbol cx={props.cx} cy={props.cy} series={series} />}
      isAnimationActive={false}
    />
  );
}

function PointSymbol({ cx, cy, series }: { cx?: number; cy?: number; series: ScatterSeries }) {
  if (cx === undefined || cy === undefined) return null;
  const outlined = series.role === 'paper' || series.role === 'target';
  return <Symbols cx={cx} cy={cy} type={series.shape} size={series.size} fill={series.color} stroke={outlined ? '#ffffff' : series.color} strokeWidth={outlined ? 1 : 0} />;
}

function PointTooltip({ active, payload, x, y }: { active?: boolean; payload?: readonly { payload?: unknown }[]; x: AxisModel; y: AxisModel }) {
  const point = payload?.[0]?.payload as (ChartPoint & { series?: string }) | undefined;
  if (!active || !point || typeof point.name !== 'string') return null;
  return (
    <div className="max-w-sm rounded-md border border-zinc-200 bg-white/95 px-2.5 py-1.5 text-xs shadow-md">
      <p className="font-medium text-zinc-900">{point.name}</p>
      {point.series && point.series !== point.name && <p className="text-zinc-500">{point.series}</p>}
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 tabular-nums">
        <dt className="text-zinc-500">{y.name}</dt>
        <dd className="font-medium text-zinc-900">{formatAxisValue(y.format, point.y)}</dd>
        <dt className="text-zinc-500">{x.name}</dt>
        <dd className="text-zinc-800" title={x.label}>
          {formatAxisValue(x.format, point.x)}
        </dd>
      </dl>
      {point.details?.map((detail) => (
        <p key={detail} className="text-zinc-600">
          {detail}
        </p>
      ))}
      <p className="mt-1 break-words text-zinc-500">source: {point.source}</p>
    </div>
  );
}

/** The legend of a prepared chart: each series' symbol (or line) and label. */
export function ScatterLegend({ series }: { series: readonly ChartSeries[] }) {
  const shown = series.filter((entry) => entry.legend);
  if (shown.length === 0) return null;
  return (
    <ul aria-label="Series" className="mb-1 flex flex-wrap gap-x-3 gap-y-1 text-xs text-zinc-600">
      {shown.map((entry) => (
        <li key={entry.id} className="flex items-center gap-1.5" data-series-role={entry.role}>
          <LegendGlyph series={entry} />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

function LegendGlyph({ series }: { series: ChartSeries }) {
  if (series.kind === 'scatter') return <GlyphSvg shape={series.shape} color={series.color} />;
  if (series.kind === 'band') return <span aria-hidden="true" className="h-2.5 w-3 rounded-sm" style={{ backgroundColor: series.color, opacity: 0.25 }} />;
  return (
    <svg aria-hidden="true" width="14" height="6">
      <line x1="0" y1="3" x2="14" y2="3" stroke={series.color} strokeWidth="2" strokeDasharray={series.dashed ? '3 2' : undefined} />
    </svg>
  );
}

function GlyphSvg({ shape, color }: { shape: PointShape; color: string }) {
  return (
    <svg aria-hidden="true" width="12" height="12" viewBox="0 0 12 12">
      <Symbols cx={6} cy={6} type={shape} size={48} fill={color} />
    </svg>
  );
}
