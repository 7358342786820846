import { describe, expect, it } from 'vitest';
import { percent, say, sayAll, type Translate } from '../../../src/renderer/physiology/explore/messages';

const echo: Translate = (key, values) => (values ? `${key}(${Object.entries(values).map(([k, v]) => `${k}=${v}`).join(',')})` : key);

describe('say', () => {
  it('translates nested messages before putting them in', () => {
    expect(say(echo, { key: 'outer', values: { inner: { key: 'inner.key' }, n: 2 } })).toBe('outer(inner=inner.key,n=2)');
  });

  it('joins a list of messages the way the language does', () => {
    const list = { key: 'list', values: { items: [{ key: 'a' }, { key: 'b' }, { key: 'c' }] } };
    expect(say(echo, list, 'en')).toBe('list(items=a, b, and c)');
    expect(say(echo, list, 'fr')).toBe('list(items=a, b et c)');
  });

  it('says several sentences one after the other', () => {
    expect(sayAll(echo, [{ key: 'one' }, { key: 'two' }])).toBe('one two');
  });
});

describe('percent', () => {
  it('never says NaN and keeps within 0–100', () => {
    expect(percent(Number.NaN)).toBe(0);
    expect(percent(Infinity)).toBe(0);
    expect(percent(1.7)).toBe(100);
    expect(percent(-0.2)).toBe(0);
    expect(percent(0.666)).toBe(67);
  });
});
