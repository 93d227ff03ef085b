import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useEntitySearch } from '../api/entities';

const UID = /^(park|org|industry|city|zone|project|posting):[\w-]{1,40}$/;

type Props = { value?: string[]; onChange?: (value: string[]) => void; id?: string };

/**
 * Linked graph entities of an agenda item. Search by name for parks, organisations and the
 * like; projects and postings are typed as `project:12` / `posting:5`. The server refuses
 * any that do not exist, naming them.
 */
export function LinkedEntitiesSelect({ value, onChange, id }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const hits = useEntitySearch(search);
  const [names, setNames] = useState<Record<string, string>>({});
  const options = (hits.data ?? []).map((hit) => ({ value: hit.uid, label: `${hit.name}${hit.subtitle ? ` · ${hit.subtitle}` : ''}` }));
  return (
    <Select<string[]>
      id={id}
      mode="tags"
      value={value ?? []}
      onChange={(next) => {
        const valid = next.map((v) => v.trim()).filter((v) => UID.test(v));
        const known = Object.fromEntries(options.map((o) => [o.value, o.label]));
        setNames((prev) => ({ ...prev, ...known }));
        onChange?.(Array.from(new Set(valid)));
      }}
      onSearch={setSearch}
      filterOption={false}
      options={options}
      labelRender={({ value: uid }) => names[String(uid)] ?? String(uid)}
      placeholder={t('alliance.linkedPlaceholder')}
      notFoundContent={null}
      tokenSeparators={[',', '，', ' ']}
      style={{ width: '100%' }}
      data-testid="linked-entities"
    />
  );
}
