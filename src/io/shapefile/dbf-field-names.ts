// DBF field names hold at most 10 bytes (11 with the terminating NUL). Fulv's fields that are
// longer get the names GDAL itself would give them, so a GDAL-made and a Fulv-made Shapefile
// agree:
//   damage_type → damage_typ
// (all other Fulv fields — id, mine_id, name, name_en, direction, status, tbdl, tbxl, note,
// parcel_id, date, measure, surveyor, zone_type, area_m2, area_mu, area_ha — fit as they are.)
// Any other name is cut to 10 UTF-8 bytes at a character boundary (a Chinese character is 3
// bytes, so 图斑编号 becomes 图斑编); a name that then clashes with an earlier one ends in _1, _2…
// within the 10 bytes. Matching ignores case, as DBF readers do.
const FULV_NAMES: Record<string, string> = { damage_type: 'damage_typ' };

export const DBF_NAME_BYTES = 10;

const encoder = new TextEncoder();

export function truncateUtf8(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const c of text) {
    const n = encoder.encode(c).length;
    if (bytes + n > maxBytes) break;
    out += c;
    bytes += n;
  }
  return out;
}

/** Bytes of a character in GBK: one for ASCII, two for the rest (GB18030's four-byte forms aside). */
function truncateGbk(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const c of text) {
    const n = c.charCodeAt(0) < 0x80 ? 1 : 2;
    if (bytes + n > maxBytes) break;
    out += c;
    bytes += n;
  }
  return out;
}

/**
 * What a long name becomes in a DBF written by GDAL, QGIS or ArcGIS, read back without the
 * character they cut in half: its whole characters within 10 bytes in UTF-8 and in GBK
 * (治理面积亩 → 治理面, 恢复治理状态 → 恢复治理状). Empty when the name fits.
 */
export function dbfNameCuts(name: string): string[] {
  const cuts = new Set([truncateUtf8(name, DBF_NAME_BYTES), truncateGbk(name, DBF_NAME_BYTES)]);
  cuts.delete(name);
  cuts.delete('');
  return [...cuts];
}

/** Attribute name → DBF field name, for the names of one table in order. */
export function dbfFieldNames(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of names) {
    // NUL ends a DBF name; control characters would not survive either.
    // eslint-disable-next-line no-control-regex
    const clean = name.replace(/[\u0000-\u001f]/g, '') || 'field';
    let candidate = FULV_NAMES[clean] ?? truncateUtf8(clean, DBF_NAME_BYTES);
    for (let n = 1; taken.has(candidate.toLowerCase()); n++) {
      const suffix = `_${n}`;
      candidate = truncateUtf8(clean, DBF_NAME_BYTES - suffix.length) + suffix;
    }
    taken.add(candidate.toLowerCase());
    out.set(name, candidate);
  }
  return out;
}
