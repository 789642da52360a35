// Area units of Chinese land reporting. 1 亩 is defined as 10000/15 m² exactly, so conversions
// divide by the exact rational instead of multiplying by a rounded 0.0015.
export const M2_PER_MU = 10000 / 15;
export const M2_PER_HA = 10000;

export const AREA_UNITS = ['m2', 'mu', 'ha'] as const;
export type AreaUnit = (typeof AREA_UNITS)[number];

export function m2ToMu(m2: number): number {
  return (m2 * 15) / 10000;
}
export function muToM2(mu: number): number {
  return (mu * 10000) / 15;
}
export function m2ToHa(m2: number): number {
  return m2 / M2_PER_HA;
}
export function haToM2(ha: number): number {
  return ha * M2_PER_HA;
}

export function convertArea(value: number, from: AreaUnit, to: AreaUnit): number {
  if (from === to) return value;
  const m2 = from === 'm2' ? value : from === 'mu' ? muToM2(value) : haToM2(value);
  return to === 'm2' ? m2 : to === 'mu' ? m2ToMu(m2) : m2ToHa(m2);
}

/**
 * Decimals that keep a reported figure meaningful: survey areas are good to about 1 m²,
 * which is 0.0015 亩 and 0.0001 公顷.
 */
const DECIMALS: Record<AreaUnit, number> = { m2: 0, mu: 2, ha: 4 };

export function formatArea(m2: number, unit: AreaUnit, locale = 'zh-CN'): string {
  const value = convertArea(m2, 'm2', unit);
  const decimals = DECIMALS[unit];
  return value.toLocaleString(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}
