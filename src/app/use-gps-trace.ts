// GPS in the field: the position, and a boundary recorded from it, by button or while walking.
import { useEffect, useState } from 'react';
import type { Position } from 'geojson';
import { DEFAULT_WALK_SPACING_M, fixRefusal, type GpsFix } from '../domain/gps-trace.ts';
import type { Translate } from '../ui/i18n/translate.ts';
import { useGeolocation } from './use-geolocation.ts';

export function useGpsTrace(t: Translate, accuracyLimit: number) {
  const [on, setOn] = useState(false);
  const gps = useGeolocation(on);
  const [trace, setTrace] = useState<Position[]>([]);
  const [walking, setWalking] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const fix: GpsFix | null = gps.status === 'fix' ? gps.fix : null;

  const take = (f: GpsFix, spacing: number, quietWhenClose: boolean): void => {
    const refusal = fixRefusal(trace, f, accuracyLimit, spacing);
    if (!refusal) {
      setTrace([...trace, [f.lon, f.lat]]);
      setMessage(null);
    } else if (refusal.code === 'inaccurate') {
      setMessage(t('gps.refused.inaccurate', { accuracy: refusal.accuracy.toFixed(1), limit: refusal.limit }));
    } else if (!quietWhenClose) {
      setTrace([...trace, [f.lon, f.lat]]);
    }
  };

  // While walking, every new fix is a candidate vertex.
  useEffect(() => {
    if (walking && fix) take(fix, DEFAULT_WALK_SPACING_M, true);
    // Only a new fix (or starting to walk) should add a vertex.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fix, walking]);

  return {
    on,
    setOn: (value: boolean) => {
      setOn(value);
      if (!value) setWalking(false);
    },
    gps,
    fix,
    trace,
    walking,
    setWalking,
    message,
    addVertex: () => (fix ? take(fix, 0, false) : setMessage(t('gps.noFix'))),
    clear: () => {
      setTrace([]);
      setWalking(false);
      setMessage(null);
    },
  };
}
