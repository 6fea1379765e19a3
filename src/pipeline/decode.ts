/**
 * Read stage: raw bytes → text. The encoding is detected, not assumed: a UTF-8 or UTF-16 BOM,
 * then strict UTF-8, then GB18030 (which covers GBK and GB2312). Files that are empty, binary
 * or undecodable are rejected with a reason naming the line.
 */
export type Decoded =
  | { ok: true; text: string; encoding: string; problems: Array<{ line: number | null; message: string }> }
  | { ok: false; reason: string; line: number | null };

/**
 * @example
 *   decodeBulletin(new TextEncoder().encode('参保人数')) // { ok: true, text: '参保人数', encoding: 'utf-8', … }
 */
export function decodeBulletin(input: Uint8Array): Decoded {
  let bytes = input;
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)', line: null };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodedWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodedWith('utf-16be', bytes.subarray(2));
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (bom) bytes = bytes.subarray(3);
  const utf8 = bom ? 'utf-8 (BOM)' : 'utf-8';

  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return { ok: false, reason: `binary file: NUL byte at offset ${nul}`, line: lineAt(bytes, nul) };
  }
  const invalid = firstInvalidUtf8(bytes);
  if (invalid < 0) return finishUtf8(bytes, utf8);
  // A file cut off inside its last character is still UTF-8: keep all but the torn character.
  if (invalid >= bytes.length - 3 && isIncompleteTail(bytes, invalid)) {
    const decoded = finishUtf8(bytes.subarray(0, invalid), utf8);
    if (decoded.ok) {
      decoded.problems.push({
        line: lineAt(bytes, invalid),
        message: 'file ends inside a UTF-8 character (truncated); the incomplete character was dropped',
      });
    }
    return decoded;
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    if (looksLikeText(text)) return { ok: true, text, encoding: 'gb18030', problems: [] };
  } catch {
    // fall through: neither UTF-8 nor GB18030
  }
  return {
    ok: false,
    reason: `undecodable bytes at offset ${invalid}: neither UTF-8 nor GB18030`,
    line: lineAt(bytes, invalid),
  };
}

function decodedWith(encoding: string, bytes: Uint8Array): Decoded {
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    if (!looksLikeText(text)) return { ok: false, reason: `binary file: mostly control characters despite its ${encoding} byte-order mark`, line: null };
    return { ok: true, text, encoding, problems: [] };
  } catch {
    return { ok: false, reason: `undecodable ${encoding} text despite its byte-order mark`, line: null };
  }
}

function finishUtf8(bytes: Uint8Array, encoding: string): Decoded {
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!looksLikeText(text)) {
    return { ok: false, reason: 'binary file: mostly control characters', line: null };
  }
  return { ok: true, text, encoding, problems: [] };
}

// Control characters other than tab/newline/CR/form feed are rare in text; many mean binary.
function looksLikeText(text: string): boolean {
  if (text.trim() === '') return true;
  let control = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if ((code < 0x20 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) control++;
  }
  return control / text.length < 0.05;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return -1;
}

function isIncompleteTail(bytes: Uint8Array, at: number): boolean {
  const b = bytes[at]!;
  const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  return need > 0 && at + need >= bytes.length;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}
