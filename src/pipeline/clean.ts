/**
 * Clean stage: decoded text → logical lines, each keeping the raw-file line it starts on.
 * Undoes what copying from PDFs and web pages does to a bulletin (see normalizeLine) and
 * records every change it makes, so the ingest report can say what was touched.
 */
import { parse as parseYaml } from 'yaml';
import { htmlToLines, looksLikeHtml, type SourceLine } from './html-to-lines.ts';

export type { SourceLine };
export type CleanNote = { line: number | null; message: string };
export type Cleaned = {
  lines: SourceLine[];
  /** The body was an HTML page (converted to text). */
  html: boolean;
  frontMatter: Record<string, unknown> | null;
  notes: CleanNote[];
  problems: CleanNote[];
};

const PAGE_FOOTER = /第\s*\d+\s*页\s*[,，]?\s*共\s*\d+\s*页|^\s*[-—–]\s*\d+\s*[-—–]\s*$|^\s*Page\s+\d+\s+of\s+\d+\s*$/gi;
const WORD_BREAK_MARKER = /\[bookmark:[^\]]*\]/g;
const TERMINAL = /[。！？；：!?;:）)」』”"】…]$/;
// Lines that open a new unit of text: headings, bullets, list items, captions, notes.
const OPENS_BLOCK = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)|【|◇|●|■|□|▲|—|图\s*\d|表\s*\d|注[:：])/;
const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff';

/**
 * @example
 *   cleanText('截至 2 0 2 2 年底，参保 556.73 万人。').lines[0].text // '截至2022年底，参保556.73万人。'
 */
export function cleanText(text: string): Cleaned {
  const notes: CleanNote[] = [];
  const problems: CleanNote[] = [];
  const unixText = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (unixText.length !== text.replace(/^\uFEFF/, '').length) notes.push({ line: null, message: 'CRLF line endings normalised' });

  const { body, bodyStartLine, frontMatter, error } = splitFrontMatter(unixText);
  if (error) problems.push({ line: 1, message: `front matter is not valid YAML and was ignored: ${error}` });

  let raw: SourceLine[];
  const html = looksLikeHtml(body);
  if (html) {
    const html = htmlToLines(body, bodyStartLine - 1);
    raw = html.lines;
    notes.push({ line: bodyStartLine, message: 'HTML body converted to text' });
    notes.push(...html.dropped);
  } else {
    raw = body.split('\n').map((t, i) => ({ line: bodyStartLine + i, text: t }));
  }

  const normalized = raw.map((l) => normalizeLine(l, notes));
  const joined = joinBrokenLines(normalized, notes);
  const lines = dropRepeatedPassages(joined, notes);
  return { lines, html, frontMatter, notes, problems };
}

function splitFrontMatter(text: string): {
  body: string;
  bodyStartLine: number;
  frontMatter: Record<string, unknown> | null;
  error: string | null;
} {
  const m = /^(\s*\n)?---\n([\s\S]*?)\n---[ \t]*(\n|$)/.exec(text);
  if (!m) return { body: text, bodyStartLine: 1, frontMatter: null, error: null };
  const consumed = m[0];
  const bodyStartLine = consumed.split('\n').length;
  try {
    const parsed: unknown = parseYaml(m[2]!, { schema: 'failsafe' });
    // A title set between two rules is text, not front matter: only a mapping is metadata.
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { body: text, bodyStartLine: 1, frontMatter: null, error: null };
    return { body: text.slice(consumed.length), bodyStartLine, frontMatter: parsed as Record<string, unknown>, error: null };
  } catch (e) {
    return { body: text.slice(consumed.length), bodyStartLine, frontMatter: null, error: (e as Error).message.split('\n')[0]! };
  }
}

/**
 * One raw line → normalised text: full-width ASCII to half-width, PDF page footers removed,
 * digits spaced out by PDF copy re-joined ("7 . 9 5" → "7.95"), spaces between CJK and
 * digits dropped. Tabs are kept: they lay out tables and chart data.
 */
export function normalizeLine(source: SourceLine, notes: CleanNote[]): SourceLine {
  let text = source.text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => {
      const ascii = String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
      // Keep Chinese-style punctuation as Chinese prose writes it; convert only what numbers use.
      return /[0-9A-Za-z%.+\-\/=<>~]/.test(ascii) ? ascii : ch;
    })
    .replace(/\u3000/g, ' ')
    .replace(/\u00a0/g, ' ')
    .replace(WORD_BREAK_MARKER, '');
  if (PAGE_FOOTER.test(text)) {
    PAGE_FOOTER.lastIndex = 0;
    text = text.replace(PAGE_FOOTER, '');
    notes.push({ line: source.line, message: 'page footer removed' });
  }
  PAGE_FOOTER.lastIndex = 0;
  const spaced = /(?<![0-9.])[0-9.](?: [0-9.])+(?![0-9.])/g;
  if (spaced.test(text)) {
    text = text.replace(spaced, (run) => run.replace(/ /g, ''));
    notes.push({ line: source.line, message: 'digits spaced out by PDF copy re-joined' });
  }
  text = text
    .replace(new RegExp(`(?<=[${CJK}，。、；：（）“”,;:()])[ ]+(?=[0-9])`, 'g'), '')
    .replace(new RegExp(`(?<=[0-9%])[ ]+(?=[${CJK}，。、；：（）“”,;:()])`, 'g'), '');
  // Leading tabs mark table cells and trailing tabs end chart-data labels: keep both.
  const leadingTabs = /^\t*/.exec(text)![0];
  text = leadingTabs + text.slice(leadingTabs.length).replace(/^ +/, '').replace(/ +$/, '');
  return { line: source.line, text };
}

/**
 * Rejoins sentences that a PDF copy or page break split over lines (blank lines between them
 * included). A line is continued when it is long prose without closing punctuation and the
 * next non-blank line does not open a heading, list item, caption or table.
 */
function joinBrokenLines(lines: SourceLine[], notes: CleanNote[]): SourceLine[] {
  const out: SourceLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const current = { ...lines[i]! };
    let lastLine = current.line;
    i++;
    // A sentence may continue over several breaks: keep joining while it stays open.
    while (isOpenProse(current.text)) {
      let j = i;
      while (j < lines.length && lines[j]!.text.trim() === '') j++;
      const next = lines[j];
      if (!next || !isContinuation(next.text)) break;
      // Keep a space only between two Latin words; Chinese runs on without one.
      const glue = /[A-Za-z0-9]$/.test(current.text) && /^[A-Za-z]/.test(next.text) ? ' ' : '';
      current.text += glue + next.text.trim();
      notes.push({ line: current.line, message: `sentence broken across lines ${lastLine}–${next.line} rejoined` });
      lastLine = next.line;
      i = j + 1;
    }
    out.push(current);
  }
  return out;
}

function isOpenProse(text: string): boolean {
  const t = text.trim();
  if (t.length < 25 || text.startsWith('\t') || t.includes('\t')) return false;
  if (/ {5,}/.test(t)) return false; // right-aligned signatures and dates
  if (OPENS_BLOCK.test(t) && t.length < 30) return false;
  return !TERMINAL.test(t);
}

function isContinuation(text: string): boolean {
  const t = text.trim();
  if (text.startsWith('\t') || t.includes('\t') || OPENS_BLOCK.test(t)) return false;
  return /[，。；,;、]/.test(t) || t.length >= 20;
}

/** Drops paragraphs that repeat an earlier one word for word (files that hold their text twice). */
function dropRepeatedPassages(lines: SourceLine[], notes: CleanNote[]): SourceLine[] {
  const seen = new Map<string, number>();
  const out: SourceLine[] = [];
  for (const l of lines) {
    const key = l.text.trim();
    if (key.length >= 20 && !key.includes('\t')) {
      const first = seen.get(key);
      if (first !== undefined) {
        notes.push({ line: l.line, message: `passage repeats line ${first} word for word; kept once` });
        continue;
      }
      seen.set(key, l.line);
    }
    out.push(l);
  }
  return out;
}
