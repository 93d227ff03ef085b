import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useCityOptions, useIndustryOptions, useOrganisationOptions, useParkOptions } from '../api/reference';
import type { Ref } from '../types';

function useDebounced<T>(value: T, delayMs = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** Options from a server search, keeping the chosen ones (with their names) visible. */
function withKnown(found: Ref[], known: Ref[]) {
  const seen = new Set(found.map((r) => r.id));
  return [...found, ...known.filter((r) => !seen.has(r.id))].map((r) => ({ value: r.id, label: r.name }));
}

type SingleProps = {
  value?: number | null;
  onChange?: (value: number | null) => void;
  style?: React.CSSProperties;
  known?: Ref[];
  placeholder?: string;
  id?: string;
};

export function IndustryPicker({ value, onChange, style, known = [], placeholder, id }: SingleProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const industries = useIndustryOptions(q);
  const options = useMemo(() => withKnown(industries.data?.results ?? [], known), [industries.data, known]);
  return (
    <Select<number>
      id={id}
      allowClear
      showSearch
      filterOption={false}
      onSearch={setTyped}
      onOpenChange={(open) => !open && setTyped('')}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      loading={industries.isFetching}
      placeholder={placeholder ?? t('docking.filters.industry')}
      aria-label={placeholder ?? t('docking.filters.industry')}
      style={{ minWidth: 180, ...style }}
      popupMatchSelectWidth={280}
      notFoundContent={t('docking.common.nothingFound')}
    />
  );
}

type MultiProps = {
  value?: number[];
  onChange?: (value: number[]) => void;
  known?: Ref[];
  id?: string;
};

export function IndustriesPicker({ value, onChange, known = [], id }: MultiProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const industries = useIndustryOptions(q);
  const [seen, setSeen] = useState<Ref[]>(known);
  const options = useMemo(() => withKnown(industries.data?.results ?? [], seen), [industries.data, seen]);
  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      allowClear
      showSearch
      filterOption={false}
      onSearch={setTyped}
      onOpenChange={(open) => !open && setTyped('')}
      value={value ?? []}
      onChange={(next) => {
        // Remember the names of what was picked, so they stay labelled after the search changes.
        const picked = (industries.data?.results ?? []).filter((r) => next.includes(r.id));
        setSeen((current) => [...current.filter((r) => !picked.some((p) => p.id === r.id)), ...picked]);
        onChange?.(next);
      }}
      maxCount={10}
      options={options}
      loading={industries.isFetching}
      placeholder={t('docking.editor.industriesPlaceholder')}
      notFoundContent={t('docking.common.nothingFound')}
    />
  );
}

export function CityPicker({ value, onChange, style, placeholder, id }: SingleProps) {
  const { t } = useTranslation();
  const cities = useCityOptions();
  return (
    <Select<number>
      id={id}
      allowClear
      showSearch
      optionFilterProp="label"
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={(cities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
      loading={cities.isLoading}
      placeholder={placeholder ?? t('docking.filters.region')}
      aria-label={placeholder ?? t('docking.filters.region')}
      style={{ minWidth: 140, ...style }}
    />
  );
}

export function ParkPicker({ value, onChange, style, placeholder, id }: SingleProps) {
  const { t } = useTranslation();
  const parks = useParkOptions();
  return (
    <Select<number>
      id={id}
      allowClear
      showSearch
      optionFilterProp="label"
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={(parks.data?.results ?? []).map((p) => ({ value: p.id, label: p.name }))}
      loading={parks.isLoading}
      placeholder={placeholder ?? t('docking.filters.ownerPark')}
      aria-label={placeholder ?? t('docking.filters.ownerPark')}
      style={{ minWidth: 180, ...style }}
      popupMatchSelectWidth={260}
    />
  );
}

export function OrganisationPicker({ value, onChange, style, known = [], placeholder, id }: SingleProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed);
  const organisations = useOrganisationOptions(q);
  const options = useMemo(() => withKnown(organisations.data?.results ?? [], known), [organisations.data, known]);
  return (
    <Select<number>
      id={id}
      allowClear
      showSearch
      filterOption={false}
      onSearch={setTyped}
      onOpenChange={(open) => !open && setTyped('')}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      options={options}
      loading={organisations.isFetching}
      placeholder={placeholder ?? t('docking.filters.ownerOrganisation')}
      aria-label={placeholder ?? t('docking.filters.ownerOrganisation')}
      style={{ minWidth: 200, ...style }}
      popupMatchSelectWidth={300}
      notFoundContent={t('docking.common.nothingFound')}
    />
  );
}
