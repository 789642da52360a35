// The coordinate systems a user can pick for import and export: the catalogue's EPSG codes.
import { crsFromEpsg, knownEpsgCodes } from '../io/crs/crs-catalogue.ts';

export function CrsOptions() {
  return knownEpsgCodes().map((code) => <option key={code} value={`EPSG:${code}`}>EPSG:{code} {crsFromEpsg(code)?.name}</option>);
}
