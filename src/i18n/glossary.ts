/**
 * The glossary of medical-insurance terms (src/data/glossary.yaml), checked when loaded:
 * a term without both names and both definitions, or a repeated id, fails the build with the
 * file and line.
 *
 * @example
 *   const { terms } = loadGlossary();
 *   terms.find((t) => t.id === 'pooled-fund')?.en // 'pooled fund'
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { z } from 'zod';
import { parseYamlFile } from '../pipeline/config.ts';
import type { Lang } from './i18n.ts';
import { intlLocale } from './format.ts';

const line = z.string().trim().min(1).refine((s) => !s.includes('\n'), 'must be one line');

export const TermSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case words joined by "-"'),
  zh: line,
  en: line,
  abbr: line.optional(),
  def_zh: line,
  def_en: line,
});
export type Term = z.infer<typeof TermSchema>;

export const GlossarySchema = z
  .object({ terms: z.array(TermSchema).min(1) })
  .superRefine((g, ctx) => {
    const seen = new Set<string>();
    g.terms.forEach((term, i) => {
      if (seen.has(term.id)) ctx.addIssue({ code: 'custom', path: ['terms', i, 'id'], message: `repeated id "${term.id}"` });
      seen.add(term.id);
    });
  });
export type Glossary = z.infer<typeof GlossarySchema>;

export const GLOSSARY_FILE = 'src/data/glossary.yaml';

/** Reads and checks the glossary (relative to the project root, where builds and tests run). */
export function loadGlossary(root = process.cwd()): Glossary {
  const text = readFileSync(join(root, GLOSSARY_FILE), 'utf8');
  return parseYamlFile(GLOSSARY_FILE, text, GlossarySchema);
}

/**
 * Terms in the order of the language: by pinyin for Chinese (read word by word, so 长期 is
 * chang qi, not zhang), alphabetical for English; punctuation is ignored.
 */
export function sortTerms(terms: readonly Term[], lang: Lang): Term[] {
  const collator = new Intl.Collator(intlLocale('en'), { sensitivity: 'base', numeric: true, ignorePunctuation: true });
  const han = new Intl.Collator('zh-Hans-CN-u-co-pinyin', { ignorePunctuation: true });
  const key = (term: Term) => (lang === 'zh' ? pinyin(term.zh, { toneType: 'none', nonZh: 'consecutive' }) : term.en);
  const keys = new Map(terms.map((term) => [term.id, key(term)]));
  return [...terms].sort((a, b) => collator.compare(keys.get(a.id)!, keys.get(b.id)!) || han.compare(a[lang], b[lang]));
}

/** The anchor of a term on the glossary page. */
export function termAnchor(id: string): string {
  return `term-${id}`;
}

/** The anchor of an indicator on the glossary page ('insured.employee' → 'indicator-insured-employee'). */
export function indicatorAnchor(id: string): string {
  return `indicator-${id.replace(/\./g, '-')}`;
}
