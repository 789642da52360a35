// How far apart two colours look, in normal vision and as simulated for the three dichromacies,
// from published constants only: sRGB's transfer curve and matrix (IEC 61966-2-1), CIELAB under
// D65, and Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation
// of color vision deficiency", severity 1.0 matrices (applied to linear RGB).
export type Vision = 'normal' | 'protan' | 'deutan' | 'tritan';
export const VISIONS: readonly Vision[] = ['normal', 'protan', 'deutan', 'tritan'];

type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

const SIMULATION: Record<Vision, Matrix> = {
  normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protan: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deutan: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
  tritan: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
};

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function lab(hex: string, vision: Vision): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  const rgb = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(linear) as [number, number, number];
  const [r, g, b] = SIMULATION[vision].map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))) as [number, number, number];
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference (ΔE*ab); about 2 is just noticeable, over 10 plainly different. */
export function colourDifference(a: string, b: string, vision: Vision = 'normal'): number {
  const p = lab(a, vision);
  const q = lab(b, vision);
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** The two entries that look most alike, and how far apart they are. */
export function closestPair(colours: Record<string, string>, vision: Vision): { pair: [string, string]; difference: number } {
  const entries = Object.entries(colours);
  let best = { pair: ['', ''] as [string, string], difference: Infinity };
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      const difference = colourDifference(entries[i]![1], entries[j]![1], vision);
      if (difference < best.difference) best = { pair: [entries[i]![0], entries[j]![0]], difference };
    }
  }
  return best;
}
