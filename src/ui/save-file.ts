// Hands a file to the browser's download, for exports (CSV tables, a mine's file). The object
// URL outlives the click a little: some browsers start reading it only after the event.
export function saveFile(data: BlobPart, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
