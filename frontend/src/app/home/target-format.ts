import type { TFunction } from 'i18next';

import { formatNumber, toNumber } from '@/lib/format-number';

/**
 * Figures of the policy's 2025 targets in the reader's language. Amounts come in 亿元 (the
 * policy's unit): Chinese keeps 亿元 and shows a small amount in 万元 rather than "0.0031 亿元";
 * English shows billions or millions of yuan. At most two decimals, grouped; "—" without data.
 */

type Scale = { large: number; small: number };
// How many yuan one "large" and one "small" unit is, per language (see home.amount.*).
const SCALES: Record<'zh' | 'en', Scale> = {
  zh: { large: 1e8, small: 1e4 }, // 亿元, 万元
  en: { large: 1e9, small: 1e6 }, // bn, m
};
const YI = 1e8;

export function formatAmountYi(value: string | number | null | undefined, language: string, t: TFunction): string {
  const yi = toNumber(value);
  if (yi === null) return '—';
  const scale = SCALES[language.startsWith('en') ? 'en' : 'zh'];
  const yuan = yi * YI;
  if (yuan !== 0 && Math.abs(yuan) < scale.large) {
    return t('home.amount.small', { value: formatNumber(yuan / scale.small, language) });
  }
  return t('home.amount.large', { value: formatNumber(yuan / scale.large, language) });
}

/** A target or an attributed figure with its unit ("≥ 4.5%", "130 家" / "130 enterprises"). */
export function formatTargetFigure(
  value: string | number | null | undefined,
  unit: string,
  language: string,
  t: TFunction,
): string {
  if (toNumber(value) === null) return '—';
  const shown = formatNumber(value, language);
  switch (unit) {
    case '亿元':
      return formatAmountYi(value, language, t);
    case '%':
      return t('home.units.percent', { value: shown });
    case '家':
      return t('home.units.enterprises', { value: shown });
    case '件':
      return t('home.units.patents', { value: shown });
    default:
      return `${shown} ${unit}`;
  }
}

/** How the policy compares with its target: ≥ (at least), > (more than), ≈ (about, 近). */
export function comparisonSign(comparison: string | undefined): string {
  return comparison === '~' ? '≈' : comparison === '>' ? '>' : '≥';
}
