// Ids for polygons and photos created in the field. Two tabs, or two phones whose work is later
// merged, must never pick the same id, and a user id must never equal a future seed id
// (QA-T001…), so it is time + randomness with a marker, not a counter.
// crypto.getRandomValues, unlike randomUUID, also works outside secure contexts (file servers).
export type RandomBytes = (bytes: Uint8Array<ArrayBuffer>) => Uint8Array<ArrayBuffer>;

const defaultRandom: RandomBytes = (bytes) => globalThis.crypto.getRandomValues(bytes);

function token(now: Date, random: RandomBytes): string {
  const bytes = random(new Uint8Array(6));
  const noise = Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('');
  return `${now.getTime().toString(36)}${noise}`;
}

/** e.g. "QA-DEMO-U-mbx2k1q0a1b2c3d4e5f6"; the programme prefix keeps ids readable in exports. */
export function newTreatedId(programmeId: string, now: Date = new Date(), random: RandomBytes = defaultRandom): string {
  return `${programmeId.slice(0, 32)}-U-${token(now, random)}`;
}

export function newPhotoId(now: Date = new Date(), random: RandomBytes = defaultRandom): string {
  return `P-${token(now, random)}`;
}
