/**
 * Interface strings for both languages, through one private i18next instance (never the
 * global one) loaded synchronously from the flat resource files zh.json and en.json.
 *
 * A key missing in the language asked for throws, so a page that needs a string nobody has
 * translated fails the build instead of showing a key or the other language.
 *
 * @example
 *   const t = useTranslations('en');
 *   t('nav.home');                    // 'Home'
 *   t('about.counts.facts', { n: 5 }); // interpolates {{n}}
 */
import i18next from 'i18next';
import zh from './zh.json';
import en from './en.json';

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** The signature of the function `useTranslations` returns. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

/** The BCP 47 tag for `<html lang>`, `hreflang` and `lang` attributes. */
export function htmlLang(lang: Lang): 'zh-Hans' | 'en' {
  return lang === 'zh' ? 'zh-Hans' : 'en';
}

const instance = i18next.createInstance();
void instance.init({
  resources: { zh: { translation: zh }, en: { translation: en } },
  lng: 'zh',
  // No fallback: a missing string is an error, never the other language's text.
  fallbackLng: false,
  supportedLngs: [...LANGS],
  // Flat files: "nav.home" is one key, not nav → home; no namespaces in keys.
  keySeparator: false,
  nsSeparator: false,
  returnNull: false,
  returnEmptyString: false,
  initAsync: false,
  // Astro escapes what it renders; escaping here would double-escape.
  interpolation: {
    escapeValue: false,
  },
  // A placeholder without a value is a bug in the page, like a missing key.
  missingInterpolationHandler: (text: string, match: unknown) => {
    const name = Array.isArray(match) ? String(match[1]).trim() : String(match);
    throw new Error(`missing i18n variable "${name}" in "${text}"`);
  },
});

const cache = new Map<Lang, Translate>();

/** The translate function for one language; throws on a key that language lacks. */
export function useTranslations(lang: Lang): Translate {
  const known = cache.get(lang);
  if (known) return known;
  if (!isLang(lang)) throw new Error(`unknown language "${String(lang)}"`);
  const fixed = instance.getFixedT(lang);
  // A string without variables is the same every time: looked up once (pages ask for the same
  // labels thousands of times, and i18next's lookup is the costly part of a page).
  const plain = new Map<string, string>();
  const t: Translate = (key, vars) => {
    if (vars === undefined) {
      const known = plain.get(key);
      if (known !== undefined) return known;
    }
    if (!instance.exists(key, { lng: lang })) throw new Error(`missing i18n key "${key}" for ${lang}`);
    const text = fixed(key, vars ?? {}) as string;
    if (vars === undefined) plain.set(key, text);
    return text;
  };
  cache.set(lang, t);
  return t;
}
