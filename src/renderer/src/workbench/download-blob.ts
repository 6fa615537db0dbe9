/**
 * Offer a Blob as a download. An object URL on an `a[download]` works in
 * the browser host and in Electron's renderer alike (Electron shows its own
 * save dialog for it), and is not a navigation, so no CSP rule stands in
 * the way.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken its copy once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** A file name from a scenario name: letters, digits and dashes, never empty. */
export function scenarioFileName(name: string): string {
  const slug = name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `${slug || 'scenario'}.alloc`
}
