'use client';

import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatValue, type ValueFormat } from '@/lib/charts/format';
import type { PreparedChart } from '@/lib/charts/prepare-training-curves';
import { formatAxisValue } from '@/lib/charts/x-axis';
import { ChartTooltip } from './chart-tooltip';

const AXIS_STYLE = { fontSize: 11, fill: '#71717a' };
const GRID_COLOR = '#e4e4e7';
const NON_FINITE_COLOR = '#f59e0b';
const SELECTION_COLOR = '#6366f1';
/** How faint the raw line under a smoothed one is. */
const RAW_OPACITY = 0.25;

/**
 * Draws a prepared chart with Recharts and decides nothing: each line carries its own points (so
 * series at different x never break each other), null values stay gaps (`connectNulls` off) with
 * their x ranges shaded amber, a smoothed line has its raw points faded underneath, and animation
 * is off so live updates and tests see the final lines at once. With `onZoom`, dragging across the
 * plot selects an x range (shown as a shaded area) and reports it on release.
 */
export function TimeSeriesChart({
  chart,
  height = 208,
  onZoom,
}: {
  chart: PreparedChart;
  height?: number;
  onZoom?: (range: { from: number; to: number }) => void;
}) {
  const [selection, setSelection] = useState<{ start: number; end: number } | null>(null);
  const span = chart.xDomain[1] - chart.xDomain[0];
  const formatX = (value: number) => formatAxisValue(chart.xFormat, value, span);
  const formatByLabel = new Map(chart.lines.map((line) => [line.label, line.axis === 'right' ? chart.rightYFormat : chart.yFormat]));
  const formatOf = (label: string): ValueFormat => formatByLabel.get(label) ?? chart.yFormat;
  const numberOf = (label: string | number | undefined) => (label === undefined || label === '' ? null : Number(label));
  const finishDrag = () => {
    if (selection && onZoom) {
      const from = Math.min(selection.start, selection.end);
      const to = Math.max(selection.start, selection.end);
      if (to > from) onZoom({ from, to });
    }
    setSelection(null);
  };
  return (
    <LineChart
      responsive
      style={{ width: '100%', height, userSelect: onZoom ? 'none' : undefined, cursor: onZoom ? 'crosshair' : undefined }}
      margin={{ top: 4, right: 4, bottom: 0, left: 0 }}
      onMouseDown={(state) => {
        const x = numberOf(state.activeLabel);
        if (onZoom && x !== null && Number.isFinite(x)) setSelection({ start: x, end: x });
      }}
      onMouseMove={(state) => {
        const x = numberOf(state.activeLabel);
        if (selection && x !== null && Number.isFinite(x)) setSelection({ ...selection, end: x });
      }}
      onMouseUp={finishDrag}
      onMouseLeave={() => setSelection(null)}
    >
      <CartesianGrid stroke={GRID_COLOR} strokeDasharray="3 3" vertical={false} />
      <XAxis
        type="number"
        dataKey="x"
        scale={chart.xScale}
        domain={chart.xDomain}
        ticks={chart.xTicks}
        tickFormatter={formatX}
        tick={AXIS_STYLE}
        tickLine={false}
        axisLine={{ stroke: GRID_COLOR }}
        minTickGap={24}
        allowDataOverflow
      />
      <YAxis
        yAxisId="left"
        width="auto"
        scale={chart.yScale}
        domain={chart.yDomain ?? ['auto', 'auto']}
        ticks={chart.yDomain ? chart.yTicks : undefined}
        allowDataOverflow={chart.yDomain !== null}
        tickFormatter={(value: number) => formatValue(chart.yFormat, value)}
        tick={AXIS_STYLE}
        tickLine={false}
        axisLine={false}
      />
      {chart.rightYFormat && (
        <YAxis
          yAxisId="right"
          orientation="right"
          width="auto"
          scale={chart.yScale}
          domain={['auto', 'auto']}
          tickFormatter={(value: number) => formatValue(chart.rightYFormat ?? 'number', value)}
          tick={AXIS_STYLE}
          tickLine={false}
          axisLine={false}
        />
      )}
      {chart.nonFiniteSpans.map((nonFinite) =>
        nonFinite.from === nonFinite.to ? (
          <ReferenceLine key={`nf-${nonFinite.from}`} yAxisId="left" x={nonFinite.from} stroke={NON_FINITE_COLOR} strokeOpacity={0.6} />
        ) : (
          <ReferenceArea
            key={`nf-${nonFinite.from}`}
            yAxisId="left"
            x1={nonFinite.from}
            x2={nonFinite.to}
            fill={NON_FINITE_COLOR}
            fillOpacity={0.15}
            stroke={NON_FINITE_COLOR}
            strokeOpacity={0.4}
          />
        ),
      )}
      <Tooltip
        isAnimationActive={false}
        content={({ active, label, payload }) => (
          <ChartTooltip
            active={active}
            label={label}
            entries={(payload ?? []).filter((entry) => !String(entry.name).startsWith('raw:'))}
            xLabel={chart.xLabel}
            formatX={formatX}
            formatOf={formatOf}
          />
        )}
      />
      {chart.lines.map((line) =>
        line.rawPoints ? (
          <Line
            key={`raw:${line.key}`}
            data={line.rawPoints}
            dataKey="y"
            name={`raw:${line.label}`}
            yAxisId={line.axis}
            type="linear"
            stroke={line.color}
            strokeOpacity={RAW_OPACITY}
            strokeWidth={1}
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
            legendType="none"
          />
        ) : null,
      )}
      {chart.lines.map((line) => (
        <Line
          key={line.key}
          data={line.points}
          dataKey="y"
          name={line.label}
          yAxisId={line.axis}
          type="linear"
          stroke={line.color}
          strokeWidth={1.5}
          dot={line.showDots ? { r: 2, strokeWidth: 0, fill: line.color } : false}
          activeDot={{ r: 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      ))}
      {selection && selection.end !== selection.start && (
        <ReferenceArea yAxisId="left" x1={selection.start} x2={selection.end} fill={SELECTION_COLOR} fillOpacity={0.12} stroke={SELECTION_COLOR} strokeOpacity={0.5} />
      )}
    </LineChart>
  );
}
