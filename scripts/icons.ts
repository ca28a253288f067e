/**
 * The app's icons, made from assets/icon.svg: the files electron-builder takes as they are, so it
 * never downloads its icon converter. `npm run icons` writes them; the packaging smoke test checks
 * that the committed ones are what this makes.
 *
 * - assets/icon.png: 1024x1024, the master raster (electron-builder's fallback on every platform)
 * - assets/icons/NxN.png: the Linux set (hicolor sizes, 16 to 512)
 * - assets/icon.ico: Windows, 16 to 64 as 32-bit BMP (read by every tool) and 256 as PNG
 * - assets/icon.icns: macOS, PNG in each slot from 16 to 1024 (512@2x), as iconutil writes them
 *
 * The SVG is drawn by resvg compiled to WebAssembly, so the bytes are the same on every machine.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { initWasm, Resvg } from '@resvg/resvg-wasm';

export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
export const ICO_BMP_SIZES = [16, 24, 32, 48, 64] as const;
export const ICO_PNG_SIZE = 256;
/** ICNS slot types with the pixel size each holds (the @2x slots hold twice their point size). */
export const ICNS_SLOTS = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
] as const;

let ready: Promise<void> | undefined;

function initResvg(): Promise<void> {
  if (!ready) {
    const require = createRequire(import.meta.url);
    ready = initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  }
  return ready;
}

interface Raster {
  readonly png: Buffer;
  /** RGBA premultiplied by alpha, top row first. */
  readonly pixels: Buffer;
}

/** Every icon file, by its path relative to the project, made from the SVG's text. */
export async function makeIcons(svg: string): Promise<Map<string, Buffer>> {
  await initResvg();
  const cache = new Map<number, Raster>();
  const raster = (size: number): Raster => {
    let found = cache.get(size);
    if (!found) {
      const image = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render();
      if (image.width !== size || image.height !== size) throw new Error(`icon.svg drew ${image.width}x${image.height}, not ${size}x${size}`);
      found = { png: Buffer.from(image.asPng()), pixels: Buffer.from(image.pixels) };
      image.free();
      cache.set(size, found);
    }
    return found;
  };

  const files = new Map<string, Buffer>();
  files.set('assets/icon.png', raster(1024).png);
  for (const size of LINUX_SIZES) files.set(`assets/icons/${size}x${size}.png`, raster(size).png);
  files.set(
    'assets/icon.ico',
    ico([...ICO_BMP_SIZES.map((size) => ({ size, data: icoBitmap(size, raster(size).pixels) })), { size: ICO_PNG_SIZE, data: raster(ICO_PNG_SIZE).png }]),
  );
  files.set('assets/icon.icns', icns(ICNS_SLOTS.map(([type, size]) => ({ type, data: raster(size).png }))));
  return files;
}

/** An ICO file: a 6-byte header, a 16-byte entry per image, then the images. */
function ico(images: readonly { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1: icon
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, data }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    header.writeUInt8(0, entry + 2); // no palette
    header.writeUInt8(0, entry + 3);
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(data.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += data.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.data)]);
}

/** An ICO image in BMP form: a BITMAPINFOHEADER, BGRA rows bottom first, then a 1-bit AND mask. */
function icoBitmap(size: number, rgba: Buffer): Buffer {
  const maskRow = Math.ceil(size / 32) * 4;
  const out = Buffer.alloc(40 + size * size * 4 + maskRow * size);
  out.writeUInt32LE(40, 0);
  out.writeInt32LE(size, 4);
  out.writeInt32LE(size * 2, 8); // the colour rows and the mask rows
  out.writeUInt16LE(1, 12);
  out.writeUInt16LE(32, 14);
  out.writeUInt32LE(0, 16); // BI_RGB
  out.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  let at = 40;
  for (let y = size - 1; y >= 0; y--) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const alpha = rgba[from + 3] ?? 0;
      // resvg's pixels are premultiplied by alpha; a BMP icon's are not.
      const straight = (channel: number): number => (alpha === 0 ? 0 : Math.min(255, Math.round(((rgba[from + channel] ?? 0) * 255) / alpha)));
      out[at++] = straight(2);
      out[at++] = straight(1);
      out[at++] = straight(0);
      out[at++] = alpha;
    }
  }
  // The AND mask stays zero: with 32-bit colour, Windows takes transparency from the alpha bytes.
  return out;
}

/** An ICNS file: 'icns' and its length, then each slot as its type, its length and a PNG. */
function icns(slots: readonly { type: string; data: Buffer }[]): Buffer {
  const parts = slots.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(8 + data.length, 4);
    return Buffer.concat([head, data]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}
