// `npm run icons`: writes the app's icons into public/icons/ (SVG, PNG 192 and 512, and a
// maskable 512 with the drawing inside the safe zone) from data/app-icons/icon-shapes.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { iconShapes, iconSvg } from './app-icons/icon-shapes.ts';
import { rasterize } from './app-icons/rasterize.ts';

const outDir = fileURLToPath(new URL('../public/icons/', import.meta.url));
mkdirSync(outDir, { recursive: true });

function png(size: number, maskable: boolean): Buffer {
  const image = new PNG({ width: size, height: size });
  image.data = Buffer.from(rasterize(iconShapes({ maskable }), size));
  return PNG.sync.write(image);
}

const files: Record<string, string | Buffer> = {
  'icon.svg': iconSvg(iconShapes({ maskable: false })),
  'icon-192.png': png(192, false),
  'icon-512.png': png(512, false),
  'maskable-512.png': png(512, true),
  'apple-touch-icon.png': png(180, true),
};
for (const [name, data] of Object.entries(files)) {
  writeFileSync(outDir + name, data);
  console.log(`wrote public/icons/${name}`);
}
