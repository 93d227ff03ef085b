// Shared with the rest of the app; kept importable from here for the network pages.
export { formatNumber } from '@/lib/format-number';

function locale(language: string): string {
  return language === 'en' ? 'en' : 'zh-CN';
}

/** A focus weight (0–1, how strongly a park leads in an industry; not a share): "0.6". */
export function formatWeight(weight: number, language: string): string {
  return new Intl.NumberFormat(locale(language), { minimumFractionDigits: 1, maximumFractionDigits: 2 }).format(weight);
}

/** The name in the UI language: the English one when English is on and there is one. */
export function localName(item: { name: string; name_en?: string }, language: string): string {
  return language === 'en' && item.name_en ? item.name_en : item.name;
}
