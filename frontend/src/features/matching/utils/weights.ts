import type { FactorName } from '../types';

export type Weights = Record<FactorName, number>;

/** The seven factors, in the order the page lists them. */
export const FACTOR_NAMES: readonly FactorName[] = [
  'industry_fit',
  'chain_complementarity',
  'innovation_support',
  'capacity_fit',
  'positioning_fit',
  'network_proximity',
  'distance',
];

export function weightTotal(weights: Weights): number {
  return FACTOR_NAMES.reduce((sum, name) => sum + Math.max(0, weights[name] ?? 0), 0);
}

/**
 * Each factor's share of the total, 0–1. The score is a weighted mean normalised by the sum
 * of the weights, so a share is what a weight really counts for; all 0 when the sum is 0.
 */
export function weightShares(weights: Weights): Weights {
  const total = weightTotal(weights);
  const shares = {} as Weights;
  for (const name of FACTOR_NAMES) shares[name] = total > 0 ? Math.max(0, weights[name] ?? 0) / total : 0;
  return shares;
}

export function sameWeights(a: Weights, b: Weights): boolean {
  return FACTOR_NAMES.every((name) => Math.abs((a[name] ?? 0) - (b[name] ?? 0)) < 1e-9);
}

/** A slider or input value as a weight: never negative, two decimals (no 0.15000000000000002). */
export function cleanWeight(value: number | null | undefined): number {
  if (value === null || value === undefined || !Number.isFinite(value)) return 0;
  return Math.max(0, Math.round(value * 100) / 100);
}

export type RankedPark = { park: { id: number; name: string }; rank: number; score: string };

export type RankChange =
  | { kind: 'up'; by: number }
  | { kind: 'down'; by: number }
  | { kind: 'same' }
  | { kind: 'new' }
  | { kind: 'dropped' };

export type ComparedRow = {
  park: { id: number; name: string };
  /** Rank and score under the edited weights; null for a park that dropped out. */
  rank: number | null;
  score: string | null;
  /** Rank under the weights in force; null for a park that is new. */
  previousRank: number | null;
  change: RankChange;
};

/**
 * The edited ranking, each park with how its rank moved from the ranking in force (↑ moved
 * up, i.e. to a smaller rank number), then the parks that are no longer ranked at all.
 */
export function compareRankings(inForce: readonly RankedPark[], edited: readonly RankedPark[]): ComparedRow[] {
  const before = new Map(inForce.map((row) => [row.park.id, row]));
  const after = new Set(edited.map((row) => row.park.id));
  const rows: ComparedRow[] = [...edited]
    .sort((a, b) => a.rank - b.rank)
    .map((row) => {
      const previous = before.get(row.park.id);
      let change: RankChange;
      if (!previous) change = { kind: 'new' };
      else if (previous.rank > row.rank) change = { kind: 'up', by: previous.rank - row.rank };
      else if (previous.rank < row.rank) change = { kind: 'down', by: row.rank - previous.rank };
      else change = { kind: 'same' };
      return { park: row.park, rank: row.rank, score: row.score, previousRank: previous?.rank ?? null, change };
    });
  const dropped = [...inForce]
    .filter((row) => !after.has(row.park.id))
    .sort((a, b) => a.rank - b.rank)
    .map((row): ComparedRow => ({
      park: row.park,
      rank: null,
      score: null,
      previousRank: row.rank,
      change: { kind: 'dropped' },
    }));
  return [...rows, ...dropped];
}
