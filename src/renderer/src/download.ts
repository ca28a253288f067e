const MIME_TYPES: Record<string, string> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Hands a file to the browser's (or Electron's) download: a Blob behind an <a download>, which
 * needs no file system access from the page and works the same in the desktop app and a browser.
 */
export function downloadBase64(fileName: string, dataBase64: string): void {
  const binary = atob(dataBase64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME_TYPES[extension] ?? 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes by the time the next task runs; the URL is not needed after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
