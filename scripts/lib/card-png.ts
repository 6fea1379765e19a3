/**
 * SVG → PNG for the social cards, with resvg (no browser needed). Fonts are named files when
 * Debian's are there, so a card looks the same on every machine that has them: DejaVu Sans for
 * English cards, WenQuanYi Micro Hei (Chinese and Latin) for Chinese ones; otherwise the
 * system's fonts.
 *
 * resvg reads its font files again for every run of text it lays out, so a run of cards is
 * drawn with the fonts cut to the characters those cards use (cardFontFor, ./card-font.ts):
 * the same pictures, a twentieth of the reading.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { subsetFont } from './card-font.ts';
import { ENCODER, encodePng } from './card-png-encode.ts';

export type CardLang = 'zh' | 'en';
export type CardFont = NonNullable<ResvgRenderOptions['font']>;
type FontSource = { family: string; files: Array<{ path: string; face: number; name: string }> };

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
const SOURCES: Record<CardLang, FontSource> = {
  en: {
    family: 'DejaVu Sans',
    files: [
      { path: `${DEJAVU}/DejaVuSans.ttf`, face: 0, name: 'DejaVuSans.ttf' },
      { path: `${DEJAVU}/DejaVuSans-Bold.ttf`, face: 0, name: 'DejaVuSans-Bold.ttf' },
    ],
  },
  // Face 0 of the collection is WenQuanYi Micro Hei; face 1, its monospaced twin, is never asked for.
  zh: { family: 'WenQuanYi Micro Hei', files: [{ path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', face: 0, name: 'wqy-microhei.ttf' }] },
};
const SYSTEM_FONTS: CardFont = { loadSystemFonts: true };
const RESVG_VERSION = (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version;

/** Debian's font files for `lang`, or null when they are not installed. */
function sourceFor(lang: CardLang): FontSource | null {
  const source = SOURCES[lang];
  return source.files.every((f) => existsSync(f.path)) ? source : null;
}

function option(family: string, files: string[]): CardFont {
  return { loadSystemFonts: false, fontFiles: files, sansSerifFamily: family, defaultFontFamily: family };
}

/** The whole fonts a card in `lang` is drawn with. */
export function cardFont(lang: CardLang): CardFont {
  const source = sourceFor(lang);
  return source ? option(source.family, source.files.map((f) => f.path)) : SYSTEM_FONTS;
}

const keys = new Map<CardLang, string>();

/**
 * What a card's picture depends on besides its SVG, as a hash for the cache key: resvg's
 * version, the PNG encoder, and the bytes of the fonts (a font update draws the cards again).
 */
export function cardRenderKey(lang: CardLang): string {
  let key = keys.get(lang);
  if (!key) {
    const hash = createHash('sha256').update(`resvg-js ${RESVG_VERSION}\n${ENCODER}\n`);
    const source = sourceFor(lang);
    if (source) for (const f of source.files) hash.update(`${f.path} ${f.face}\n`).update(readFileSync(f.path));
    else hash.update('system fonts');
    key = hash.digest('hex');
    keys.set(lang, key);
  }
  return key;
}

/**
 * The fonts for cards in `lang` whose text is all in `text`, written into `dir`: cut to those
 * characters (the same pictures as with cardFont, drawn faster), or the system's fonts.
 */
export function cardFontFor(lang: CardLang, text: string, dir: string): CardFont {
  const source = sourceFor(lang);
  if (!source) return SYSTEM_FONTS;
  const files = source.files.map((f) => {
    const file = join(dir, `${lang}-${f.name}`);
    writeFileSync(file, subsetFont(readFileSync(f.path), f.face, text));
    return file;
  });
  return option(source.family, files);
}

/** The language of a card from its root element's lang attribute. */
export function cardLang(svg: string): CardLang {
  return /^<svg [^>]*lang="zh/.test(svg) ? 'zh' : 'en';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every character a card's SVG has outside its tags, entities decoded: a superset of what it draws. */
export function cardText(svg: string): string {
  return svg
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
    );
}

/**
 * The card's PNG. `font` defaults to the whole fonts; cardFontFor's, made from text that
 * includes this card's, gives the same bytes faster.
 */
export function cardPng(svg: string, font: CardFont = cardFont(cardLang(svg))): Buffer {
  const image = new Resvg(svg, { font, fitTo: { mode: 'original' }, shapeRendering: 2, textRendering: 1 }).render();
  return encodePng(image.pixels, image.width, image.height);
}
