import { describe, expect, it } from 'vitest';
import { languageFromLocale, LANGUAGES } from '../../src/shared/languages';
import { createRandom } from '../../src/shared/random';
import { STRINGS } from '../../src/shared/strings';

function leaves(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) for (const [k, v] of leaves(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  }
  return out;
}

describe('locale files', () => {
  const en = leaves(STRINGS.en);

  it.each(LANGUAGES)('%s has exactly the keys of English, none empty', (language) => {
    const strings = leaves(STRINGS[language]);
    expect([...strings.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of strings) expect(text.trim(), key).not.toBe('');
  });

  it('keeps the same {{placeholders}} in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const fr = leaves(STRINGS.fr);
    for (const [key, text] of en) expect(placeholders(fr.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('is really translated: French differs from English except for names', () => {
    const fr = leaves(STRINGS.fr);
    const same = [...en].filter(([key, text]) => fr.get(key) === text).map(([key]) => key);
    // Words spelled the same in both languages.
    const allowed = /^(languages\.|shortcuts\.keyNames\.(tab|help|arrows|presentFull|presentView)|menu\.themeStandard|about\.version|scene\.labels\.branches|structures\.title|structures\.kinds\.lobule|info\.sources|closeUp\.parts\.lactocyte|lessons\.minutes|player\.stepTitle|player\.pause|physiology\.(hormones|hormoneShort)\.(dopamine|cortisol)|physiology\.hormoneShort\.hpl|physiology\.(stages|scenarios)\.relactation)/;
    expect(same.filter((key) => !allowed.test(key))).toEqual([]);
  });
});

describe('French typography in the interface', () => {
  // No-break spaces keep a colon, semicolon, question or exclamation mark from starting a line
  // (on a projector, a wrapped caption or button would otherwise begin with it).
  const fr = [...leaves(STRINGS.fr)];
  it('has a no-break space before : and a narrow one before ; ! ?', () => {
    const loose = fr.filter(([, text]) => / [:;!?]/.test(text) || /[^\s\u00a0\u202f{]([;!?])(\s|$)/.test(text)).map(([key]) => key);
    expect(loose).toEqual([]);
  });
  it('has no-break spaces inside « »', () => {
    expect(fr.filter(([, text]) => /« | »/.test(text)).map(([key]) => key)).toEqual([]);
  });
});

describe('languageFromLocale', () => {
  it('maps locale tags to a shipped language, English otherwise', () => {
    expect(languageFromLocale('fr-CA')).toBe('fr');
    expect(languageFromLocale('FR')).toBe('fr');
    expect(languageFromLocale('en_GB')).toBe('en');
    expect(languageFromLocale('de-DE')).toBe('en');
    expect(languageFromLocale(undefined)).toBe('en');
  });
});

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });
});
