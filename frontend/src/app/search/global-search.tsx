import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Input, Typography, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

import { useDebouncedValue } from '@/lib/use-debounced-value';

import { SEARCH_KINDS, useGlobalSearch, type SearchHit } from './search-api';

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

/**
 * The header's one search box: parks, organisations, projects, postings, meetings and agenda
 * items, in Chinese, pinyin or initials. ↑/↓ move through the hits, Enter opens one, Esc
 * closes the list; "/" anywhere on the page puts the cursor here.
 */
export function GlobalSearch({ width }: { width: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text, 250);
  const search = useGlobalSearch(query);
  const input = useRef<InputRef>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target)) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const hits = useMemo(() => (query.trim() ? (search.data?.results ?? []) : []), [query, search.data]);
  const byValue = useMemo(() => new Map(hits.map((hit) => [`${hit.kind}:${hit.id}`, hit])), [hits]);
  const options = useMemo(
    () =>
      SEARCH_KINDS.map((kind) => ({
        kind,
        hits: hits.filter((hit) => hit.kind === kind),
      }))
        .filter((group) => group.hits.length > 0)
        .map((group) => ({
          label: <span data-testid={`search-group-${group.kind}`}>{t(`search.kinds.${group.kind}`)}</span>,
          options: group.hits.map((hit: SearchHit) => ({
            value: `${hit.kind}:${hit.id}`,
            label: (
              <div data-testid="search-hit" data-kind={hit.kind}>
                <div style={{ whiteSpace: 'normal' }}>{hit.title}</div>
                {hit.subtitle ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {hit.subtitle}
                  </Typography.Text>
                ) : null}
              </div>
            ),
          })),
        })),
    [hits, t],
  );

  const empty = query.trim() && search.isSuccess && hits.length === 0 ? t('search.none') : null;

  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={(value: string) => setText(value)}
      onSelect={(value: string) => {
        const hit = byValue.get(value);
        setText('');
        input.current?.blur();
        if (hit) {
          navigate(hit.link);
        }
      }}
      notFoundContent={empty}
      popupMatchSelectWidth={Math.max(width, 360)}
      style={{ width }}
      data-testid="global-search"
    >
      <Input
        ref={input}
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        // The "/" shortcut as a key cap while the box is empty (the clear button takes its place).
        suffix={
          text ? null : (
            <kbd className="ningju-kbd" title={t('search.shortcut')} aria-hidden>
              /
            </kbd>
          )
        }
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        aria-keyshortcuts="/"
        data-testid="global-search-input"
      />
    </AutoComplete>
  );
}
