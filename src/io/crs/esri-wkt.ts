// The .prj Fulv writes: ESRI's WKT1 names, which ArcGIS needs to recognise the system and GDAL
// and QGIS map back to the EPSG code (the strings are those of `projinfo -o WKT1_ESRI`).
import type { CrsDefinition } from './crs-catalogue.ts';

const CGCS2000_GEOGCS = 'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",'
  + 'SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const WGS84_GEOGCS = 'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],'
  + 'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

const decimal = (n: number): string => (Number.isInteger(n) ? n.toFixed(1) : String(n));

/** Null for a CRS that Fulv does not write (only EPSG:4326, 4490 and the CGCS2000 GK zones). */
export function esriWkt(crs: CrsDefinition): string | null {
  if (crs.code === 'EPSG:4490') return CGCS2000_GEOGCS;
  if (crs.code === 'EPSG:4326') return WGS84_GEOGCS;
  const { gk, tm } = crs;
  if (!gk || !tm) return null;
  const width = gk.width === 3 ? '3_Degree_' : '';
  const name = gk.prefixed ? `CGCS2000_${width}GK_Zone_${gk.zone}` : `CGCS2000_${width}GK_CM_${tm.lon0}E`;
  return `PROJCS["${name}",${CGCS2000_GEOGCS},PROJECTION["Gauss_Kruger"],`
    + `PARAMETER["False_Easting",${decimal(tm.falseEasting)}],PARAMETER["False_Northing",${decimal(tm.falseNorthing)}],`
    + `PARAMETER["Central_Meridian",${decimal(tm.lon0)}],PARAMETER["Scale_Factor",${decimal(tm.scale)}],`
    + `PARAMETER["Latitude_Of_Origin",${decimal(tm.lat0)}],UNIT["Meter",1.0]]`;
}
