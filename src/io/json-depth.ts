// How deep a JSON text nests, found by one pass over the characters before anything parses it.
// A value nested 100,000 levels deep (a property, or coordinates) overflows the stack of
// whatever walks it recursively — JSON.parse in some engines, JSON.stringify, geometry checks —
// so such a file is refused up front, saying where, rather than crashing the reader.

/** Far deeper than any GeoJSON needs: a MultiPolygon in a FeatureCollection nests 8 levels. */
export const MAX_JSON_DEPTH = 100;

export interface TooDeep {
  line: number;
  column: number;
}

/** Where the text first nests deeper than `max` arrays and objects, or null. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): TooDeep | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return where(text, i);
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return null;
}

function where(text: string, index: number): TooDeep {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < index; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: index - lineStart + 1 };
}
