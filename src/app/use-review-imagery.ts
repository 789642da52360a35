// The swipe's imagery as React state, kept for the session (closing the swipe keeps it): per side
// an XYZ URL or an opened imagery file. A file is read by io/imagery — loaded on first use, with
// sql.js for MBTiles — and served to the maps by map/imagery-protocol.ts; a refused file leaves
// the side as it was.
import { useCallback, useRef, useState } from 'react';
import type { CompareSide } from '../map/compare-maps.ts';
import { serveImagery, stopServingImagery } from '../map/imagery-protocol.ts';
import type { SideImagery, SwipeImageryState } from '../ui/SwipeImagery.tsx';
import { loadSqlJs } from './load-sql-js.ts';

const EMPTY: SideImagery = { url: '', file: null, message: null };

export function useReviewImagery(): SwipeImageryState {
  const [sides, setSides] = useState<Record<CompareSide, SideImagery>>({ before: EMPTY, after: EMPTY });
  const servedKeys = useRef<Record<CompareSide, string | null>>({ before: null, after: null });
  const openings = useRef(0);

  const update = useCallback((side: CompareSide, change: Partial<SideImagery>) => {
    setSides((old) => ({ ...old, [side]: { ...old[side], ...change } }));
  }, []);

  const letGo = useCallback((side: CompareSide) => {
    const key = servedKeys.current[side];
    servedKeys.current[side] = null;
    if (key) stopServingImagery(key);
  }, []);

  const onFile = useCallback(async (side: CompareSide, file: File) => {
    const name = file.name;
    const key = `${side}-${++openings.current}-${Date.now().toString(36)}`;
    update(side, { message: { kind: 'opening', name } });
    try {
      const { openImagery } = await import('../io/imagery/open-imagery.ts');
      const opened = await openImagery(file, key, { sqlJs: loadSqlJs });
      if (!opened.ok) return update(side, { message: { kind: 'refused', name, code: opened.code, reason: opened.reason } });
      const tiles = serveImagery(key, opened.value.tiles);
      letGo(side);
      servedKeys.current[side] = key;
      update(side, { file: { name, summary: opened.value.summary, tiles }, message: null });
    } catch (error) {
      // Reading failed below the readers (the file vanished, memory ran out): still this file's fault.
      update(side, { message: { kind: 'refused', name, code: 'broken_file', reason: String(error) } });
    }
  }, [update, letGo]);

  const onRemoveFile = useCallback((side: CompareSide) => {
    letGo(side);
    update(side, { file: null, message: null });
  }, [update, letGo]);

  const onUrl = useCallback((side: CompareSide, url: string) => update(side, { url }), [update]);

  return { sides, onUrl, onFile: (side, file) => void onFile(side, file), onRemoveFile };
}
