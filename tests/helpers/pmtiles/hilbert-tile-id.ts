// PMTiles v3 tile ids, written from the spec (not taken from the pmtiles library, so that tests
// check one implementation against the other): tiles of all lower zooms come first, then the
// tile's position along a Hilbert curve over its zoom's 2^z × 2^z grid.
export function tileId(z: number, x: number, y: number): number {
  let acc = 0;
  for (let t = 0; t < z; t++) acc += 4 ** t;
  const n = 2 ** z;
  let [tx, ty, d] = [x, y, 0];
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (tx & s) > 0 ? 1 : 0;
    const ry = (ty & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) {
        tx = n - 1 - tx;
        ty = n - 1 - ty;
      }
      [tx, ty] = [ty, tx];
    }
  }
  return acc + d;
}
