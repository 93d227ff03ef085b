import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useDebouncedValue } from '@/lib/use-debounced-value';

import { usePark } from '../api/get-park';
import { useParks } from '../api/get-parks';
import { EMPTY_PARK_FILTERS } from '../utils/filter-params';

type Props = {
  value: number | null;
  onChange: (value: number | null) => void;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

/** Park picker searching parks on the server; a preselected park (from the URL) is named. */
export function ParkSelect({ value, onChange, style, ...rest }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDebouncedValue(typed);
  const parks = useParks({ ...EMPTY_PARK_FILTERS, q, page_size: 50 });
  const listed = parks.data?.results.some((park) => park.id === value) ?? false;
  const selected = useParkName(value, listed);

  const options = useMemo(() => {
    const list = (parks.data?.results ?? []).map((park) => ({ value: park.id, label: park.name }));
    if (value != null && !list.some((option) => option.value === value)) {
      list.push({ value, label: selected ?? t('network.filters.parkId', { id: value }) });
    }
    return list;
  }, [parks.data, selected, t, value]);

  return (
    <Select<number>
      allowClear
      showSearch
      filterOption={false}
      onSearch={setTyped}
      onOpenChange={(open) => !open && setTyped('')}
      placeholder={t('network.filters.park')}
      aria-label={t('network.filters.park')}
      loading={parks.isFetching}
      value={value ?? undefined}
      onChange={(next) => onChange(next ?? null)}
      options={options}
      notFoundContent={t('network.filters.nothingFound')}
      style={{ width: 200, ...style }}
      popupMatchSelectWidth={280}
      data-testid={rest['data-testid']}
    />
  );
}

function useParkName(id: number | null, listed: boolean): string | undefined {
  // Only asked when the chosen park is not on the first page of the picker.
  const park = usePark(id ?? 0, { enabled: id != null && !listed });
  return park.data?.name;
}
