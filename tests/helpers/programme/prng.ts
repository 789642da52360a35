// A small seeded PRNG (mulberry32): the same seed gives the same programme on every machine.
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  between(min: number, max: number): number;
  /** Log-uniform in [min, max): as many small parcels per factor of size as large ones. */
  logBetween(min: number, max: number): number;
  int(min: number, maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    logBetween: (min, max) => Math.exp(Math.log(min) + (Math.log(max) - Math.log(min)) * next()),
    int: (min, maxExclusive) => min + Math.floor((maxExclusive - min) * next()),
    pick: (items) => items[Math.floor(items.length * next())]!,
  };
}
