// Saves text as a file through a temporary link, the way every browser offers a download from a page.
export function downloadText(filename: string, mime: string, body: string): void {
  const url = URL.createObjectURL(new Blob([body], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked after the click has handed the blob to the download manager.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
