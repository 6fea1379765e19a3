import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBulletin } from '../src/pipeline/decode.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: Array<Uint8Array | number[]>): Uint8Array => {
  const all = parts.flatMap((p) => [...p]);
  return Uint8Array.from(all);
};
const BOM_UTF8 = [0xef, 0xbb, 0xbf];

// Deterministic "random" bytes (a linear congruential generator), so that a failure reproduces.
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0;
    out[i] = (state >>> 16) & 0xff || 0xff;
  }
  return out;
}

describe('decodeBulletin: text encodings', () => {
  it.each([
    ['UTF-8 without BOM', utf8('2021年参保人数714.9万人'), '2021年参保人数714.9万人', 'utf-8'],
    ['UTF-8 with BOM (the BOM is not part of the text)', bytes(BOM_UTF8, utf8('截至2022年底，参保人数556.73万人。\n')), '截至2022年底，参保人数556.73万人。\n', 'utf-8 (BOM)'],
    ['UTF-16LE with BOM', new Uint8Array(Buffer.from('\uFEFF一、基本医疗保险\r\n参保率96％以上', 'utf16le')), '一、基本医疗保险\r\n参保率96％以上', 'utf-16le'],
    ['UTF-16BE with BOM', new Uint8Array(Buffer.from('\uFEFF参保人数', 'utf16le').swap16()), '参保人数', 'utf-16be'],
    ['plain ASCII', utf8('DRG 2022\n'), 'DRG 2022\n', 'utf-8'],
  ])('%s', (_name, input, text, encoding) => {
    expect(decodeBulletin(input)).toEqual({ ok: true, text, encoding, problems: [] });
  });

  it.each([
    ['a single sentence', '2021年参保人数714.9万人'],
    ['a bulletin with full-width punctuation and ％', '2022年洛阳市医疗保障事业发展统计公报\n\n（一）参保人员情况。\n截至2022年底，全市基本医疗保险参保人数655.37万人，参保率稳定在96％以上。\n'],
    ['a yearbook line with half-width punctuation', '【概况】 2021 年,全市征缴职工医疗生育保险基金20.3 亿元(王 涛 赵 冉)\n'],
    ['four-byte and non-GBK characters', '罕用字𠀀与欧元符号€也能往返'],
  ])('GB18030 without any declaration decodes back exactly: %s', (_name, text) => {
    const encoded = new Uint8Array(iconv.encode(text, 'gb18030'));
    // Guard: the bytes must not also be valid UTF-8, or the test would not exercise GB18030.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encoded)).toThrow();
    expect(decodeBulletin(encoded)).toEqual({ ok: true, text, encoding: 'gb18030', problems: [] });
  });
});

describe('decodeBulletin: files that are not text', () => {
  it('rejects an empty file', () => {
    expect(decodeBulletin(new Uint8Array(0))).toEqual({ ok: false, reason: expect.stringMatching(/empty/), line: null });
  });

  it.each([
    ['a PNG image (NUL after the header)', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]), 8, 3],
    ['text lines then a NUL', bytes(utf8('第一行\n第二行\n'), [0x00, 0x01, 0x02]), 20, 3],
    ['a NUL as the first byte', bytes([0x00, 0x41, 0x42]), 0, 1],
  ])('rejects %s, naming the offset and the line', (_name, input, offset, line) => {
    const decoded = decodeBulletin(input);
    expect(decoded).toEqual({ ok: false, reason: expect.stringMatching(/binary/), line });
    if (!decoded.ok) expect(decoded.reason).toContain(`offset ${offset}`);
  });

  it('rejects bytes that are valid UTF-8 but mostly control characters', () => {
    const controls = Array.from({ length: 60 }, (_, k) => 1 + (k % 8));
    expect(decodeBulletin(bytes(controls, utf8('ab')))).toEqual({ ok: false, reason: expect.stringMatching(/binary/), line: null });
  });

  it('rejects a binary file that happens to start with FF FE, the UTF-16LE byte-order mark', () => {
    // Sixteen U+0000 "characters" are not text, whatever the first two bytes say.
    const decoded = decodeBulletin(bytes([0xff, 0xfe], new Array<number>(32).fill(0)));
    expect(decoded.ok).toBe(false);
  });

  it('rejects random bytes that are neither UTF-8 nor GB18030', () => {
    const input = noise(512, 20220101);
    // 0x9C cannot start a UTF-8 character, so the first undecodable byte is the first one.
    input[0] = 0x9c;
    expect(decodeBulletin(input)).toEqual({ ok: false, reason: expect.stringMatching(/offset 0\b/), line: 1 });
  });

  it('rejects a text whose tail is undecodable garbage, naming where it starts', () => {
    const input = bytes(utf8('参保人数\n'), [0xff, 0xfe, 0xfd, 0x80]);
    expect(decodeBulletin(input)).toEqual({ ok: false, reason: expect.stringMatching(/offset 13\b/), line: 2 });
  });
});

describe('decodeBulletin: a UTF-8 file cut off inside its last character', () => {
  const full = utf8('参保人数714.9万人');
  const long = '截至2022年底，安阳市基本医疗保险参保人数556.73万人，参保覆盖面稳定在96%以上。';
  it.each([
    ['the last character lost one of its three bytes', full.subarray(0, full.length - 1), '参保人数714.9万', 'utf-8', 1],
    ['only the lead byte of the last character is left, on line 2', bytes(utf8('第一行\n参保人数714.9万人')).subarray(0, -2), '第一行\n参保人数714.9万', 'utf-8', 2],
    ['a four-byte character cut after two bytes', utf8('统计𠀀').subarray(0, -2), '统计', 'utf-8', 1],
    ['the file has a UTF-8 BOM', bytes(BOM_UTF8, full.subarray(0, full.length - 1)), '参保人数714.9万', 'utf-8 (BOM)', 1],
    ['a longer file with a UTF-8 BOM, cut on line 3', bytes(BOM_UTF8, utf8(`${long}\n\n${long}人`).subarray(0, -1)), `${long}\n\n${long}`, 'utf-8 (BOM)', 3],
  ])('%s: decoded, the torn character dropped and reported', (_name, input, text, encoding, line) => {
    expect(decodeBulletin(input)).toEqual({
      ok: true,
      text,
      encoding,
      problems: [{ line, message: expect.stringMatching(/truncated/) }],
    });
  });
});
