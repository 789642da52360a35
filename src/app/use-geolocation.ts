// The device position while the surveyor has GPS on (Geolocation API, high accuracy).
import { useEffect, useState } from 'react';
import type { GpsFix } from '../domain/gps-trace.ts';

export type GeolocationState =
  | { status: 'off' }
  | { status: 'waiting' }
  | { status: 'unsupported' }
  | { status: 'denied' | 'unavailable'; message: string }
  | { status: 'fix'; fix: GpsFix };

export function useGeolocation(enabled: boolean): GeolocationState {
  const [state, setState] = useState<GeolocationState>({ status: 'off' });
  useEffect(() => {
    if (!enabled) return setState({ status: 'off' });
    if (!('geolocation' in navigator)) return setState({ status: 'unsupported' });
    setState({ status: 'waiting' });
    const watch = navigator.geolocation.watchPosition(
      (p) => setState({ status: 'fix', fix: { lon: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy, time: p.timestamp } }),
      (e) => setState({ status: e.code === e.PERMISSION_DENIED ? 'denied' : 'unavailable', message: e.message }),
      { enableHighAccuracy: true, maximumAge: 0, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(watch);
  }, [enabled]);
  return state;
}
