import { describe, expect, it } from 'vitest';

import type { OrderEntry } from '../../types';
import { moveItem, toggleNesting } from '../reorder';

const flat = (...ids: number[]): OrderEntry[] => ids.map((id) => ({ id, parent_id: null }));

describe('moveItem', () => {
  it('moves an item before another', () => {
    expect(moveItem(flat(1, 2, 3), 3, 1).map((e) => e.id)).toEqual([3, 1, 2]);
  });

  it('moves an item to the end', () => {
    expect(moveItem(flat(1, 2, 3), 1, null).map((e) => e.id)).toEqual([2, 3, 1]);
  });

  it('moves a parent together with its sub-items', () => {
    const order: OrderEntry[] = [{ id: 1, parent_id: null }, { id: 2, parent_id: 1 }, { id: 3, parent_id: null }];
    expect(moveItem(order, 1, null)).toEqual([{ id: 3, parent_id: null }, { id: 1, parent_id: null }, { id: 2, parent_id: 1 }]);
  });

  it('keeps every item exactly once', () => {
    const order = flat(1, 2, 3, 4, 5);
    for (const id of [1, 2, 3, 4, 5]) {
      for (const before of [null, 1, 2, 3, 4, 5]) {
        const moved = moveItem(order, id, before);
        expect(moved.map((e) => e.id).sort()).toEqual([1, 2, 3, 4, 5]);
      }
    }
  });
});

describe('toggleNesting', () => {
  it('nests an item under the top-level item before it and back', () => {
    const nested = toggleNesting(flat(1, 2), 2);
    expect(nested).toEqual([{ id: 1, parent_id: null }, { id: 2, parent_id: 1 }]);
    expect(toggleNesting(nested, 2)).toEqual(flat(1, 2));
  });

  it('does not nest the first item or an item with sub-items', () => {
    expect(toggleNesting(flat(1, 2), 1)).toEqual(flat(1, 2));
    const order: OrderEntry[] = [{ id: 1, parent_id: null }, { id: 2, parent_id: null }, { id: 3, parent_id: 2 }];
    expect(toggleNesting(order, 2)).toEqual(order);
  });
});
