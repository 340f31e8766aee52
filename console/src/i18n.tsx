/** Every string the console shows, in Chinese (the default) and English; the choice is remembered in localStorage. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import * as desk from './strings/desk';
import * as shell from './strings/shell';
import * as zones from './strings/zones';
import * as rules from './strings/rules';
import * as figures from './strings/figures';
import * as operations from './strings/operations';

// One dictionary of every area's strings (each area keeps its own file; a key must not repeat across them).
const zh = { ...desk.zh, ...shell.zh, ...zones.zh, ...rules.zh, ...figures.zh, ...operations.zh };
const en: Record<Key, string> = { ...desk.en, ...shell.en, ...zones.en, ...rules.en, ...figures.en, ...operations.en };

type Key = keyof typeof zh;
export type Lang = 'zh' | 'en';

const DICTIONARY: Record<Lang, Record<Key, string>> = { zh, en };
const STORAGE_KEY = 'minqing.console.lang';

export type Translate = (key: Key, vars?: Record<string, string | number>) => string;

/** A key built from data (`status_${status}`): the dictionary's string when it has one, else the value as it is. */
export function labelOf(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}_${value}`;
  return key in zh ? t(key as Key) : value;
}

interface I18n {
  lang: Lang;
  t: Translate;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18n | null>(null);

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts this visit only
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const strings = DICTIONARY[lang];
    const t: Translate = (key, vars) => strings[key].replace(/\{(\w+)\}/g, (all, name: string) => (vars && name in vars ? String(vars[name]) : all));
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    return { lang, t, setLang };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
