import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { TargetRow } from '@/features/matching/types';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * The 2025 targets of policy section 三 that joint projects count towards (亿元): the target
 * and what the joint projects' split accounting attributes so far. Loaded lazily (ECharts is
 * only in this chunk and the research/docking ones).
 */
export default function TargetsChart({ rows }: { rows: TargetRow[] }) {
  const { t, i18n } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const english = i18n.language === 'en';
  const option = useMemo(() => {
    const counted = rows.filter((row) => row.joint_projects_contribution !== null);
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'value', name: t('home.targetUnit'), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'category', data: counted.map((row) => (english ? row.name_en : row.name)) },
      series: [
        { name: t('home.target2025'), type: 'bar', data: counted.map((row) => Number(row.target)), itemStyle: { color: '#9fb8c4' } },
        {
          name: t('home.jointContribution'),
          type: 'bar',
          data: counted.map((row) => Number(row.joint_projects_contribution)),
          itemStyle: { color: '#1f6f8b' },
        },
      ],
    };
  }, [rows, english, t]);

  useEffect(() => {
    if (!host.current) {
      return undefined;
    }
    const chart = echarts.init(host.current);
    chart.setOption(option);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(host.current);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [option]);

  return (
    <div
      ref={host}
      role="img"
      aria-label={t('home.targetsChartLabel')}
      style={{ width: '100%', height: 220 }}
      data-testid="home-targets-chart"
    />
  );
}
