'use client';

import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { formatValue, type ValueFormat } from '@/lib/charts/format';
import type { PreparedChart } from '@/lib/charts/prepare-training-curves';
import { ChartTooltip } from './chart-tooltip';

const AXIS_STYLE = { fontSize: 11, fill: '#71717a' };
const GRID_COLOR = '#e4e4e7';
const NON_FINITE_COLOR = '#f59e0b';

/**
 * Draws a prepared chart with Recharts and decides nothing: each line carries its own points (so
 * series at different x never break each other), null values stay gaps (`connectNulls` off) with
 * their x ranges shaded amber, and animation is off so live updates and tests see the final lines at once.
 */
export function TimeSeriesChart({ chart, height = 208 }: { chart: PreparedChart; height?: number }) {
  const span = chart.xDomain[1] - chart.xDomain[0];
  const formatX = (value: number) => formatValue(chart.xFormat, value, span);
  const formatByLabel = new Map(chart.lines.map((line) => [line.label, line.axis === 'right' ? chart.rightYFormat : chart.yFormat]));
  const formatOf = (label: string): ValueFormat => formatByLabel.get(label) ?? chart.yFormat;
  return (
    <LineChart responsive style={{ width: '100%', height }} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
      <CartesianGrid stroke={GRID_COLOR} strokeDasharray="3 3" vertical={false} />
      <XAxis
        type="number"
        dataKey="x"
        domain={['dataMin', 'dataMax']}
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
        domain={['auto', 'auto']}
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
          domain={['auto', 'auto']}
          tickFormatter={(value: number) => formatValue(chart.rightYFormat ?? 'number', value)}
          tick={AXIS_STYLE}
          tickLine={false}
          axisLine={false}
        />
      )}
      {chart.nonFiniteSpans.map((span) =>
        span.from === span.to ? (
          <ReferenceLine key={`nf-${span.from}`} yAxisId="left" x={span.from} stroke={NON_FINITE_COLOR} strokeOpacity={0.6} />
        ) : (
          <ReferenceArea
            key={`nf-${span.from}`}
            yAxisId="left"
            x1={span.from}
            x2={span.to}
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
            entries={payload ?? []}
            xLabel={chart.xLabel}
            formatX={formatX}
            formatOf={formatOf}
          />
        )}
      />
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
    </LineChart>
  );
}
