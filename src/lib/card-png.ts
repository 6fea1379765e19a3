/**
 * SVG → PNG for the social cards, with resvg (no browser needed). The fonts are Debian's Noto
 * Sans CJK files when present (they hold Latin and Chinese, so a card looks the same on every
 * machine that has them); otherwise whatever sans-serif the system has. Rendered pictures are
 * kept in a cache keyed by a hash of the SVG, so a rebuild only draws cards that changed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

const NOTO = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc'];
const CACHE = join(process.cwd(), 'node_modules/.cache/yearbook-cards');

function fontOptions(): NonNullable<ResvgRenderOptions['font']> {
  const files = NOTO.filter((f) => existsSync(f));
  return files.length ? { loadSystemFonts: false, fontFiles: files, sansSerifFamily: 'Noto Sans CJK SC', defaultFontFamily: 'Noto Sans CJK SC' } : { loadSystemFonts: true };
}

let font: ReturnType<typeof fontOptions> | undefined;

export function cardPng(svg: string): Buffer {
  font ??= fontOptions();
  const key = createHash('sha256').update(JSON.stringify(font)).update(svg).digest('hex');
  const cached = join(CACHE, `${key}.png`);
  if (existsSync(cached)) return readFileSync(cached);
  const png = new Resvg(svg, { font, fitTo: { mode: 'original' }, shapeRendering: 2, textRendering: 1 }).render().asPng();
  mkdirSync(CACHE, { recursive: true });
  // Written under another name first: a cache file is either whole or absent.
  writeFileSync(`${cached}.tmp`, png);
  renameSync(`${cached}.tmp`, cached);
  return png;
}
