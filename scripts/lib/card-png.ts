/**
 * SVG → PNG for the social cards, with resvg (no browser needed). Fonts are named files when
 * Debian's are there, so a card looks the same on every machine that has them and resvg reads
 * as little as it must (it reads its fonts again for every picture): DejaVu Sans for English
 * cards, WenQuanYi Micro Hei (Chinese and Latin) for Chinese ones; otherwise the system's fonts.
 */
import { existsSync } from 'node:fs';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

type Font = NonNullable<ResvgRenderOptions['font']>;

const DEJAVU = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];
const WQY = ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'];

function fontFor(files: string[], family: string): Font {
  return files.every((f) => existsSync(f)) ? { loadSystemFonts: false, fontFiles: files, sansSerifFamily: family, defaultFontFamily: family } : { loadSystemFonts: true };
}

const fonts = new Map<string, Font>();

/** The fonts a card in `lang` is drawn with (also part of the cache key: other fonts, other picture). */
export function cardFont(lang: 'zh' | 'en'): Font {
  let font = fonts.get(lang);
  if (!font) {
    font = lang === 'zh' ? fontFor(WQY, 'WenQuanYi Micro Hei') : fontFor(DEJAVU, 'DejaVu Sans');
    fonts.set(lang, font);
  }
  return font;
}

/** The language of a card from its root element's lang attribute. */
export function cardLang(svg: string): 'zh' | 'en' {
  return /^<svg [^>]*lang="zh/.test(svg) ? 'zh' : 'en';
}

export function cardPng(svg: string): Buffer {
  return new Resvg(svg, { font: cardFont(cardLang(svg)), fitTo: { mode: 'original' }, shapeRendering: 2, textRendering: 1 }).render().asPng();
}
