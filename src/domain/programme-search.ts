// Finds mines and parcels by name or id, as typed into the map's search box.
import type { Mine, Programme } from './model.ts';

export interface SearchHit {
  kind: 'mine' | 'parcel';
  id: string;
  name: string;
  /** The mine of a parcel hit; the mine itself for a mine hit. */
  mine: Mine | undefined;
}

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

export function searchProgramme(programme: Pick<Programme, 'mines' | 'parcels'>, query: string, limit = 20): SearchHit[] {
  const q = normalise(query);
  if (!q) return [];
  const mines = new Map(programme.mines.map((m) => [m.id, m]));
  const scored: { hit: SearchHit; score: number }[] = [];
  const consider = (hit: SearchHit, texts: string[]) => {
    let best = Infinity;
    for (const text of texts) {
      const t = normalise(text);
      if (t === q) best = Math.min(best, 0);
      else if (t.startsWith(q)) best = Math.min(best, 1);
      else if (t.includes(q)) best = Math.min(best, 2);
    }
    if (best < Infinity) scored.push({ hit, score: best + (hit.kind === 'mine' ? 0 : 0.5) });
  };
  for (const mine of programme.mines) {
    consider({ kind: 'mine', id: mine.id, name: mine.name, mine }, [mine.id, mine.name, mine.name_en]);
  }
  for (const f of programme.parcels.features) {
    const p = f.properties;
    consider({ kind: 'parcel', id: p.id, name: p.name, mine: mines.get(p.mine_id) }, [p.id, p.name]);
  }
  scored.sort((a, b) => a.score - b.score || a.hit.id.localeCompare(b.hit.id));
  return scored.slice(0, limit).map((s) => s.hit);
}
