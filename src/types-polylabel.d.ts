// polylabel 2 ships no types: the one function Fulv calls.
declare module 'polylabel' {
  /** The pole of inaccessibility of a polygon (rings of [x, y]), to `precision` in its units. */
  export default function polylabel(polygon: number[][][], precision?: number): number[] & { distance: number };
}
