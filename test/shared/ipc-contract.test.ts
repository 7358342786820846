import { describe, expect, it } from 'vitest';
import { contentPathSchema, contract, menuCommandSchema } from '../../src/shared/ipc-contract';

describe('contentPathSchema', () => {
  it.each(['about/en.md', 'lessons/fr/ejection-reflex.md', 'gland.json', 'audio/en/step_01.opus'])('accepts %s', (path) => {
    expect(contentPathSchema.safeParse(path).success).toBe(true);
  });

  it.each(['', '..', '../secret', 'a/../b', 'a/./b', '/etc/passwd', '.hidden', 'a/.git/config', 'a\\b', 'a//b', 'a/', 'C:/x', 'a b', '%2e%2e/x', 'x'.repeat(600)])(
    'refuses %j',
    (path) => {
      expect(contentPathSchema.safeParse(path).success).toBe(false);
    },
  );
});

describe('contract', () => {
  it('gives every method its own channel', () => {
    const channels = Object.values(contract).map((spec) => spec.channel);
    expect(new Set(channels).size).toBe(channels.length);
  });

  it('accepts only known menu commands', () => {
    expect(menuCommandSchema.safeParse({ type: 'set-language', language: 'fr' }).success).toBe(true);
    expect(menuCommandSchema.safeParse({ type: 'set-language', language: 'de' }).success).toBe(false);
    expect(menuCommandSchema.safeParse({ type: 'reformat-disk' }).success).toBe(false);
  });
});
