// Package names as an ecosystem compares them: the lockfile parsers and the matcher use the same one.

/** PEP 503 §"Normalized Names": lowercase, runs of `-`, `_` and `.` become one `-`. */
export function normalizePyPIName(name: string): string {
  return name
    .trim()
    .replace(/[-_.]+/g, '-')
    .toLowerCase();
}
