import { describe, expect, it } from 'vitest';

import en from '../en.json';
import zhHans from '../zh-Hans.json';

/**
 * A language switch changes every string: both catalogues have the same keys, no empty
 * values and the same {{placeholders}}; and no page writes UI text straight into JSX.
 */

type Leaves = Map<string, unknown>;

function leaves(value: unknown, prefix = '', out: Leaves = new Map()): Leaves {
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      leaves(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

const CATALOGUES = { 'zh-Hans': leaves(zhHans), en: leaves(en) };

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();
}

// Every .tsx of the app except tests; read as text.
const SOURCES = import.meta.glob(['/src/**/*.tsx', '!/src/**/__tests__/**', '!/src/testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
}) as Record<string, string>;

// Text that is the same in every language, on purpose.
const ALLOWED_LITERALS = new Set([
  '中文', // the language switch names each language in itself
  'English',
]);

const CJK = /[\u3400-\u9fff]/;
// JSX text between tags: >text< where text has a letter (ignores {expressions}).
const JSX_TEXT = />\s*([^<>{}]*?[A-Za-z\u3400-\u9fff][^<>{}]*?)\s*</g;
// Attributes people read: title, placeholder, aria-label, alt, label with a literal value.
const TEXT_ATTRIBUTE = /\b(?:title|placeholder|aria-label|alt|label|tip|description)=["']([^"']*[A-Za-z\u3400-\u9fff][^"']*)["']/g;

function hardCoded(source: string): string[] {
  const found: string[] = [];
  // Comments and type-level code are not UI.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  for (const match of code.matchAll(JSX_TEXT)) {
    const text = match[1].trim();
    // Generic arguments and comparisons (`useState<Foo>(`, `a < b && c > d`) are not text.
    // Code between two JSX expressions (`a ? <X/> : <Y/>`, `[<A/>, <B/>]`, `element: <C/>`).
    if (!CJK.test(text) && (/[=;()&|?]|=>|^[,:]|[,:]$/.test(text) || !/\s/.test(text))) {
      continue;
    }
    if (/^[A-Z][A-Za-z]*(\[\])?$/.test(text) || ALLOWED_LITERALS.has(text)) {
      continue;
    }
    found.push(text);
  }
  for (const match of code.matchAll(TEXT_ATTRIBUTE)) {
    // Words people read (Chinese, or Latin words with a space); not ids or URLs like park:12.
    const readable = CJK.test(match[1]) || /[A-Za-z]+\s+[A-Za-z]+/.test(match[1]);
    if (readable && !ALLOWED_LITERALS.has(match[1])) {
      found.push(match[1]);
    }
  }
  for (const match of code.matchAll(/(['"`])((?:(?!\1).)*[\u3400-\u9fff](?:(?!\1).)*)\1/g)) {
    if (!ALLOWED_LITERALS.has(match[2])) {
      found.push(match[2]);
    }
  }
  return found;
}

describe('translation completeness', () => {
  it('has the same keys in both languages', () => {
    expect([...CATALOGUES.en.keys()].sort()).toEqual([...CATALOGUES['zh-Hans'].keys()].sort());
  });

  it.each(Object.entries(CATALOGUES))('has no empty or non-text value in %s', (_, catalogue) => {
    const empty = [...catalogue.entries()].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages', () => {
    const different = [...CATALOGUES['zh-Hans'].entries()]
      .filter(([key, zh]) => placeholders(zh).join() !== placeholders(CATALOGUES.en.get(key)).join())
      .map(([key]) => key);
    expect(different).toEqual([]);
  });

  it('has English that is not left in Chinese', () => {
    // English may quote a Chinese term ("Specialised (专精特新)"), but must have English in it.
    const untranslated = [...CATALOGUES.en.entries()]
      .filter(([, value]) => CJK.test(String(value)) && !/[A-Za-z]{2}/.test(String(value)))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it('would catch hard-coded text (the check itself works)', () => {
    const sample = `<div>确定</div><span>Save changes</span><Input placeholder="请输入" />{a ? <b/> : <c/>}<T>{t('x')}</T>`;
    expect(hardCoded(sample)).toEqual(['确定', 'Save changes', '请输入', '请输入']);
  });

  it('reads the sources', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
  });

  it('leaves no hard-coded UI text in the .tsx files', () => {
    const offenders = Object.entries(SOURCES)
      .map(([file, source]) => [file, hardCoded(source)] as const)
      .filter(([, found]) => found.length > 0)
      .map(([file, found]) => `${file}: ${found.join(' | ')}`);
    expect(offenders).toEqual([]);
  });
});
