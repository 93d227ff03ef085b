import { describe, expect, it } from 'vitest';

import { i18n } from '@/i18n/i18n';

import { comparisonSign, formatAmountYi, formatTargetFigure } from '../target-format';

const zh = i18n.getFixedT('zh-Hans');
const en = i18n.getFixedT('en');

describe('figures of the 2025 targets', () => {
  it('writes amounts in 亿元 with grouping and at most two decimals, small ones in 万元', () => {
    expect(formatAmountYi('5500', 'zh-Hans', zh)).toBe('5,500 亿元');
    expect(formatAmountYi('18000.0000', 'zh-Hans', zh)).toBe('18,000 亿元');
    expect(formatAmountYi('1.23456', 'zh-Hans', zh)).toBe('1.23 亿元');
    expect(formatAmountYi('0.0312', 'zh-Hans', zh)).toBe('312 万元');
    expect(formatAmountYi('0.000001', 'zh-Hans', zh)).toBe('0.01 万元');
  });

  it('shows nothing attributed yet as 0 and a missing figure as a dash', () => {
    expect(formatAmountYi('0.0000', 'zh-Hans', zh)).toBe('0 亿元');
    expect(formatAmountYi('0.0000', 'en', en)).toBe('CNY 0 bn');
    expect(formatAmountYi(null, 'zh-Hans', zh)).toBe('—');
    expect(formatAmountYi('', 'en', en)).toBe('—');
    expect(formatTargetFigure(null, '亿元', 'en', en)).toBe('—');
  });

  it('writes amounts in English as billions or millions of yuan', () => {
    expect(formatAmountYi('5500', 'en', en)).toBe('CNY 550 bn');
    expect(formatAmountYi('18000', 'en', en)).toBe('CNY 1,800 bn');
    expect(formatAmountYi('0.0312', 'en', en)).toBe('CNY 3.12 m');
    expect(formatAmountYi('12.5', 'en', en)).toBe('CNY 1.25 bn');
  });

  it('writes shares and counts in the reader’s language', () => {
    expect(formatTargetFigure('4.5', '%', 'zh-Hans', zh)).toBe('4.5%');
    expect(formatTargetFigure('85', '%', 'en', en)).toBe('85%');
    expect(formatTargetFigure('130', '家', 'zh-Hans', zh)).toBe('130 家');
    expect(formatTargetFigure('130', '家', 'en', en)).toBe('130 enterprises');
    expect(formatTargetFigure('50', '件', 'en', en)).toBe('50 patents');
    expect(formatTargetFigure('3000', '亿元', 'zh-Hans', zh)).toBe('3,000 亿元');
  });

  it('says how the policy compares', () => {
    expect(comparisonSign('>=')).toBe('≥');
    expect(comparisonSign('>')).toBe('>');
    expect(comparisonSign('~')).toBe('≈');
    expect(comparisonSign(undefined)).toBe('≥');
  });
});
