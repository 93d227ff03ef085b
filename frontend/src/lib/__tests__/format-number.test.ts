import { describe, expect, it } from 'vitest';

import { formatNumber, toNumber } from '../format-number';

describe('numbers from the API', () => {
  it('groups digits and keeps at most two decimals, without trailing zeros', () => {
    expect(formatNumber('50000.00', 'zh-Hans')).toBe('50,000');
    expect(formatNumber('1234.5678', 'en')).toBe('1,234.57');
    expect(formatNumber(0.1, 'en')).toBe('0.1');
    expect(formatNumber('0.00', 'zh-Hans')).toBe('0');
    expect(formatNumber(-0.001, 'en')).toBe('0');
  });

  it('shows a dash where there is no value and the text where it is not a number', () => {
    expect(formatNumber(null, 'en')).toBe('—');
    expect(formatNumber(undefined, 'zh-Hans')).toBe('—');
    expect(formatNumber('', 'en')).toBe('—');
    expect(formatNumber('n/a', 'en')).toBe('n/a');
    expect(toNumber('n/a')).toBeNull();
    expect(toNumber('12.50')).toBe(12.5);
  });
});
