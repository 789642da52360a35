// Where the mines of a province-scale programme sit: a grid of mine cells around the demo's
// origin, each cell split into slots that hold one parcel each. Slots never overlap, so parcels
// drawn inside them never overlap either, however many there are; the grid grows with the count.
import type { XY } from '../demo-generator/frame.ts';

/** A mine's cell is this wide; its parcels sit in a 3 × 3 grid of slots inside it. */
export const CELL_M = 2400;
export const SLOTS_PER_SIDE = 3;
export const SLOT_M = CELL_M / SLOTS_PER_SIDE;
/** A parcel's enclosing circle stays this far inside its slot, leaving gaps to draw in. */
export const SLOT_RADIUS_M = SLOT_M / 2 - 60;

export interface Grid {
  columns: number;
  rows: number;
}

/** Wider than tall, like most provinces on a map. */
export function gridFor(mines: number): Grid {
  const columns = Math.ceil(Math.sqrt(mines * 1.5));
  return { columns, rows: Math.ceil(mines / columns) };
}

export function cellCentre(grid: Grid, index: number): XY {
  const col = index % grid.columns;
  const row = Math.floor(index / grid.columns);
  return [(col - (grid.columns - 1) / 2) * CELL_M, ((grid.rows - 1) / 2 - row) * CELL_M];
}

export function slotCentre(cell: XY, slot: number): XY {
  const col = slot % SLOTS_PER_SIDE;
  const row = Math.floor(slot / SLOTS_PER_SIDE);
  return [cell[0] + (col - 1) * SLOT_M, cell[1] + (1 - row) * SLOT_M];
}

/** The grid's extent in the metric frame: [west, south, east, north]. */
export function gridExtent(grid: Grid): [number, number, number, number] {
  const halfW = (grid.columns * CELL_M) / 2;
  const halfH = (grid.rows * CELL_M) / 2;
  return [-halfW, -halfH, halfW, halfH];
}
