import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** Writes the two Teams app icons as real PNGs (a white "IOM" cross mark on blue; white outline on transparent). */
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A speech bubble with a health cross, drawn on a unit square. */
function mark(u: number, v: number): boolean {
  const inCross = (Math.abs(u - 0.5) < 0.07 && Math.abs(v - 0.45) < 0.2) || (Math.abs(v - 0.45) < 0.07 && Math.abs(u - 0.5) < 0.2);
  const inBubbleRing = Math.hypot(u - 0.5, v - 0.45) < 0.36 && Math.hypot(u - 0.5, v - 0.45) > 0.3;
  const inTail = v > 0.7 && v < 0.9 && u > 0.28 && u < 0.28 + (0.9 - v) * 0.8;
  return inCross || inBubbleRing || inTail;
}

writeFileSync('teams/color.png', png(192, (x, y) => (mark(x / 192, y / 192) ? [255, 255, 255, 255] : [0, 51, 160, 255])));
writeFileSync('teams/outline.png', png(32, (x, y) => (mark(x / 32, y / 32) ? [255, 255, 255, 255] : [0, 0, 0, 0])));
