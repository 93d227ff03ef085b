import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useReducer, useRef, useState } from 'react';

import { neighboursQueryOptions, type NeighboursQuery } from '../api/get-neighbours';
import { pathQueryOptions } from '../api/get-path';
import type { PathResponse } from '../types';
import { EMPTY_GRAPH, graphReducer } from '../utils/graph-model';

type FetchOptions = Omit<NeighboursQuery, 'uid' | 'hops'>;

export type PathResult = { source: string; target: string; response: PathResponse };

/**
 * The graph on the canvas and the two ways it grows: `load` replaces it with an entity and
 * its neighbours, `expand` merges one node's direct neighbours into it. An answer that
 * arrives after a newer `load` is dropped.
 */
export function useExplorerGraph() {
  const queryClient = useQueryClient();
  const [graph, dispatch] = useReducer(graphReducer, EMPTY_GRAPH);
  const [loading, setLoading] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<Error | null>(null);
  const generation = useRef(0);

  const track = useCallback((uid: string, on: boolean) => {
    setLoading((current) => {
      const next = new Set(current);
      if (on) next.add(uid);
      else next.delete(uid);
      return next;
    });
  }, []);

  const fetchInto = useCallback(
    async (kind: 'load' | 'merge', uid: string, hops: number, options: FetchOptions) => {
      const mine = kind === 'load' ? ++generation.current : generation.current;
      if (kind === 'load') {
        dispatch({ type: 'clear' });
        setLoading(new Set());
      }
      setError(null);
      track(uid, true);
      try {
        const response = await queryClient.fetchQuery(neighboursQueryOptions({ uid, hops, ...options }));
        if (mine === generation.current) dispatch({ type: kind, uid, response });
      } catch (caught) {
        if (mine === generation.current) setError(caught instanceof Error ? caught : new Error(String(caught)));
      } finally {
        if (mine === generation.current) track(uid, false);
      }
    },
    [queryClient, track],
  );

  const load = useCallback(
    (uid: string, hops: number, options: FetchOptions) => fetchInto('load', uid, hops, options),
    [fetchInto],
  );
  const expand = useCallback((uid: string, options: FetchOptions) => fetchInto('merge', uid, 1, options), [fetchInto]);
  /** The shortest path from `source` to `target`, merged into the graph when there is one. */
  const findPath = useCallback(
    async (source: string, target: string, maxHops: number): Promise<PathResult> => {
      const mine = generation.current;
      track(source, true);
      try {
        const response = await queryClient.fetchQuery(pathQueryOptions(source, target, maxHops));
        if (mine === generation.current && response.found) dispatch({ type: 'path', uid: source, response });
        return { source, target, response };
      } finally {
        if (mine === generation.current) track(source, false);
      }
    },
    [queryClient, track],
  );
  const remove = useCallback((uid: string) => dispatch({ type: 'remove', uid }), []);
  const clear = useCallback(() => {
    generation.current += 1;
    dispatch({ type: 'clear' });
    setLoading(new Set());
    setError(null);
  }, []);

  return { graph, loading, error, load, expand, findPath, remove, clear };
}
