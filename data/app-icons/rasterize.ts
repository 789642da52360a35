// A small scanline rasterizer for the icon's polygons: each shape is filled (even-odd) on a
// grid `supersample` times finer than the output, then blocks are averaged, which antialiases
// the edges. Enough for flat icons; no dependency beyond pngjs to write the file.
import type { Shape } from './icon-shapes.ts';

function rgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** RGBA pixels of `size` × `size`, transparent where no shape is. */
export function rasterize(shapes: Shape[], size: number, supersample = 4): Uint8Array {
  const n = size * supersample;
  const scale = n / 512;
  const colour = new Int16Array(n * n).fill(-1);
  shapes.forEach((shape, index) => {
    const pts = shape.points.map(([x, y]) => [x * scale, y * scale] as const);
    for (let row = 0; row < n; row++) {
      const y = row + 0.5;
      const xs: number[] = [];
      for (let i = 0; i < pts.length; i++) {
        const [x0, y0] = pts[i]!;
        const [x1, y1] = pts[(i + 1) % pts.length]!;
        if ((y0 <= y && y1 > y) || (y1 <= y && y0 > y)) xs.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0));
      }
      xs.sort((a, b) => a - b);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const from = Math.max(0, Math.ceil(xs[k]! - 0.5));
        const to = Math.min(n - 1, Math.floor(xs[k + 1]! - 0.5));
        for (let col = from; col <= to; col++) colour[row * n + col] = index;
      }
    }
  });
  const palette = shapes.map((s) => rgb(s.colour));
  const out = new Uint8Array(size * size * 4);
  const per = supersample * supersample;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < supersample; sy++) {
        for (let sx = 0; sx < supersample; sx++) {
          const c = colour[(py * supersample + sy) * n + px * supersample + sx]!;
          if (c < 0) continue;
          const [cr, cg, cb] = palette[c]!;
          r += cr; g += cg; b += cb; covered++;
        }
      }
      const o = (py * size + px) * 4;
      if (covered === 0) continue;
      out[o] = Math.round(r / covered);
      out[o + 1] = Math.round(g / covered);
      out[o + 2] = Math.round(b / covered);
      out[o + 3] = Math.round((255 * covered) / per);
    }
  }
  return out;
}
