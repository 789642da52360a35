// A PMTiles byte source over a Blob or File: what the archive store hands back (an OPFS File or
// an IndexedDB Blob), read a range at a time, so a 1 GB archive is never loaded whole.
import type { RangeResponse, Source } from 'pmtiles';

export class BlobSource implements Source {
  constructor(private readonly blob: Blob, private readonly key: string) {}

  getKey(): string {
    return this.key;
  }

  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: await this.blob.slice(offset, offset + length).arrayBuffer() };
  }
}
