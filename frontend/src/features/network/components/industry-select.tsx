import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useDebouncedValue } from '@/lib/use-debounced-value';

import { useIndustries } from '../api/get-industries';

type Props = {
  value: number | null;
  onChange: (value: number | null) => void;
  style?: React.CSSProperties;
  'data-testid'?: string;
};

/** Industry picker searching the taxonomy on the server (Chinese, pinyin, initials). */
export function IndustrySelect({ value, onChange, style, ...rest }: Props) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDebouncedValue(typed);
  const all = useIndustries({ page_size: 100 });
  const found = useIndustries({ q, page_size: 50 });

  const options = useMemo(() => {
    const source = q ? (found.data?.results ?? []) : (all.data?.results ?? []);
    const list = source.map((industry) => ({
      value: industry.id,
      label: industry.parent ? `${industry.name}（${industry.parent.name}）` : industry.name,
    }));
    const known = new Set(list.map((option) => option.value));
    for (const industry of all.data?.results ?? []) {
      if (industry.id === value && !known.has(industry.id)) list.push({ value: industry.id, label: industry.name });
    }
    if (value != null && !list.some((option) => option.value === value)) {
      list.push({ value, label: t('network.filters.industryId', { id: value }) });
    }
    return list;
  }, [all.data, found.data, q, t, value]);

  return (
    <Select<number>
      allowClear
      showSearch
      filterOption={false}
      onSearch={setTyped}
      onOpenChange={(open) => !open && setTyped('')}
      placeholder={t('network.filters.industry')}
      aria-label={t('network.filters.industry')}
      loading={all.isPending || (q !== '' && found.isFetching)}
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
