import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fr, type MessageKey, type Messages } from './messages.fr';
import { formatAmount, formatDate, formatDateTime, type Language } from '@comptoir/schema';

export type { Language, MessageKey };

/**
 * French ships with the first load; English is fetched when chosen (or stored), so
 * most users never download it (the first-load budget, issue 10).
 */
const DICTIONARIES: Partial<Record<Language, Messages>> = { fr };

function loadDictionary(language: Language): Promise<Messages> {
  const loaded = DICTIONARIES[language];
  if (loaded) return Promise.resolve(loaded);
  return import('./messages.en').then(({ en }) => (DICTIONARIES.en = en));
}

export const LANGUAGES: readonly Language[] = ['fr', 'en'];
const STORAGE_KEY = 'comptoir.language';

function storedLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (stored === 'fr' || stored === 'en') return stored;
  } catch {
    // Storage can be unavailable (privacy modes): French is the default anyway.
  }
  return 'fr';
}

type Params = Record<string, string | number>;

export interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** The message for `key`, with `{name}` placeholders and ICU `{count, plural, …}` arguments filled from `params`. */
  t(key: MessageKey, params?: Params): string;
  formatAmount(cents: number | bigint | string, currency?: string): string;
  formatDate(value: string | Date): string;
  formatDateTime(value: string | Date): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  // Re-renders once a dictionary fetched at start arrives.
  const [, setLoaded] = useState(0);

  useEffect(() => {
    document.documentElement.lang = language;
    if (!DICTIONARIES[language]) void loadDictionary(language).then(() => setLoaded((n) => n + 1));
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    // The page keeps its language until the other one has arrived: never a key on screen.
    void loadDictionary(next).then(() => setLanguageState(next));
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted: the choice still holds for this page.
    }
  }, []);

  const messages = DICTIONARIES[language];
  const value = useMemo<I18n | null>(() => {
    if (!messages) return null;
    return {
      language,
      setLanguage,
      t: (key, params) => interpolate(language, messages[key], params),
      formatAmount: (cents, currency) => formatAmount(cents, language, currency),
      formatDate: (date) => formatDate(date, language),
      formatDateTime: (date) => formatDateTime(date, language),
    };
  }, [language, messages, setLanguage]);

  // Stored English on a first visit of this load: a moment of nothing rather than French.
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

// ICU plural arguments, `{count, plural, =0 {aucune facture} one {# facture} other {# factures}}`:
// the branch by the language's rules (Intl.PluralRules: in French 0 and 1 are singular),
// `#` the number in the language's format; a branch may hold `{name}` placeholders.
const PLURAL = /\{(\w+), plural,((?:[^{}]|\{(?:[^{}]|\{\w+\})*\})*)\}/g;
const BRANCH = /(=\d+|\w+) *\{((?:[^{}]|\{\w+\})*)\}/g;

/** `message` with its plural arguments chosen and its `{name}` placeholders replaced from `params`. */
export function interpolate(language: Language, message: string, params?: Params): string {
  if (!params) return message;
  return message
    .replace(PLURAL, (_, name: string, body: string) => {
      const count = Number(params[name]);
      const forms: Record<string, string> = {};
      for (const [, selector, text] of body.matchAll(BRANCH)) forms[selector] = text;
      const form = forms[`=${count}`] ?? forms[new Intl.PluralRules(language).select(count)] ?? forms.other ?? '';
      return form.replace(/#/g, new Intl.NumberFormat(language).format(count));
    })
    .replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() needs an <I18nProvider> above it');
  return i18n;
}
