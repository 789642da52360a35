// The app icon, as shapes on a 512 × 512 canvas: a green tile, a terraced mine slope in earth
// brown, and a young leaf growing from it (复绿, "greening again"). Drawn once into SVG and PNG.
export type Point = [number, number];

export interface Shape {
  /** Closed outline; filled with the even-odd rule. */
  points: Point[];
  colour: string;
}

const GREEN = '#2e7d32';
const EARTH = '#a1887f';
const EARTH_DARK = '#6d4c41';
const LEAF = '#c5e1a5';

function roundedSquare(inset: number, radius: number): Point[] {
  const out: Point[] = [];
  const [a, b] = [inset + radius, 512 - inset - radius];
  const corners: [number, number, number][] = [[b, b, 0], [a, b, 90], [a, a, 180], [b, a, 270]];
  for (const [cx, cy, start] of corners) {
    for (let d = 0; d <= 90; d += 6) {
      const t = ((start + d) * Math.PI) / 180;
      out.push([cx + radius * Math.cos(t), cy + radius * Math.sin(t)]);
    }
  }
  return out;
}

/** A leaf: two circular arcs meeting at the tip and the base, turned by `angle` about its base. */
function leaf(base: Point, length: number, width: number, angle: number): Point[] {
  const side: Point[] = [];
  for (let i = 0; i <= 24; i++) {
    const s = i / 24;
    side.push([s * length, Math.sin(Math.PI * s) * width * (1 - 0.25 * s)]);
  }
  const outline = [...side, ...side.slice(1, -1).reverse().map(([x, y]): Point => [x, -y])];
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  return outline.map(([x, y]): Point => [base[0] + x * c - y * s, base[1] + x * s + y * c]);
}

/** A maskable icon fills its whole square and keeps the drawing inside the central safe zone. */
export function iconShapes(options: { maskable: boolean }): Shape[] {
  const k = options.maskable ? 0.8 : 1;
  const at = ([x, y]: Point): Point => [256 + (x - 256) * k, 256 + (y - 256) * k];
  const tile = options.maskable ? [[0, 0], [512, 0], [512, 512], [0, 512]] as Point[] : roundedSquare(16, 96);
  const slope: Point[] = [[64, 420], [64, 372], [150, 372], [150, 322], [236, 322], [236, 272], [322, 272], [322, 222], [448, 222], [448, 420]];
  const ledges: Point[][] = [
    [[64, 372], [150, 372], [150, 384], [64, 384]],
    [[150, 322], [236, 322], [236, 334], [150, 334]],
    [[236, 272], [322, 272], [322, 284], [236, 284]],
  ];
  const stem: Point[] = [[348, 226], [356, 226], [360, 150], [352, 150]];
  return [
    { points: tile, colour: GREEN },
    { points: slope.map(at), colour: EARTH },
    ...ledges.map((l) => ({ points: l.map(at), colour: EARTH_DARK })),
    { points: stem.map(at), colour: LEAF },
    { points: leaf([356, 156], 128, 42, (-35 * Math.PI) / 180).map(at), colour: LEAF },
    { points: leaf([354, 170], 110, 34, (-150 * Math.PI) / 180).map(at), colour: LEAF },
  ];
}

export function iconSvg(shapes: Shape[]): string {
  const paths = shapes.map((s) => `<path fill="${s.colour}" d="M${s.points.map(([x, y]) => `${x.toFixed(1)} ${y.toFixed(1)}`).join('L')}Z"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${paths.join('')}</svg>\n`;
}
