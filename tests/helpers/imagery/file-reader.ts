// geotiff.js's fromBlob reads through FileReader, which browsers have and Node 20 lacks: the unit
// tests give Node the part of it that fromBlob uses, over Blob.arrayBuffer().
class BlobFileReader {
  result: ArrayBuffer | null = null;
  onload: (() => void) | null = null;
  onerror: ((error: unknown) => void) | null = null;
  onabort: (() => void) | null = null;

  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then((buffer) => {
      this.result = buffer;
      this.onload?.();
    }, (error: unknown) => this.onerror?.(error));
  }

  abort(): void {
    this.onabort?.();
  }
}

export function installFileReader(): void {
  if (!('FileReader' in globalThis)) Object.assign(globalThis, { FileReader: BlobFileReader });
}
