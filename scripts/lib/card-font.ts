/**
 * Cuts a TrueType font down to the glyphs a set of social cards draws, keeping every glyph's
 * number ("retain glyph ids"): only the outlines of glyphs no card uses are emptied, so the
 * character map, advances, kerning and substitutions are the original's and a card drawn with
 * the cut font is the same picture, pixel for pixel, as with the whole one.
 *
 * Why: resvg reads a font file again for every run of text it lays out, and WenQuanYi Micro
 * Hei is 5 MB: that reading was most of a Chinese card's time. The cut font is about 0.5 MB.
 */

type Tables = Map<string, Buffer>;

/** The tables of one face of a font file (.ttf, or face `face` of a .ttc collection). */
function readFace(file: Buffer, face: number): Tables {
  const start = file.toString('latin1', 0, 4) === 'ttcf' ? file.readUInt32BE(12 + 4 * face) : 0;
  const tables: Tables = new Map();
  for (let i = 0; i < file.readUInt16BE(start + 4); i++) {
    const record = start + 12 + 16 * i;
    const offset = file.readUInt32BE(record + 8);
    tables.set(file.toString('latin1', record, record + 4), file.subarray(offset, offset + file.readUInt32BE(record + 12)));
  }
  return tables;
}

/** Glyphs of `codepoints` in every Unicode subtable of the character map (formats 4 and 12). */
function mappedGlyphs(cmap: Buffer, codepoints: Set<number>): Set<number> {
  const glyphs = new Set<number>();
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const platform = cmap.readUInt16BE(4 + 8 * i);
    const encoding = cmap.readUInt16BE(6 + 8 * i);
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const t = cmap.subarray(cmap.readUInt32BE(8 + 8 * i));
    const format = t.readUInt16BE(0);
    for (const cp of codepoints) {
      const glyph = format === 4 ? format4(t, cp) : format === 12 ? format12(t, cp) : 0;
      if (glyph) glyphs.add(glyph);
    }
  }
  return glyphs;
}

function format4(t: Buffer, cp: number): number {
  if (cp > 0xffff) return 0;
  const segments = t.readUInt16BE(6) / 2;
  const [ends, starts, deltas, ranges] = [14, 16 + 2 * segments, 16 + 4 * segments, 16 + 6 * segments];
  for (let i = 0; i < segments; i++) {
    if (cp > t.readUInt16BE(ends + 2 * i)) continue;
    const start = t.readUInt16BE(starts + 2 * i);
    if (cp < start) return 0;
    const range = t.readUInt16BE(ranges + 2 * i);
    const delta = t.readInt16BE(deltas + 2 * i);
    if (!range) return (cp + delta) & 0xffff;
    const glyph = t.readUInt16BE(ranges + 2 * i + range + 2 * (cp - start));
    return glyph ? (glyph + delta) & 0xffff : 0;
  }
  return 0;
}

function format12(t: Buffer, cp: number): number {
  for (let i = 0; i < t.readUInt32BE(12); i++) {
    const group = 16 + 12 * i;
    if (cp >= t.readUInt32BE(group) && cp <= t.readUInt32BE(group + 4)) return t.readUInt32BE(group + 8) + cp - t.readUInt32BE(group);
  }
  return 0;
}

function coverage(t: Buffer): number[] {
  const glyphs: number[] = [];
  if (t.readUInt16BE(0) === 1) for (let i = 0; i < t.readUInt16BE(2); i++) glyphs.push(t.readUInt16BE(4 + 2 * i));
  else for (let i = 0; i < t.readUInt16BE(2); i++) for (let g = t.readUInt16BE(4 + 6 * i); g <= t.readUInt16BE(6 + 6 * i); g++) glyphs.push(g);
  return glyphs;
}

/**
 * Every glyph any substitution can put in a text (ligatures, alternates, decompositions), found
 * without working out which rules apply: keeping a few glyphs too many costs little.
 */
function substitutionOutputs(gsub: Buffer | undefined): number[] {
  if (!gsub) return [];
  const out: number[] = [];
  const list = gsub.subarray(gsub.readUInt16BE(8));
  const u16s = (t: Buffer, at: number, count: number) => Array.from({ length: count }, (_, k) => t.readUInt16BE(at + 2 * k));
  const subtable = (type: number, t: Buffer): void => {
    const format = t.readUInt16BE(0);
    if (type === 7) return subtable(t.readUInt16BE(2), t.subarray(t.readUInt32BE(4)));
    if (type === 1 && format === 1) for (const g of coverage(t.subarray(t.readUInt16BE(2)))) out.push((g + t.readInt16BE(4)) & 0xffff);
    if (type === 1 && format === 2) out.push(...u16s(t, 6, t.readUInt16BE(4)));
    if (type === 2 || type === 3)
      for (const at of u16s(t, 6, t.readUInt16BE(4))) out.push(...u16s(t, at + 2, t.readUInt16BE(at)));
    if (type === 4)
      for (const set of u16s(t, 6, t.readUInt16BE(4))) for (const lig of u16s(t, set + 2, t.readUInt16BE(set))) out.push(t.readUInt16BE(set + lig));
    if (type === 8) {
      const back = t.readUInt16BE(4);
      const ahead = t.readUInt16BE(6 + 2 * back);
      out.push(...u16s(t, 10 + 2 * back + 2 * ahead, t.readUInt16BE(8 + 2 * back + 2 * ahead)));
    }
  };
  for (const at of u16s(list, 2, list.readUInt16BE(0))) {
    const lookup = list.subarray(at);
    for (const sub of u16s(lookup, 6, lookup.readUInt16BE(4))) subtable(lookup.readUInt16BE(0), lookup.subarray(sub));
  }
  return out;
}

/** The glyphs a composite glyph is made of. */
function components(glyph: Buffer): number[] {
  if (glyph.length === 0 || glyph.readInt16BE(0) >= 0) return [];
  const parts: number[] = [];
  for (let at = 10; ; ) {
    const flags = glyph.readUInt16BE(at);
    parts.push(glyph.readUInt16BE(at + 2));
    at += 4 + (flags & 0x1 ? 4 : 2) + (flags & 0x8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
    if (!(flags & 0x20)) return parts;
  }
}

function checksum(data: Buffer): number {
  const padded = data.length % 4 ? Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]) : data;
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** A .ttf of the given tables, in tag order, with the checksums a font validator expects. */
function writeFont(tables: Tables): Buffer {
  const tags = [...tables.keys()].sort();
  const directory = Buffer.alloc(12 + 16 * tags.length);
  const log2 = Math.floor(Math.log2(tags.length));
  directory.writeUInt32BE(0x00010000, 0);
  directory.writeUInt16BE(tags.length, 4);
  directory.writeUInt16BE(16 * 2 ** log2, 6);
  directory.writeUInt16BE(log2, 8);
  directory.writeUInt16BE(16 * tags.length - 16 * 2 ** log2, 10);
  const body: Buffer[] = [];
  let offset = directory.length;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const record = 12 + 16 * i;
    directory.write(tag, record, 'latin1');
    directory.writeUInt32BE(checksum(data), record + 4);
    directory.writeUInt32BE(offset, record + 8);
    directory.writeUInt32BE(data.length, record + 12);
    const padding = Buffer.alloc((4 - (data.length % 4)) % 4);
    body.push(data, padding);
    offset += data.length + padding.length;
  });
  const font = Buffer.concat([directory, ...body]);
  const head = directory.readUInt32BE(12 + 16 * tags.indexOf('head') + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, head + 8);
  return font;
}

/**
 * The face `face` of `file` with the outlines of only the glyphs that `text` needs: its
 * characters (and their composed and decomposed forms, which a shaper may use instead), the
 * glyphs substitutions can produce, and the parts of composite glyphs.
 *
 * @example
 *   subsetFont(readFileSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'), 0, '安阳 Anyang') // a 0.5 MB .ttf
 */
export function subsetFont(file: Buffer, face: number, text: string): Buffer {
  const tables = readFace(file, face);
  const [head, loca, glyf, maxp, cmap] = ['head', 'loca', 'glyf', 'maxp', 'cmap'].map((tag) => tables.get(tag));
  if (!head || !loca || !glyf || !maxp || !cmap) throw new Error('subsetFont: not a TrueType font with glyf outlines');
  const codepoints = new Set<number>();
  for (const form of [text, text.normalize('NFD'), text.normalize('NFC'), ' -']) for (const ch of form) codepoints.add(ch.codePointAt(0)!);
  const count = maxp.readUInt16BE(4);
  const longOffsets = head.readInt16BE(50) === 1;
  const at = (g: number) => (longOffsets ? loca.readUInt32BE(4 * g) : 2 * loca.readUInt16BE(2 * g));
  const outline = (g: number) => glyf.subarray(at(g), at(g + 1));
  const keep = new Set([0, ...mappedGlyphs(cmap, codepoints), ...substitutionOutputs(tables.get('GSUB'))].filter((g) => g < count));
  for (const g of keep) for (const part of components(outline(g))) keep.add(part);

  const newLoca = Buffer.alloc(4 * (count + 1));
  const outlines: Buffer[] = [];
  let offset = 0;
  for (let g = 0; g < count; g++) {
    newLoca.writeUInt32BE(offset, 4 * g);
    if (!keep.has(g)) continue;
    const data = outline(g);
    const padding = Buffer.alloc((4 - (data.length % 4)) % 4);
    outlines.push(data, padding);
    offset += data.length + padding.length;
  }
  newLoca.writeUInt32BE(offset, 4 * count);
  const newHead = Buffer.from(head);
  newHead.writeUInt32BE(0, 8); // checkSumAdjustment, set by writeFont
  newHead.writeInt16BE(1, 50); // long loca offsets
  // post format 3: the same metrics without glyph names (0.5 MB in WenQuanYi), which drawing never reads.
  const post = tables.get('post');
  if (post) {
    const newPost = Buffer.from(post.subarray(0, 32));
    newPost.writeUInt32BE(0x00030000, 0);
    tables.set('post', newPost);
  }
  tables.set('head', newHead);
  tables.set('loca', newLoca);
  tables.set('glyf', Buffer.concat(outlines));
  // Vertical metrics (horizontal cards only), the font editor's stamp, and a signature the cut would break.
  for (const tag of ['vhea', 'vmtx', 'FFTM', 'DSIG']) tables.delete(tag);
  return writeFont(tables);
}
