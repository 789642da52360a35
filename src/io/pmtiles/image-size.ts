// What a raster tile's first bytes say: which image format it is (by its signature), and its pixel
// width (PNG IHDR, JPEG SOF, WebP VP8/VP8L/VP8X), so a raster archive is drawn at its own tile
// size (256 or 512 px) and not scaled by a guess.
export type ImageSignature = 'png' | 'jpg' | 'webp' | 'avif';

export function imageSignature(b: Uint8Array): ImageSignature | null {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpg';
  if (String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP') return 'webp';
  if (String.fromCharCode(...b.subarray(4, 8)) === 'ftyp') return 'avif';
  return null;
}

export function imageWidth(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50) return view.getUint32(16);
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let i = 2; i + 9 < bytes.length;) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return view.getUint16(i + 7);
      i += 2 + view.getUint16(i + 2);
    }
    return null;
  }
  if (bytes.length >= 30 && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') {
    const chunk = String.fromCharCode(...bytes.subarray(12, 16));
    if (chunk === 'VP8 ') return view.getUint16(26, true) & 0x3fff;
    if (chunk === 'VP8L') return (view.getUint16(21, true) & 0x3fff) + 1;
    if (chunk === 'VP8X') return (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16)) + 1;
  }
  return null;
}
