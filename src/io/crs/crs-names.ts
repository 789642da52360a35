// CRS names as files and users write them: "EPSG:4527", "urn:ogc:def:crs:EPSG::4527",
// "http://www.opengis.net/def/crs/EPSG/0/4527", "urn:ogc:def:crs:OGC:1.3:CRS84" (GeoJSON 2008's
// `crs` member, which GDAL still writes).
import { crsFromEpsg, WGS84_GEOGRAPHIC, type CrsDefinition } from './crs-catalogue.ts';

export type CrsNameResult = { known: true; crs: CrsDefinition } | { known: false; epsg: number | null };

export function crsFromName(name: string): CrsNameResult {
  const text = name.trim();
  if (/(^|[:/])CRS:?84$/i.test(text) || /OGC:(1\.3:)?CRS84$/i.test(text)) return { known: true, crs: WGS84_GEOGRAPHIC };
  const match = /^(?:EPSG:{1,2}|urn:ogc:def:crs:EPSG:[\d.]*:|https?:\/\/www\.opengis\.net\/def\/crs\/EPSG\/[\d.]+\/)(\d+)$/i.exec(text);
  if (!match) return { known: false, epsg: null };
  const epsg = Number(match[1]);
  const crs = crsFromEpsg(epsg);
  return crs ? { known: true, crs } : { known: false, epsg };
}
