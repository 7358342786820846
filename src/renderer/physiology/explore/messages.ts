/**
 * A sentence to show, as an i18n key and its values, so the pure logic below can decide what to
 * say without knowing the language, and tests can check the decision rather than the wording.
 * A value may itself be a message (a hormone's name, a stage) or a list of them (joined by commas),
 * translated before it is put in.
 */
export type MessageValue = string | number | Message | readonly Message[];

export interface Message {
  key: string;
  values?: Readonly<Record<string, MessageValue>>;
}

/** How a component turns a key into text (i18next's `t`, or a fake in tests). */
export type Translate = (key: string, values?: Readonly<Record<string, string | number>>) => string;

/** Lists are joined the way the language does it ("a, b and c", « a, b et c »). */
export function say(t: Translate, message: Message, language = 'en'): string {
  if (!message.values) return t(message.key);
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values)) values[name] = sayValue(t, value, language);
  return t(message.key, values);
}

function sayValue(t: Translate, value: MessageValue, language: string): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isMessageList(value)) return new Intl.ListFormat(language, { type: 'conjunction' }).format(value.map((item) => say(t, item, language)));
  return say(t, value, language);
}

function isMessageList(value: Message | readonly Message[]): value is readonly Message[] {
  return Array.isArray(value);
}

/** Sentences said one after the other. */
export function sayAll(t: Translate, messages: readonly Message[], language = 'en'): string {
  return messages.map((m) => say(t, m, language)).join(' ');
}

/** A 0 … 1 share as a whole percentage; NaN and infinities become 0 so no sentence ever says "NaN". */
export function percent(share: number): number {
  if (!Number.isFinite(share)) return 0;
  return Math.round(Math.min(1, Math.max(0, share)) * 100);
}
