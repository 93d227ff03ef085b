import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';

type Paged = { page: number; page_size: number };

/**
 * Filters kept in the page URL. `update` merges a patch and goes back to page 1 unless the
 * patch itself moves the page (a new filter on page 7 would show an empty page).
 */
export function useUrlFilters<F extends Paged>(
  parse: (search: URLSearchParams) => F,
  serialise: (filters: F) => URLSearchParams,
  empty: F,
) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parse(searchParams), [parse, searchParams]);

  const update = useCallback(
    (patch: Partial<F>) => {
      const movesPage = 'page' in patch;
      const next: F = { ...filters, ...patch, ...(movesPage ? {} : { page: 1 }) };
      if ('page_size' in patch && patch.page_size !== filters.page_size) next.page = 1;
      setSearchParams(serialise(next));
    },
    [filters, serialise, setSearchParams],
  );

  const reset = useCallback(() => {
    setSearchParams(serialise({ ...empty, page_size: filters.page_size }));
  }, [empty, filters.page_size, serialise, setSearchParams]);

  return { filters, update, reset };
}
