// A photo attached to a treated polygon: the metadata the edit model tracks. The image bytes
// are stored separately by persistence, so snapshots and the journal stay small.
import type { Problem } from './problem.ts';

export interface PhotoLocation {
  lon: number;
  lat: number;
  /** Radius of the 68% confidence circle in metres, as the Geolocation API reports it. */
  accuracy_m: number | null;
}

/**
 * The before/after slot a surveyor files a photo under (治理前 / 治理后), which the mine file pairs
 * by. Photos stored before slots existed, and free photos, have none.
 */
export const PHOTO_SLOTS = ['before', 'after'] as const;
export type PhotoSlot = (typeof PHOTO_SLOTS)[number];

export interface PhotoMeta {
  id: string;
  /** The treated polygon the photo documents. */
  feature_id: string;
  /** When the photo was taken (ISO 8601 date-time), or when it was attached if unknown. */
  taken_at: string;
  location: PhotoLocation | null;
  /** Size of the image in bytes. */
  size: number;
  /** MIME type, image/*. */
  type: string;
  /** The original file name, for the surveyor's reference; may be empty. */
  name: string;
  /** Absent for a free photo. */
  slot?: PhotoSlot;
}

/**
 * A phone camera JPEG is 2–8 MB; 12 MB leaves room for that while keeping a day of photos
 * inside the few hundred MB a mobile browser grants an origin.
 */
export const DEFAULT_MAX_PHOTO_BYTES = 12 * 1024 * 1024;

export function formatMegabytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Null when the size is acceptable, else the reason in words the surveyor can act on. */
export function photoSizeProblem(size: number, maxBytes: number, name = ''): string | null {
  const what = name ? `Photo “${name}”` : 'The photo';
  if (size <= 0) return `${what} is empty (0 bytes)`;
  if (size > maxBytes) {
    return `${what} is ${formatMegabytes(size)}; the limit is ${formatMegabytes(maxBytes)}. Take it at a lower resolution or compress it, then attach it again.`;
  }
  return null;
}

const PHOTO_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Camera clocks drift; a photo a day "in the future" is a clock, not a fabrication. */
const CLOCK_SKEW_MS = 24 * 3600 * 1000;

function locationProblem(location: unknown): string | null {
  if (location === null) return null;
  if (typeof location !== 'object') return 'location is not an object';
  const { lon, lat, accuracy_m: accuracy } = location as Partial<Record<keyof PhotoLocation, unknown>>;
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return 'location has no numeric lon/lat';
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) return `location (${lon}, ${lat}) is outside lon/lat range`;
  if (accuracy !== null && (typeof accuracy !== 'number' || !(accuracy >= 0))) return 'location accuracy must be a non-negative number of metres or null';
  return null;
}

/** Checks photo metadata from the UI or from a backup; `now` bounds taken_at. */
export function validatePhotoMeta(value: unknown, maxBytes: number, now: Date): Problem[] {
  if (typeof value !== 'object' || value === null) return [{ field: 'photo', code: 'malformed', reason: 'photo metadata is not an object' }];
  const p = value as Partial<Record<keyof PhotoMeta, unknown>>;
  const problems: Problem[] = [];
  const add = (field: string, code: string, reason: string): void => void problems.push({ field, code, reason });
  if (typeof p.id !== 'string' || !PHOTO_ID.test(p.id)) add('id', 'bad_format', `photo id ${JSON.stringify(p.id)} is not 1–64 letters, digits or _.:-`);
  if (typeof p.feature_id !== 'string' || p.feature_id === '') add('feature_id', 'missing', 'the photo is not attached to a treated polygon');
  if (typeof p.taken_at !== 'string' || !ISO_DATE_TIME.test(p.taken_at) || Number.isNaN(Date.parse(p.taken_at))) {
    add('taken_at', 'bad_format', `time taken ${JSON.stringify(p.taken_at)} is not an ISO date-time`);
  } else if (Date.parse(p.taken_at) > now.getTime() + CLOCK_SKEW_MS) {
    add('taken_at', 'future_date', `time taken ${p.taken_at} is in the future; check the camera's clock`);
  }
  const where = locationProblem(p.location ?? null);
  if (where) add('location', 'bad_format', where);
  if (typeof p.size !== 'number' || !Number.isInteger(p.size)) add('size', 'bad_format', 'photo size is not a whole number of bytes');
  else if (p.size <= 0) add('size', 'empty', 'the photo is empty (0 bytes)');
  else {
    const sizeProblem = photoSizeProblem(p.size, maxBytes, typeof p.name === 'string' ? p.name : '');
    if (sizeProblem) add('size', 'too_large', sizeProblem);
  }
  if (typeof p.type !== 'string' || !p.type.startsWith('image/')) add('type', 'not_image', `file type ${JSON.stringify(p.type)} is not an image`);
  if (typeof p.name !== 'string' || p.name.length > 255) add('name', 'bad_format', 'file name is not a string of at most 255 characters');
  if (p.slot !== undefined && !(PHOTO_SLOTS as readonly unknown[]).includes(p.slot)) add('slot', 'bad_format', `photo slot ${JSON.stringify(p.slot)} is not one of ${PHOTO_SLOTS.join(', ')} (or absent for a free photo)`);
  return problems;
}
