import { useMemo } from 'react';

import { EChart } from '@/components/echart';

export type Bar = { name: string; value: number };

/** A horizontal bar chart (loaded on demand with ECharts: only the stats page needs it). */
export default function StatsChart({ bars, height = 280, testId }: { bars: Bar[]; height?: number; testId?: string }) {
  const option = useMemo(() => {
    const ordered = [...bars].reverse();
    return {
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: ordered.map((bar) => bar.name) },
        series: [{ type: 'bar', data: ordered.map((bar) => bar.value), itemStyle: { color: '#1f6f8b' }, barMaxWidth: 24 }],
    };
  }, [bars]);

  return <EChart option={option} height={height} testId={testId} />;
}
