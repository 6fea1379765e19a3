/**
 * Social-card pictures: the PNG encoder writes what it was given, fonts cut to a run's
 * characters draw the very same pictures as the whole fonts, and the same SVG gives the same bytes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cardFont, cardFontFor, cardLang, cardPng, cardText } from '../scripts/lib/card-png.ts';
import { encodePng } from '../scripts/lib/card-png-encode.ts';
import { chartCardSvg, plainCardSvg } from '../src/charts/card.ts';
import type { ChartSpec } from '../src/charts/spec.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Width, height, colour type and the unfiltered rows of a PNG this encoder wrote (one IDAT). */
function decode(png: Buffer): { width: number; height: number; colourType: number; rows: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const idat = png.indexOf('IDAT');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colourType: png[25]!, rows: inflateSync(png.subarray(idat + 4, idat + 4 + png.readUInt32BE(idat - 4))) };
}

describe('PNG encoder', () => {
  it('writes opaque pixels as they are and unmultiplies see-through ones', () => {
    // 2 × 1: opaque orange, then orange at half opacity premultiplied (255 × 0.5, 128 × 0.5).
    const { width, height, colourType, rows } = decode(encodePng(Uint8Array.from([255, 128, 0, 255, 128, 64, 0, 128]), 2, 1));
    expect([width, height, colourType]).toEqual([2, 1, 6]);
    expect([...rows]).toEqual([0, 255, 128, 0, 255, 255, 128, 0, 128]);
  });

  it('refuses pixels that are not width × height × 4 bytes', () => {
    expect(() => encodePng(new Uint8Array(7), 2, 1)).toThrow(/7 bytes for 2 × 1/);
  });
});

const spec = (lang: 'zh' | 'en'): ChartSpec => ({
  id: 'chart-funds', lang, kind: 'bar', title: lang === 'zh' ? '安阳市：医保基金收支' : 'Anyang: fund income & expenditure', unit: 'yuan', unitLabel: lang === 'zh' ? '元' : 'CNY',
  categories: ['2021', '2022', '2023'],
  series: [
    { name: lang === 'zh' ? '收入' : 'Income', points: [{ label: '2021', value: 120, fact: 'f-1' }, { label: '2022', value: 150, fact: 'f-2' }, { label: '2023', value: 90, fact: 'f-3' }] },
    { name: lang === 'zh' ? '支出' : 'Expenditure', points: [{ label: '2021', value: 100, fact: 'f-4' }, { label: '2022', value: 160, fact: 'f-5' }, { label: '2023', value: 95, fact: 'f-6' }] },
  ],
  source: 'Source: x', description: 'A chart.',
});

const cards = [
  chartCardSvg(spec('zh'), { site: '医疗保障统计年鉴', title: '安阳市，2022年' }),
  chartCardSvg(spec('en'), { site: 'Healthcare Security Statistical Yearbook', title: "Guang'an, 2022 — Zürich & co" }),
  plainCardSvg('en', { title: 'Healthcare Security Statistical Yearbook', tagline: 'Figures from Chinese healthcare security bulletins.' }),
];
// Debian's fonts (fonts-dejavu-core, fonts-wqy-microhei) are what the cards are drawn with; without them resvg uses the system's.
const debianFonts = (['zh', 'en'] as const).every((lang) => cardFont(lang).loadSystemFonts === false);

describe('social-card pictures', () => {
  it('are 1200 × 630 PNGs, the same bytes for the same SVG', () => {
    const png = cardPng(cards[0]!);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    expect(cardPng(cards[0]!).equals(png)).toBe(true);
  });

  it('read the characters a card draws from its SVG, entities decoded', () => {
    expect(cardLang(cards[1]!)).toBe('en');
    expect(cardText(cards[1]!)).toContain("Guang'an, 2022 — Zürich & co");
    expect(cardText('<svg><text>&#x5B89;&#38;&lt;</text></svg>')).toBe('安&<');
  });

  it.skipIf(!debianFonts)('drawn with fonts cut to the run’s characters are the pictures the whole fonts draw', () => {
    const [dir, other] = [mkdtempSync(join(tmpdir(), 'yearbook-card-fonts-')), mkdtempSync(join(tmpdir(), 'yearbook-card-fonts-'))];
    dirs.push(dir, other);
    const text = cards.map(cardText).join('');
    const fonts = { zh: cardFontFor('zh', text, dir), en: cardFontFor('en', text, dir) };
    for (const svg of cards) expect(cardPng(svg, fonts[cardLang(svg)]).equals(cardPng(svg))).toBe(true);
    // Cut without a card's characters, the picture is another: the comparison above can fail.
    const without = cardFontFor('zh', '0123456789', other);
    expect(cardPng(cards[0]!, without).equals(cardPng(cards[0]!))).toBe(false);
  });
});
