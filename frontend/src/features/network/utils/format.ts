const DASH = '—';

function locale(language: string): string {
  return language === 'en' ? 'en' : 'zh-CN';
}

/** A decimal string or number from the API, grouped in the UI language; '—' when absent. */
export function formatNumber(
  value: string | number | null | undefined,
  language: string,
  maximumFractionDigits = 2,
): string {
  if (value === null || value === undefined || value === '') return DASH;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  return new Intl.NumberFormat(locale(language), { maximumFractionDigits }).format(n);
}

/** A focus weight (0–1, how strongly a park leads in an industry; not a share): "0.6". */
export function formatWeight(weight: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(weight);
}

/** The name in the UI language: the English one when English is on and there is one. */
export function localName(item: { name: string; name_en?: string }, language: string): string {
  return language === 'en' && item.name_en ? item.name_en : item.name;
}
