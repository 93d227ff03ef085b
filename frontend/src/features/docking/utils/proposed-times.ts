export const MAX_PROPOSED_TIMES = 5;

export type TimesProblem = 'tooMany' | 'past' | null;

/**
 * What the server will say about these proposed meeting times, said before sending: at most
 * five, all in the future. Returns ISO strings, sorted and without duplicates.
 */
export function checkProposedTimes(times: readonly Date[], now: Date = new Date()): { problem: TimesProblem; iso: string[] } {
  const unique = [...new Set(times.map((time) => time.getTime()))].sort((a, b) => a - b);
  if (unique.length > MAX_PROPOSED_TIMES) {
    return { problem: 'tooMany', iso: [] };
  }
  if (unique.some((time) => time <= now.getTime())) {
    return { problem: 'past', iso: [] };
  }
  return { problem: null, iso: unique.map((time) => new Date(time).toISOString()) };
}
