import type { OrderEntry } from '../types';

/**
 * Move the item `id` (with its sub-items) to just before `beforeId` (or to the end), as a
 * top-level item. Pure: returns a new order the server validates again.
 */
export function moveItem(order: OrderEntry[], id: number, beforeId: number | null): OrderEntry[] {
  const moving = order.filter((entry) => entry.id === id || entry.parent_id === id);
  if (moving.length === 0 || id === beforeId) {
    return order;
  }
  const movingIds = new Set(moving.map((entry) => entry.id));
  if (beforeId != null && movingIds.has(beforeId)) {
    return order;
  }
  const rest = order.filter((entry) => !movingIds.has(entry.id));
  const head = moving.map((entry) => (entry.id === id ? { id, parent_id: null } : entry));
  // Before a sub-item means before its parent's block ends: insert at that entry's place.
  const at = beforeId == null ? rest.length : rest.findIndex((entry) => entry.id === beforeId);
  const index = at < 0 ? rest.length : at;
  if (index < rest.length && rest[index].parent_id != null) {
    // Dropping inside another block: become a sub-item of that block's parent (only leaves).
    if (moving.length === 1) {
      const parent = rest[index].parent_id;
      return [...rest.slice(0, index), { id, parent_id: parent }, ...rest.slice(index)];
    }
  }
  return [...rest.slice(0, index), ...head, ...rest.slice(index)];
}

/** Make `id` a sub-item of the top-level item before it, or top-level again. */
export function toggleNesting(order: OrderEntry[], id: number): OrderEntry[] {
  const index = order.findIndex((entry) => entry.id === id);
  if (index < 0) {
    return order;
  }
  const entry = order[index];
  if (entry.parent_id != null) {
    // Un-nest: it stays where it is, as a top-level item after its former siblings.
    return order.map((e) => (e.id === id ? { id, parent_id: null } : e));
  }
  if (order.some((e) => e.parent_id === id)) {
    return order; // has sub-items itself: only one level
  }
  for (let i = index - 1; i >= 0; i -= 1) {
    if (order[i].parent_id == null) {
      return order.map((e) => (e.id === id ? { id, parent_id: order[i].id } : e));
    }
  }
  return order;
}
