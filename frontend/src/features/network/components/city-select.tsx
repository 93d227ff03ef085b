import { Select } from 'antd';
import { useTranslation } from 'react-i18next';

import { useCities } from '../api/get-cities';
import { localName } from '../utils/format';

type Props = {
  value: number | null;
  onChange: (value: number | null) => void;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

export function CitySelect({ value, onChange, style, ...rest }: Props) {
  const { t, i18n } = useTranslation();
  const cities = useCities();
  return (
    <Select<number>
      allowClear
      showSearch
      optionFilterProp="search"
      placeholder={t('network.filters.city')}
      aria-label={t('network.filters.city')}
      loading={cities.isPending}
      value={value ?? undefined}
      onChange={(next) => onChange(next ?? null)}
      options={(cities.data ?? []).map((city) => ({
        value: city.id,
        label: localName(city, i18n.language),
        search: `${city.name} ${city.name_en} ${city.province}`,
      }))}
      style={{ width: 140, ...style }}
      data-testid={rest['data-testid']}
    />
  );
}
