import { describe, expect, it } from 'vitest';

import { cleanWeight, compareRankings, weightShares, type RankedPark, type Weights } from '../weights';

const park = (id: number, rank: number, score = '50.00'): RankedPark => ({ park: { id, name: `园区${id}` }, rank, score });

describe('compareRankings', () => {
  it('says how far each park moved, which are new and which dropped out', () => {
    const inForce = [park(1, 1), park(2, 2), park(3, 3), park(4, 4)];
    const edited = [park(3, 1), park(1, 2), park(2, 3), park(5, 4)];
    const rows = compareRankings(inForce, edited);
    expect(rows.map((r) => [r.park.id, r.rank, r.previousRank, r.change])).toEqual([
      [3, 1, 3, { kind: 'up', by: 2 }],
      [1, 2, 1, { kind: 'down', by: 1 }],
      [2, 3, 2, { kind: 'down', by: 1 }],
      [5, 4, null, { kind: 'new' }],
      [4, null, 4, { kind: 'dropped' }],
    ]);
  });

  it('marks a park that keeps its rank as unchanged', () => {
    expect(compareRankings([park(1, 1)], [park(1, 1, '60.00')])[0]).toMatchObject({ change: { kind: 'same' }, score: '60.00' });
  });
});

describe('weightShares', () => {
  it('divides by the sum, since the score is normalised by it', () => {
    const weights = { industry_fit: 0.5, chain_complementarity: 0.5, innovation_support: 0, capacity_fit: 0, positioning_fit: 0, network_proximity: 0, distance: 1 } as Weights;
    expect(weightShares(weights)).toMatchObject({ industry_fit: 0.25, distance: 0.5, capacity_fit: 0 });
  });

  it('gives every factor 0 when all weights are 0', () => {
    const zero = { industry_fit: 0, chain_complementarity: 0, innovation_support: 0, capacity_fit: 0, positioning_fit: 0, network_proximity: 0, distance: 0 };
    expect(Object.values(weightShares(zero))).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('cleanWeight', () => {
  it('keeps two decimals and never goes below 0', () => {
    expect(cleanWeight(0.1 + 0.05)).toBe(0.15);
    expect(cleanWeight(-0.2)).toBe(0);
    expect(cleanWeight(null)).toBe(0);
  });
});
