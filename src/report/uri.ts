/** A relative path as a URI reference: each segment percent-encoded (spaces, `#`, `?`, `%`). */
export function relativeUri(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.?\//, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
