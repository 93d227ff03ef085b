import { describe, expect, it } from 'vitest';

import { expiryState } from '../format';
import { checkProposedTimes } from '../proposed-times';

const NOW = new Date('2027-03-01T00:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

describe('proposed meeting times', () => {
  it('sorts future times, drops duplicates and sends ISO strings', () => {
    expect(checkProposedTimes([day(3), day(1), day(3)], NOW)).toEqual({
      problem: null,
      iso: [day(1).toISOString(), day(3).toISOString()],
    });
  });

  it('refuses a time in the past and more than five times', () => {
    expect(checkProposedTimes([day(1), day(-1)], NOW).problem).toBe('past');
    expect(checkProposedTimes([1, 2, 3, 4, 5, 6].map(day), NOW).problem).toBe('tooMany');
    expect(checkProposedTimes([], NOW)).toEqual({ problem: null, iso: [] });
  });
});

describe('expiry', () => {
  it('is expired, soon (within a week) or fine', () => {
    const now = NOW.getTime();
    expect(expiryState(day(-1).toISOString(), false, now)).toBe('expired');
    expect(expiryState(day(30).toISOString(), true, now)).toBe('expired');
    expect(expiryState(day(3).toISOString(), false, now)).toBe('soon');
    expect(expiryState(day(30).toISOString(), false, now)).toBe('ok');
  });
});
