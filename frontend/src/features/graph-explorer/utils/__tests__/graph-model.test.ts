import { describe, expect, it } from 'vitest';

import type { NeighboursResponse } from '../../types';
import { detailPathOf, EMPTY_GRAPH, filteredOut, graphReducer, neighboursOf } from '../graph-model';

const PARK = { uid: 'park:12', label: 'Park', name: '江宁高新园', props: { city_uid: 'city:1' } };
const NANJING = { uid: 'city:1', label: 'City', name: '南京', props: {} };
const ZHENJIANG = { uid: 'city:2', label: 'City', name: '镇江', props: {} };
const CHIPS = { uid: 'industry:7', label: 'Industry', name: '集成电路', props: {} };
const FIRM = { uid: 'org:5', label: 'Enterprise', name: '宁芯微电子', props: { park_uid: 'park:12' } };
const LAB = { uid: 'org:6', label: 'Lab', name: '镇江实验室', props: { city_uid: 'city:2' } };

const FIRST: NeighboursResponse = {
  nodes: [PARK, NANJING, CHIPS, FIRM],
  edges: [
    { id: 'r1', type: 'IN_CITY', source: 'park:12', target: 'city:1', props: {} },
    { id: 'r2', type: 'FOCUSES_ON', source: 'park:12', target: 'industry:7', props: { weight: 0.6 } },
    { id: 'r3', type: 'HOSTS', source: 'park:12', target: 'org:5', props: {} },
  ],
  capped: false,
  hops: 1,
};

const FROM_FIRM: NeighboursResponse = {
  nodes: [{ ...FIRM, props: { ...FIRM.props, employees: 320 } }, LAB, ZHENJIANG, CHIPS],
  edges: [
    { id: 'r4', type: 'COOPERATES_WITH', source: 'org:5', target: 'org:6', props: {} },
    { id: 'r5', type: 'ACTIVE_IN', source: 'org:5', target: 'industry:7', props: {} },
    { id: 'r6', type: 'IN_CITY', source: 'org:6', target: 'city:9', props: {} },
  ],
  capped: true,
  hops: 1,
};

describe('the explorer graph', () => {
  it('merges an expansion by uid, keeps props and drops edges to nodes it does not hold', () => {
    const loaded = graphReducer(EMPTY_GRAPH, { type: 'load', uid: 'park:12', response: FIRST });
    const grown = graphReducer(loaded, { type: 'merge', uid: 'org:5', response: FROM_FIRM });
    expect([...grown.nodes.keys()].sort()).toEqual(['city:1', 'city:2', 'industry:7', 'org:5', 'org:6', 'park:12']);
    expect(grown.nodes.get('org:5')?.props).toEqual({ park_uid: 'park:12', employees: 320 });
    expect([...grown.edges.keys()].sort()).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(grown.capped).toBe(true);
    expect([...grown.expanded]).toEqual(['park:12', 'org:5']);
    expect(grown.anchor).toBe('org:5');
    expect(neighboursOf(grown, 'org:5').map(({ node }) => node.uid).sort()).toEqual(['industry:7', 'org:6', 'park:12']);
  });

  it('starts afresh on load and forgets a removed node with its edges', () => {
    const grown = graphReducer(graphReducer(EMPTY_GRAPH, { type: 'load', uid: 'park:12', response: FIRST }), {
      type: 'merge',
      uid: 'org:5',
      response: FROM_FIRM,
    });
    const removed = graphReducer(grown, { type: 'remove', uid: 'org:5' });
    expect(removed.nodes.has('org:5')).toBe(false);
    expect([...removed.edges.keys()].sort()).toEqual(['r1', 'r2']);
    const again = graphReducer(grown, { type: 'load', uid: 'city:1', response: { ...FIRST, capped: false } });
    expect(again.capped).toBe(false);
    expect([...again.expanded]).toEqual(['city:1']);
  });

  it('filters by city through a node’s own city or its park’s', () => {
    let graph = graphReducer(EMPTY_GRAPH, { type: 'load', uid: 'park:12', response: FIRST });
    graph = graphReducer(graph, { type: 'merge', uid: 'org:5', response: FROM_FIRM });
    expect([...filteredOut(graph, { city: 1, industry: null }, 'park:12')].sort()).toEqual(['city:2', 'org:6']);
    // The focus stays even when it does not match.
    expect([...filteredOut(graph, { city: 2, industry: null }, 'park:12')].sort()).toEqual(['city:1', 'org:5']);
  });

  it('filters by industry through FOCUSES_ON and ACTIVE_IN links', () => {
    let graph = graphReducer(EMPTY_GRAPH, { type: 'load', uid: 'park:12', response: FIRST });
    graph = graphReducer(graph, { type: 'merge', uid: 'org:5', response: FROM_FIRM });
    expect([...filteredOut(graph, { city: null, industry: 7 }, null)]).toEqual(['org:6']);
    expect(filteredOut(graph, { city: null, industry: null }, null).size).toBe(0);
  });

  it('adds a found path without counting its start as expanded', () => {
    const loaded = graphReducer(EMPTY_GRAPH, { type: 'load', uid: 'park:12', response: FIRST });
    const withPath = graphReducer(loaded, {
      type: 'path',
      uid: 'industry:7',
      response: { found: true, length: 2, nodes: [CHIPS, FIRM, LAB], edges: FROM_FIRM.edges },
    });
    expect(withPath.nodes.has('org:6')).toBe(true);
    expect(withPath.edges.has('r4')).toBe(true);
    expect([...withPath.expanded]).toEqual(['park:12']);
    expect(withPath.capped).toBe(false);
  });

  it('links parks and organisations to their pages', () => {
    expect(detailPathOf('park:12')).toBe('/parks/12');
    expect(detailPathOf('org:5')).toBe('/organisations/5');
    expect(detailPathOf('industry:7')).toBeNull();
  });
});
