import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

import { DEFAULT_NODE_LIMIT, MAX_HOPS, MAX_NODE_LIMIT } from '../api/get-neighbours';
import type { ExplorerParams } from '../types';
import { isUid } from '../utils/graph-model';

function intIn(value: string | null, min: number, max: number): number | null {
  if (value == null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

export function parseExplorerParams(search: URLSearchParams): ExplorerParams {
  const focus = search.get('focus');
  return {
    focus: isUid(focus) ? focus : null,
    hops: intIn(search.get('hops'), 1, MAX_HOPS) ?? 1,
    limit: intIn(search.get('limit'), 1, MAX_NODE_LIMIT) ?? DEFAULT_NODE_LIMIT,
    city: intIn(search.get('city'), 1, Number.MAX_SAFE_INTEGER),
    industry: intIn(search.get('industry'), 1, Number.MAX_SAFE_INTEGER),
  };
}

export function explorerParamsToSearch(params: ExplorerParams): URLSearchParams {
  const search = new URLSearchParams();
  if (params.focus) search.set('focus', params.focus);
  if (params.hops !== 1) search.set('hops', String(params.hops));
  if (params.limit !== DEFAULT_NODE_LIMIT) search.set('limit', String(params.limit));
  if (params.city != null) search.set('city', String(params.city));
  if (params.industry != null) search.set('industry', String(params.industry));
  return search;
}

/** The explorer's state that belongs in a shareable link: `?focus=park:12&hops=2&city=1`. */
export function useExplorerParams() {
  const [searchParams, setSearchParams] = useSearchParams();
  const params = useMemo(() => parseExplorerParams(searchParams), [searchParams]);
  const update = useCallback(
    (patch: Partial<ExplorerParams>) => setSearchParams(explorerParamsToSearch({ ...params, ...patch })),
    [params, setSearchParams],
  );
  return { params, update };
}
