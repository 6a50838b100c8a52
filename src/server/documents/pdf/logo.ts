import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** A logo larger than this (in pixels, either side) is not decoded: a 256 KB WebP could otherwise unpack to gigabytes. */
const MAX_SIDE = 4096;

/**
 * The organization's logo as react-pdf can embed it: PNG and JPEG data URLs as they are, WebP
 * decoded (libwebp in WebAssembly, @cwasm/webp) and written as PNG. null for anything else, or a
 * WebP that is too large or does not decode: the document then prints without a logo rather than
 * failing.
 */
export function printableLogo(dataUrl: string | null): string | null {
  if (!dataUrl) return null;
  if (/^data:image\/(png|jpe?g);base64,/.test(dataUrl)) return dataUrl;
  const m = /^data:image\/webp;base64,(.+)$/s.exec(dataUrl);
  if (!m) return null;
  try {
    const png = webpToPng(Buffer.from(m[1], 'base64'));
    return png ? `data:image/png;base64,${png.toString('base64')}` : null;
  } catch {
    return null;
  }
}

/** A WebP file as a PNG file (RGBA, 8 bits), or null when it is not a WebP or larger than MAX_SIDE. */
export function webpToPng(webp: Buffer): Buffer | null {
  const size = webpSize(webp);
  if (!size || size.width > MAX_SIDE || size.height > MAX_SIDE) return null;
  const { width, height, data } = decoder().decode(webp);
  // Each row starts with its filter byte (0: none).
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(data.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filters, no interlace
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

/** Width and height from the WebP header (simple lossy, lossless or extended), before decoding anything. */
function webpSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 30 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return null;
  switch (b.toString('latin1', 12, 16)) {
    case 'VP8 ':
      return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
    case 'VP8L': {
      const bits = b.readUInt32LE(21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
    }
    case 'VP8X':
      return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
    default:
      return null;
  }
}

type WebpDecoder = { decode(input: Uint8Array): { width: number; height: number; data: Uint8ClampedArray } };
let webpDecoder: WebpDecoder | undefined;
// Loaded on first use (it compiles its WebAssembly on load), with require from the project's root as
// the fonts are found (fonts.ts): the package reads its .wasm file from node_modules beside it.
const decoder = () => (webpDecoder ??= createRequire(path.join(process.cwd(), 'package.json'))('@cwasm/webp') as WebpDecoder);
