import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type Bar = { name: string; value: number };

/** A horizontal bar chart (loaded on demand with ECharts: only the stats page needs it). */
export default function StatsChart({ bars, height = 280, testId }: { bars: Bar[]; height?: number; testId?: string }) {
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
    const ordered = [...bars].reverse();
    chart.current?.setOption(
      {
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: ordered.map((bar) => bar.name) },
        series: [{ type: 'bar', data: ordered.map((bar) => bar.value), itemStyle: { color: '#1677ff' }, barMaxWidth: 24 }],
      },
      true,
    );
  }, [bars]);

  return <div ref={host} style={{ width: '100%', height }} data-testid={testId} />;
}
