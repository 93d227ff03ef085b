import type { TFunction } from 'i18next';

/**
 * A key built from server data (a label, a property name, an enum value): the catalogue
 * has most of them, and what it lacks shows as the server sent it.
 */
export function translateOr(t: TFunction, key: string, fallback: string): string {
  return (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: fallback });
}
