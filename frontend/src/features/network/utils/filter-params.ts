import {
  ORGANISATION_FLAGS,
  ORGANISATION_KINDS,
  PARK_KINDS,
  PARK_LEVELS,
  type OrganisationFilters,
  type ParkFilters,
} from '../types';

/**
 * List filters live in the page URL (shareable, back-button friendly) under the same names
 * the API takes, so one pair of functions serves both: parse from a URLSearchParams, write
 * to one. Defaults stay out of the URL.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZES = [10, 20, 50, 100] as const;

function positiveInt(value: string | null): number | null {
  if (value == null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | null {
  return value != null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

function bool(value: string | null): boolean | null {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}

function pageSize(value: string | null): number {
  const n = positiveInt(value);
  return n != null && (PAGE_SIZES as readonly number[]).includes(n) ? n : DEFAULT_PAGE_SIZE;
}

type ParamValue = string | number | boolean | null | undefined;

function put(params: URLSearchParams, key: string, value: ParamValue) {
  if (value === null || value === undefined || value === '') return;
  params.set(key, String(value));
}

export const EMPTY_PARK_FILTERS: ParkFilters = {
  q: '',
  city: null,
  level: null,
  kind: null,
  industry: null,
  alliance_member: null,
  page: 1,
  page_size: DEFAULT_PAGE_SIZE,
};

export function parseParkFilters(search: URLSearchParams): ParkFilters {
  return {
    q: search.get('q')?.trim() ?? '',
    city: positiveInt(search.get('city')),
    level: oneOf(PARK_LEVELS, search.get('level')),
    kind: oneOf(PARK_KINDS, search.get('kind')),
    industry: positiveInt(search.get('industry')),
    alliance_member: bool(search.get('alliance_member')),
    page: positiveInt(search.get('page')) ?? 1,
    page_size: pageSize(search.get('page_size')),
  };
}

/** `forApi`: always send page and page_size; the URL leaves the defaults out. */
export function parkFiltersToParams(filters: ParkFilters, { forApi = false } = {}): URLSearchParams {
  const params = new URLSearchParams();
  put(params, 'q', filters.q.trim());
  put(params, 'city', filters.city);
  put(params, 'level', filters.level);
  put(params, 'kind', filters.kind);
  put(params, 'industry', filters.industry);
  put(params, 'alliance_member', filters.alliance_member);
  putPage(params, filters, forApi);
  return params;
}

export const EMPTY_ORGANISATION_FILTERS: OrganisationFilters = {
  q: '',
  kind: null,
  city: null,
  park: null,
  industry: null,
  flags: [],
  synthetic: null,
  page: 1,
  page_size: DEFAULT_PAGE_SIZE,
};

export function parseOrganisationFilters(search: URLSearchParams): OrganisationFilters {
  return {
    q: search.get('q')?.trim() ?? '',
    kind: oneOf(ORGANISATION_KINDS, search.get('kind')),
    city: positiveInt(search.get('city')),
    park: positiveInt(search.get('park')),
    industry: positiveInt(search.get('industry')),
    flags: ORGANISATION_FLAGS.filter((flag) => search.get(flag) === 'true'),
    synthetic: bool(search.get('synthetic')),
    page: positiveInt(search.get('page')) ?? 1,
    page_size: pageSize(search.get('page_size')),
  };
}

export function organisationFiltersToParams(
  filters: OrganisationFilters,
  { forApi = false } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  put(params, 'q', filters.q.trim());
  put(params, 'kind', filters.kind);
  put(params, 'city', filters.city);
  put(params, 'park', filters.park);
  put(params, 'industry', filters.industry);
  // Only `<flag>=true` exists on the API: an unset flag means "either".
  for (const flag of ORGANISATION_FLAGS) {
    if (filters.flags.includes(flag)) params.set(flag, 'true');
  }
  put(params, 'synthetic', filters.synthetic);
  putPage(params, filters, forApi);
  return params;
}

function putPage(params: URLSearchParams, filters: { page: number; page_size: number }, forApi: boolean) {
  if (forApi || filters.page !== 1) params.set('page', String(filters.page));
  if (forApi || filters.page_size !== DEFAULT_PAGE_SIZE) params.set('page_size', String(filters.page_size));
}

/** `?a=1&b=2`, or '' when there is nothing to send. */
export function queryString(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `?${text}` : '';
}
