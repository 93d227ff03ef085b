import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api-client';

import type { Organisation, OrganisationFilters, Paginated } from '../types';
import { organisationFiltersToParams, queryString } from '../utils/filter-params';

export function getOrganisations(
  filters: OrganisationFilters,
  signal?: AbortSignal,
): Promise<Paginated<Organisation>> {
  const params = organisationFiltersToParams(filters, { forApi: true });
  return api.get<Paginated<Organisation>>(`/api/network/organisations${queryString(params)}`, { signal });
}

export function organisationsQueryOptions(filters: OrganisationFilters) {
  return queryOptions({
    queryKey: ['network', 'organisations', 'list', filters],
    queryFn: ({ signal }) => getOrganisations(filters, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOrganisations(filters: OrganisationFilters) {
  return useQuery(organisationsQueryOptions(filters));
}
