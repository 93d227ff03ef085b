const DASH = '—';

function locale(language: string): string {
  return language.startsWith('en') ? 'en' : 'zh-CN';
}

/** A number or decimal string from the API as a finite number; null when absent or unreadable. */
export function toNumber(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** A decimal string or number from the API, grouped in the UI language (at most
 * `maximumFractionDigits` decimals, no trailing zeros); '—' when absent. */
export function formatNumber(
  value: string | number | null | undefined,
  language: string,
  maximumFractionDigits = 2,
): string {
  const n = toNumber(value);
  if (n === null) return value === null || value === undefined || value === '' ? DASH : String(value);
  // -0.001 rounds to "-0": show 0.
  const shown = new Intl.NumberFormat(locale(language), { maximumFractionDigits }).format(n);
  return /^-0([.,]0*)?$/.test(shown) ? '0' : shown;
}

/** A share 0–1 as a percentage in the UI language ("25%", at most one decimal). */
export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}
