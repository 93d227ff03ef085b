import { AimOutlined, ExpandOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Divider, Flex, Segmented, Select, Switch, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useCityOptions, useIndustryOptions } from '../api/get-filter-options';
import { MAX_HOPS, MAX_NODE_LIMIT } from '../api/get-neighbours';
import type { ExplorerParams } from '../types';
import type { LayoutName } from './graph-canvas';

const LIMITS = [50, 150, 300, MAX_NODE_LIMIT];

type Props = {
  params: ExplorerParams;
  onParams: (patch: Partial<ExplorerParams>) => void;
  filterMode: 'fade' | 'hide';
  onFilterMode: (mode: 'fade' | 'hide') => void;
  layout: LayoutName;
  onLayout: (layout: LayoutName) => void;
  showEdgeLabels: boolean;
  onShowEdgeLabels: (show: boolean) => void;
  onRelayout: () => void;
  onFit: () => void;
  onReset: () => void;
  hasGraph: boolean;
};

function IndustryFilter({ value, onChange }: { value: number | null; onChange: (value: number | null) => void }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const all = useIndustryOptions();
  const found = useIndustryOptions(typed);
  const source = typed.trim() ? found.data : all.data;
  const options = (source ?? []).map((industry) => ({
    value: industry.id,
    label: industry.parent ? `${industry.name}（${industry.parent.name}）` : industry.name,
  }));
  if (value != null && !options.some((option) => option.value === value)) {
    const known = all.data?.find((industry) => industry.id === value);
    options.push({ value, label: known?.name ?? t('explorer.filters.industryId', { id: value }) });
  }
  return (
    <Select<number>
      allowClear
      showSearch
      filterOption={false}
      onSearch={setTyped}
      onOpenChange={(open) => !open && setTyped('')}
      value={value ?? undefined}
      onChange={(next) => onChange(next ?? null)}
      options={options}
      loading={all.isPending}
      placeholder={t('explorer.filters.industry')}
      aria-label={t('explorer.filters.industry')}
      style={{ width: 170 }}
      popupMatchSelectWidth={260}
      data-testid="explorer-industry"
    />
  );
}

export function ExplorerToolbar(props: Props) {
  const { t } = useTranslation();
  const { params, onParams } = props;
  const cities = useCityOptions();

  return (
    <Flex wrap gap={8} align="center">
      <Tooltip title={t('explorer.toolbar.hopsHint')}>
        <Segmented<number>
          value={params.hops}
          onChange={(hops) => onParams({ hops })}
          options={Array.from({ length: MAX_HOPS }, (_, i) => ({ value: i + 1, label: t('explorer.toolbar.hops', { count: i + 1 }) }))}
          data-testid="explorer-hops"
        />
      </Tooltip>
      <Select<number>
        value={params.limit}
        onChange={(limit) => onParams({ limit })}
        options={LIMITS.map((limit) => ({ value: limit, label: t('explorer.toolbar.limit', { count: limit }) }))}
        aria-label={t('explorer.toolbar.limitLabel')}
        style={{ width: 130 }}
      />
      <Divider type="vertical" />
      <Select<number>
        allowClear
        value={params.city ?? undefined}
        onChange={(city) => onParams({ city: city ?? null })}
        options={(cities.data ?? []).map((city) => ({ value: city.id, label: city.name }))}
        loading={cities.isPending}
        placeholder={t('explorer.filters.city')}
        aria-label={t('explorer.filters.city')}
        style={{ width: 120 }}
        data-testid="explorer-city"
      />
      <IndustryFilter value={params.industry} onChange={(industry) => onParams({ industry })} />
      <Tooltip title={t('explorer.filters.modeHint')}>
        <Segmented<'fade' | 'hide'>
          size="small"
          value={props.filterMode}
          onChange={props.onFilterMode}
          options={[
            { value: 'fade', label: t('explorer.filters.fade') },
            { value: 'hide', label: t('explorer.filters.hide') },
          ]}
        />
      </Tooltip>
      <Divider type="vertical" />
      <Segmented<LayoutName>
        size="small"
        value={props.layout}
        onChange={props.onLayout}
        options={[
          { value: 'concentric', label: t('explorer.toolbar.concentric') },
          { value: 'cose', label: t('explorer.toolbar.cose') },
        ]}
      />
      <Flex align="center" gap={4}>
        <Switch size="small" checked={props.showEdgeLabels} onChange={props.onShowEdgeLabels} aria-label={t('explorer.toolbar.edgeLabels')} />
        <Typography.Text style={{ fontSize: 12 }}>{t('explorer.toolbar.edgeLabels')}</Typography.Text>
      </Flex>
      <Flex gap={4}>
        <Tooltip title={t('explorer.toolbar.relayout')}>
          <Button size="small" icon={<ReloadOutlined />} onClick={props.onRelayout} disabled={!props.hasGraph} aria-label={t('explorer.toolbar.relayout')} />
        </Tooltip>
        <Button size="small" icon={<ExpandOutlined />} onClick={props.onFit} disabled={!props.hasGraph} data-testid="explorer-fit">
          {t('explorer.toolbar.fit')}
        </Button>
        <Tooltip title={t('explorer.toolbar.resetHint')}>
          <Button size="small" icon={<AimOutlined />} onClick={props.onReset} disabled={!params.focus} data-testid="explorer-reset">
            {t('explorer.toolbar.reset')}
          </Button>
        </Tooltip>
      </Flex>
    </Flex>
  );
}
