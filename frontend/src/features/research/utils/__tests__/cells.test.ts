import { describe, expect, it } from 'vitest';

import { formatCell, hasMask, parseParameters } from '../cells';

describe('formatCell', () => {
  it('names nodes by their most specific label and name', () => {
    expect(formatCell({ _kind: 'node', labels: ['Entity', 'Organisation', 'Lab'], props: { name: '紫金山实验室' } })).toBe(
      '(Lab 紫金山实验室)',
    );
  });

  it('shows relationships by type and paths by length', () => {
    expect(formatCell({ _kind: 'relationship', type: 'HOSTS' })).toBe('[:HOSTS]');
    expect(formatCell({ _kind: 'path', nodes: ['a', 'b', 'c'] })).toBe('path(3 nodes, 2 hops)');
  });

  it('writes scalars plainly and everything else as JSON', () => {
    expect(formatCell(null)).toBe('null');
    expect(formatCell(3)).toBe('3');
    expect(formatCell({ a: [1] })).toBe('{"a":[1]}');
  });
});

describe('hasMask', () => {
  it('finds a masked value however deep', () => {
    expect(hasMask({ props: { confidential_budget: '***' } })).toBe(true);
    expect(hasMask([1, 'x'])).toBe(false);
  });
});

describe('parseParameters', () => {
  it('accepts an object or nothing, and says what is wrong otherwise', () => {
    expect(parseParameters('')).toEqual({ value: {} });
    expect(parseParameters('{"uid": "park:1"}')).toEqual({ value: { uid: 'park:1' } });
    expect(parseParameters('[1]')).toEqual({ error: 'object' });
    expect(parseParameters('{uid:')).toEqual({ error: 'json' });
  });
});
