import { BarChart, HeatmapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, HeatmapChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** A small ECharts wrapper: one chart, resized with its box, disposed on unmount. Import it
 * only from lazily loaded pages, so ECharts stays out of the first page's JavaScript. */
export function EChart({
  option,
  height = 320,
  testId,
  label,
}: {
  option: ChartOption;
  height?: number;
  testId?: string;
  /** For screen readers: what the chart shows. */
  label?: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!host.current) {
      return undefined;
    }
    const instance = echarts.init(host.current);
    chart.current = instance;
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(host.current);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return (
    <div
      ref={host}
      role={label ? 'img' : undefined}
      aria-label={label}
      style={{ width: '100%', height }}
      data-testid={testId}
    />
  );
}
