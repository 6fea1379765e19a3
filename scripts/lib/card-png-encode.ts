/**
 * RGBA pixels → PNG, with Node's zlib at its fastest level. resvg's own encoder tries every
 * row filter at full compression: 13 ms of CPU a card against about 4 here, for files about
 * as small (a card is mostly flat colour, which any level compresses well).
 */
import { crc32, deflateSync } from 'node:zlib';

/** Bumped whenever the bytes this encoder writes change: part of the cards' cache key. */
export const ENCODER = `png-rgba-none-deflate1 zlib ${process.versions.zlib}`;

let scratch = Buffer.alloc(0);

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Encodes `pixels` (width × height × 4 bytes, RGBA with alpha premultiplied, as resvg and
 * tiny-skia keep them) as an 8-bit RGBA PNG. Opaque pixels, all of a card, are written as they are.
 */
export function encodePng(pixels: Uint8Array, width: number, height: number): Buffer {
  const row = width * 4;
  if (pixels.length !== row * height) throw new Error(`encodePng: ${pixels.length} bytes for ${width} × ${height} pixels`);
  // Each row is its filter-type byte (0: none) and the row's bytes, in a buffer kept from card to
  // card: a fresh 3 MB each time costs the system as much time as the copying.
  if (scratch.length < (row + 1) * height) scratch = Buffer.alloc((row + 1) * height);
  const raw = scratch.subarray(0, (row + 1) * height);
  for (let y = 0; y < height; y++) {
    const at = y * (row + 1);
    raw[at] = 0;
    raw.set(pixels.subarray(y * row, (y + 1) * row), at + 1);
  }
  for (let i = 3; i < pixels.length; i += 4) {
    const alpha = pixels[i]!;
    if (alpha === 255) continue;
    // PNG keeps colour unmultiplied: undo the premultiplication of a see-through pixel.
    const at = Math.floor(i / row) * (row + 1) + 1 + (i % row);
    for (let c = 1; c <= 3; c++) raw[at - c] = alpha === 0 ? 0 : Math.min(255, Math.round((raw[at - c]! * 255) / alpha));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits a channel, RGBA, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
