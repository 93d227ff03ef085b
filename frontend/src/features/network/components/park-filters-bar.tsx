import { ClearOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { PARK_KINDS, PARK_LEVELS, type ParkFilters } from '../types';
import { CitySelect } from './city-select';
import { IndustrySelect } from './industry-select';

type Props = {
  filters: ParkFilters;
  onChange: (patch: Partial<ParkFilters>) => void;
  onReset: () => void;
};

export function ParkFiltersBar({ filters, onChange, onReset }: Props) {
  const { t } = useTranslation();

  return (
    <Flex wrap gap={8} align="center" data-testid="park-filters">
      <Input.Search
        // Remounted when the URL's search changes (back button, reset) to show it.
        key={filters.q}
        allowClear
        defaultValue={filters.q}
        onSearch={(value) => onChange({ q: value.trim() })}
        placeholder={t('network.filters.searchParks')}
        aria-label={t('network.filters.search')}
        style={{ width: 260 }}
        data-testid="park-search"
      />
      <CitySelect value={filters.city} onChange={(city) => onChange({ city })} data-testid="filter-city" />
      <Select
        allowClear
        placeholder={t('network.filters.level')}
        aria-label={t('network.filters.level')}
        value={filters.level ?? undefined}
        onChange={(level) => onChange({ level: level ?? null })}
        options={PARK_LEVELS.map((level) => ({ value: level, label: t(`network.levels.${level}`) }))}
        style={{ width: 120 }}
        data-testid="filter-level"
      />
      <Select
        allowClear
        placeholder={t('network.filters.parkKind')}
        aria-label={t('network.filters.parkKind')}
        value={filters.kind ?? undefined}
        onChange={(kind) => onChange({ kind: kind ?? null })}
        options={PARK_KINDS.map((kind) => ({ value: kind, label: t(`network.parkKinds.${kind}`) }))}
        style={{ width: 150 }}
        popupMatchSelectWidth={false}
        data-testid="filter-kind"
      />
      <IndustrySelect value={filters.industry} onChange={(industry) => onChange({ industry })} data-testid="filter-industry" />
      <Select
        allowClear
        placeholder={t('network.filters.allianceMember')}
        aria-label={t('network.filters.allianceMember')}
        value={filters.alliance_member == null ? undefined : String(filters.alliance_member)}
        onChange={(value?: string) => onChange({ alliance_member: value == null ? null : value === 'true' })}
        options={[
          { value: 'true', label: t('network.filters.memberYes') },
          { value: 'false', label: t('network.filters.memberNo') },
        ]}
        style={{ width: 140 }}
        data-testid="filter-alliance"
      />
      <Button icon={<ClearOutlined />} onClick={onReset}>
        {t('network.filters.reset')}
      </Button>
    </Flex>
  );
}
