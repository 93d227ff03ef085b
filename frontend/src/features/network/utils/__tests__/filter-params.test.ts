import { describe, expect, it } from 'vitest';

import {
  EMPTY_ORGANISATION_FILTERS,
  EMPTY_PARK_FILTERS,
  organisationFiltersToParams,
  parkFiltersToParams,
  parseOrganisationFilters,
  parseParkFilters,
} from '../filter-params';

describe('park filters', () => {
  it('read what the URL says and ignore what the API would refuse', () => {
    const filters = parseParkFilters(
      new URLSearchParams('q=江宁&city=3&level=national&kind=bogus&industry=-1&alliance_member=true&page=2&page_size=7'),
    );
    expect(filters).toEqual({
      ...EMPTY_PARK_FILTERS,
      q: '江宁',
      city: 3,
      level: 'national',
      alliance_member: true,
      page: 2,
    });
  });

  it('leave defaults out of the URL but always send the page to the API', () => {
    const filters = { ...EMPTY_PARK_FILTERS, city: 1, alliance_member: false };
    expect(parkFiltersToParams(filters).toString()).toBe('city=1&alliance_member=false');
    expect(parkFiltersToParams(filters, { forApi: true }).toString()).toBe(
      'city=1&alliance_member=false&page=1&page_size=20',
    );
  });
});

describe('organisation filters', () => {
  it('send each chosen qualification as <flag>=true and nothing for the others', () => {
    const filters = { ...EMPTY_ORGANISATION_FILTERS, kind: 'enterprise' as const, flags: ['unicorn' as const, 'high_tech' as const] };
    expect(organisationFiltersToParams(filters).toString()).toBe('kind=enterprise&high_tech=true&unicorn=true');
  });

  it('round-trip through the URL', () => {
    const filters = {
      ...EMPTY_ORGANISATION_FILTERS,
      q: 'nj',
      park: 12,
      industry: 4,
      flags: ['specialised' as const],
      synthetic: false,
      page: 3,
      page_size: 50,
    };
    expect(parseOrganisationFilters(organisationFiltersToParams(filters))).toEqual(filters);
  });
});
