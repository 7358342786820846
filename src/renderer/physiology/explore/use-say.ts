import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { say, sayAll, type Message, type Translate } from './messages';

/** Messages (messages.ts) in the learner's language. */
export function useSay(): { say(message: Message): string; sayAll(messages: readonly Message[]): string } {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const translate: Translate = (key, values) => (values ? t(key, values) : t(key));
    return { say: (message: Message) => say(translate, message, language), sayAll: (messages: readonly Message[]) => sayAll(translate, messages, language) };
  }, [t, language]);
}
