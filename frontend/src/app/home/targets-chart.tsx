import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { EChart } from '@/components/echart';
import type { TargetRow } from '@/features/matching/types';

import { formatAmountYi } from './target-format';

/**
 * The 2025 targets of policy section 三 that joint projects count towards (亿元): the target
 * and what the joint projects' split accounting attributes so far. Loaded lazily (ECharts is
 * only in this chunk and the research/docking ones).
 */
export default function TargetsChart({ rows }: { rows: TargetRow[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const english = language === 'en';
  const option = useMemo(() => {
    const counted = rows.filter((row) => row.joint_projects_contribution !== null);
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => formatAmountYi(typeof value === 'number' ? value : null, language, t) },
      legend: { top: 0 },
      grid: { left: 8, right: 24, bottom: 28, top: 36, containLabel: true },
      // The unit under the axis, centred: at the axis' end a longer English unit is cut off.
      xAxis: { type: 'value', name: t('home.targetUnit'), nameLocation: 'middle', nameGap: 28, axisLabel: { hideOverlap: true } },
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
  }, [rows, english, language, t]);

  return <EChart option={option} height={220} testId="home-targets-chart" label={t('home.targetsChartLabel')} />;
}
