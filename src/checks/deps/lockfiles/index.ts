// Every lockfile format the gate reads: adding a format is adding a file and a line here.
import type { LockfileFormat } from '../types.js';

export const LOCKFILE_FORMATS: LockfileFormat[] = [
  // JavaScript
  // Other ecosystems
];

export function formatFor(file: string): LockfileFormat | undefined {
  return LOCKFILE_FORMATS.find((format) => format.matches(file));
}
