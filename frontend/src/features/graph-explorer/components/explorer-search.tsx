import { AutoComplete, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { useDebouncedValue } from '@/lib/use-debounced-value';

import { useEntitySearch } from '../api/search-entities';
import type { SearchHit } from '../types';
import { translateOr } from '../utils/translate';
import { NodeSwatch } from './node-swatch';

type Props = {
  onPick: (hit: SearchHit) => void;
  style?: React.CSSProperties;
  placeholder?: string;
  size?: 'small' | 'middle';
  /** Keep the picked name in the box (the focus search) or empty it (one-off picks). */
  keepPicked?: boolean;
  'data-testid'?: string;
};

/** Find any entity by name, pinyin or initials (`江宁`, `jiangning`, `jn`) and put it in focus. */
export function ExplorerSearch({ onPick, style, placeholder, size = 'middle', keepPicked = true, ...rest }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 250);
  const search = useEntitySearch(q);
  const hits = q.trim() ? (search.data ?? []) : [];

  const options = hits.map((hit) => ({
    value: hit.uid,
    hit,
    label: (
      <Flex align="center" gap={8} data-testid="search-option" data-uid={hit.uid}>
        <NodeSwatch label={hit.label} size={12} />
        <Flex vertical style={{ minWidth: 0 }}>
          <Typography.Text ellipsis>{hit.name}</Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
            {translateOr(t, `explorer.labels.${hit.label}`, hit.label)}
            {hit.subtitle ? ` · ${hit.subtitle}` : ''}
          </Typography.Text>
        </Flex>
      </Flex>
    ),
  }));

  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={(value: string) => {
        // Picking an option "types" its uid into the box: keep the name shown instead.
        if (!hits.some((hit) => hit.uid === value)) setText(value);
      }}
      onSelect={(_value: string, option: { hit: SearchHit }) => {
        setText(keepPicked ? option.hit.name : '');
        onPick(option.hit);
      }}
      popupMatchSelectWidth={420}
      notFoundContent={
        q.trim() && !search.isFetching ? t('explorer.search.nothing') : null
      }
      style={{ width: 340, ...style }}
    >
      <Input.Search
        allowClear
        size={size}
        loading={search.isFetching}
        placeholder={placeholder ?? t('explorer.search.placeholder')}
        aria-label={placeholder ?? t('explorer.search.label')}
        data-testid={rest['data-testid'] ?? 'explorer-search'}
      />
    </AutoComplete>
  );
}
