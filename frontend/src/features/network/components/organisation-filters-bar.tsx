import { ClearOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

import { ORGANISATION_FLAGS, ORGANISATION_KINDS, type OrganisationFilters } from '../types';
import { CitySelect } from './city-select';
import { IndustrySelect } from './industry-select';
import { ParkSelect } from './park-select';

type Props = {
  filters: OrganisationFilters;
  onChange: (patch: Partial<OrganisationFilters>) => void;
  onReset: () => void;
};

export function OrganisationFiltersBar({ filters, onChange, onReset }: Props) {
  const { t } = useTranslation();

  return (
    <Flex vertical gap={8} data-testid="organisation-filters">
      <Flex wrap gap={8} align="center">
        <Input.Search
          // Remounted when the URL's search changes (back button, reset) to show it.
          key={filters.q}
          allowClear
          defaultValue={filters.q}
          onSearch={(value) => onChange({ q: value.trim() })}
          placeholder={t('network.filters.searchOrganisations')}
          aria-label={t('network.filters.search')}
          style={{ width: 260 }}
          data-testid="organisation-search"
        />
        <Select
          allowClear
          placeholder={t('network.filters.organisationKind')}
          aria-label={t('network.filters.organisationKind')}
          value={filters.kind ?? undefined}
          onChange={(kind) => onChange({ kind: kind ?? null })}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`network.organisationKinds.${kind}`) }))}
          style={{ width: 150 }}
          popupMatchSelectWidth={false}
          data-testid="filter-kind"
        />
        <CitySelect value={filters.city} onChange={(city) => onChange({ city })} data-testid="filter-city" />
        <ParkSelect value={filters.park} onChange={(park) => onChange({ park })} data-testid="filter-park" />
        <IndustrySelect value={filters.industry} onChange={(industry) => onChange({ industry })} data-testid="filter-industry" />
        <Select
          allowClear
          placeholder={t('network.filters.dataSource')}
          aria-label={t('network.filters.dataSource')}
          value={filters.synthetic == null ? undefined : String(filters.synthetic)}
          onChange={(value?: string) => onChange({ synthetic: value == null ? null : value === 'true' })}
          options={[
            { value: 'false', label: t('network.filters.realOnly') },
            { value: 'true', label: t('network.filters.syntheticOnly') },
          ]}
          style={{ width: 140 }}
          data-testid="filter-synthetic"
        />
        <Button icon={<ClearOutlined />} onClick={onReset}>
          {t('network.filters.reset')}
        </Button>
      </Flex>
      <Space size={[4, 4]} wrap data-testid="filter-flags">
        <Typography.Text type="secondary">{t('network.filters.flags')}</Typography.Text>
        {ORGANISATION_FLAGS.map((flag) => {
          const checked = filters.flags.includes(flag);
          return (
            <Tag.CheckableTag
              key={flag}
              checked={checked}
              data-flag={flag}
              onChange={(on) =>
                onChange({ flags: on ? [...filters.flags, flag] : filters.flags.filter((other) => other !== flag) })
              }
            >
              {t(`network.flags.${flag}`)}
            </Tag.CheckableTag>
          );
        })}
      </Space>
    </Flex>
  );
}
