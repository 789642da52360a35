// Limits that keep a hostile or mistaken file from exhausting a browser tab. The defaults fit a
// county programme many times over (the demo has ~200 parcels; a province's 核查 table ~50k).
export interface ImportLimits {
  /** Total bytes of the files handed in. */
  maxBytes: number;
  /**
   * Total bytes after unzipping a .zip or .kmz (zip bombs). 512 MB is about the longest string a
   * JavaScript engine holds, and more than twice the files handed in may be.
   */
  maxUnzippedBytes: number;
  maxFeatures: number;
  maxVertices: number;
  /** Element nesting depth of KML/GPX (a KML bomb nests folders thousands deep). */
  maxXmlDepth: number;
  maxXmlElements: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 200 * 1024 * 1024,
  maxUnzippedBytes: 512 * 1024 * 1024,
  maxFeatures: 250_000,
  maxVertices: 25_000_000,
  maxXmlDepth: 100,
  maxXmlElements: 5_000_000,
};

export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...overrides };
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(bytes < 1048576 ? 2 : 0)} MB`;
}
