/**
 * The translation memory: editorial English for each bulletin, one YAML file per bulletin in
 * content/translations/. Every source piece (title, heading, paragraph, caption, table label)
 * is keyed by a stable id derived from its normalised Chinese text, so a translation follows
 * its text and a changed source paragraph is noticed (stale) instead of being used silently.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Block } from './blocks.ts';

export const TranslationStatusSchema = z.enum(['translated', 'needs-review', 'stale']);
export type TranslationStatus = z.infer<typeof TranslationStatusSchema>;

export const TranslationEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z]-[0-9a-f]{12}$/),
    kind: z.enum(['title', 'heading', 'paragraph', 'caption', 'label']),
    /** Raw line where the piece starts, to find the piece again when its text changes. */
    line: z.number().int().positive(),
    zh: z.string(),
    en: z.string(),
    status: TranslationStatusSchema,
  })
  .strict();
export type TranslationEntry = z.infer<typeof TranslationEntrySchema>;

export const TranslationFileSchema = z
  .object({
    bulletin: z.string(),
    source: z.string(),
    entries: z.array(TranslationEntrySchema),
  })
  .strict();
export type TranslationFile = z.infer<typeof TranslationFileSchema>;

export type Piece = { id: string; kind: TranslationEntry['kind']; line: number; zh: string };

/** Whitespace and full-width/half-width differences do not make a new text. */
export function normalizeForKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * @example
 *   pieceId('paragraph', '截至2022年底…') // 'p-3f2a9c1b7e04'
 */
export function pieceId(kind: Piece['kind'], zh: string): string {
  return `${kind[0]}-${createHash('sha256').update(normalizeForKey(zh)).digest('hex').slice(0, 12)}`;
}

/** Every piece of a bulletin that has words to translate, in reading order, each once. */
export function translatablePieces(blocks: Block[]): Piece[] {
  const pieces: Piece[] = [];
  const seen = new Set<string>();
  const add = (kind: Piece['kind'], line: number, zh: string) => {
    const text = zh.trim();
    // Pure numbers, units and punctuation need no translation.
    if (!/[\u3400-\u9fff]/.test(text)) return;
    const id = pieceId(kind, text);
    if (seen.has(id)) return;
    seen.add(id);
    pieces.push({ id, kind, line, zh: text });
  };
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
      case 'heading':
      case 'paragraph':
      case 'caption':
        add(b.kind, b.line, b.text);
        break;
      case 'table':
        if (b.caption) add('caption', b.captionLine ?? b.line, b.caption);
        for (const column of b.columns) for (const part of column.split('·')) add('label', b.line, part);
        for (const row of b.rows) for (const cell of row.cells) add('label', cell.line, cell.text);
        break;
      case 'series':
        for (const text of [b.group, b.name, ...b.labels]) if (text) add('label', b.line, text);
        break;
      default:
        break;
    }
  }
  return pieces;
}

export type PieceState = 'translated' | 'needs-review' | 'stale' | 'missing';

/**
 * The state of each piece against the memory: translated (and used), needs review, stale (an
 * entry for the same place holds a translation of a different text), or missing.
 */
export function pieceStates(pieces: Piece[], memory: TranslationFile | null): Map<string, { state: PieceState; entry: TranslationEntry | null }> {
  const byId = new Map((memory?.entries ?? []).map((e) => [e.id, e]));
  const out = new Map<string, { state: PieceState; entry: TranslationEntry | null }>();
  for (const p of pieces) {
    const entry = byId.get(p.id);
    if (entry && entry.en.trim() !== '') {
      out.set(p.id, { state: entry.status === 'translated' ? 'translated' : entry.status === 'stale' ? 'stale' : 'needs-review', entry });
      continue;
    }
    // The same kind of piece on the same line under another id: its source text changed.
    const moved = memory?.entries.find((e) => e.kind === p.kind && e.line === p.line && e.id !== p.id && e.en.trim() !== '' && !pieces.some((q) => q.id === e.id));
    out.set(p.id, moved ? { state: 'stale', entry: moved } : { state: 'missing', entry: null });
  }
  return out;
}
