import type { ParkMatch } from '@/features/matching/api/park-matches';

/** How far back a match run counts as new on the home page. */
export const NEW_MATCH_DAYS = 14;
/** How many of the newest rows the home page reads (the endpoint's newest first). */
export const NEW_MATCH_WINDOW = 50;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The park's matches that want its attention: ranked in the last `days` days, for a project
 * still looking for a partner (open), and not yet answered by the park. Newest first, as given.
 */
export function newMatches(rows: ParkMatch[], now: number = Date.now(), days: number = NEW_MATCH_DAYS): ParkMatch[] {
  const since = now - days * DAY_MS;
  return rows.filter(
    (row) => row.feedback === null && row.project.status === 'open' && Date.parse(row.run_created_at) >= since,
  );
}
