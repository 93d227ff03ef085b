export const researchKeys = {
  all: ['research'] as const,
  schema: () => [...researchKeys.all, 'schema'] as const,
  savedQueries: (search = '') => [...researchKeys.all, 'saved-queries', search] as const,
  versions: (id: number) => [...researchKeys.all, 'saved-queries', id, 'versions'] as const,
  runs: (scope: string, page: number) => [...researchKeys.all, 'runs', scope, page] as const,
  exports: () => [...researchKeys.all, 'exports'] as const,
  analytics: (kind: string, params: Record<string, unknown>) => [...researchKeys.all, 'analytics', kind, params] as const,
};
