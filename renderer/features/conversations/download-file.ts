/**
 * Saves text through the browser's own download path: a Save dialog in
 * Electron (its default for downloads) and a download in the browser host.
 * The renderer never sees or chooses a path.
 */
export function downloadFile(fileName: string, mimeType: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: `${mimeType};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
