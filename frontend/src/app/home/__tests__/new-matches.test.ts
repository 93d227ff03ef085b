import { describe, expect, it } from 'vitest';

import type { ParkMatch } from '@/features/matching/api/park-matches';

import { NEW_MATCH_DAYS, newMatches } from '../new-matches';

const NOW = Date.parse('2026-11-27T09:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

function ranAgo(ms: number, extra: Partial<ParkMatch> = {}): ParkMatch {
  return {
    project: { id: 1, title: '项目', status: 'open', park: { id: 1, name: '江宁园' } },
    park: { id: 2, name: '江北新区' },
    rank: 1,
    score: '80.00',
    run_created_at: new Date(NOW - ms).toISOString(),
    feedback: null,
    ...extra,
  };
}

describe('new matches on the home page', () => {
  it('counts a run exactly at the window’s start, not a millisecond before', () => {
    const edge = ranAgo(NEW_MATCH_DAYS * DAY);
    const before = ranAgo(NEW_MATCH_DAYS * DAY + 1);
    expect(newMatches([edge, before], NOW)).toEqual([edge]);
  });

  it('leaves out what the park answered and projects no longer open', () => {
    const answered = ranAgo(DAY, { feedback: { response: 'decline', reason: '用地不足' } });
    const negotiating = ranAgo(DAY, {
      project: { id: 2, title: '洽谈中', status: 'negotiating', park: { id: 1, name: '江宁园' } },
    });
    const fresh = ranAgo(DAY);
    expect(newMatches([answered, negotiating, fresh], NOW)).toEqual([fresh]);
  });
});
