// Small helpers on plain values, written once for every layer (the lowest layer: imports nothing).

/** A plain object (parsed JSON, YAML or TOML): not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `1 warning`, `3 warnings`: counts in messages and report text. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The first line of an error's message (or of any thrown value): for one-line messages. */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * Orders strings by UTF-16 code units, like `Array.prototype.sort`: the same order on every machine,
 * unlike `localeCompare`, whose result depends on the ICU data and locale of the Node build.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `1023` -> `1,023`: what `toLocaleString('en-US')` prints for an integer, without loading ICU's
 * number formatting (about 15 ms on the first call, paid by every report). Other numbers are printed
 * as `toLocaleString('en-US')` prints them.
 */
export function groupThousands(value: number): string {
  return Number.isSafeInteger(value) ? String(value).replace(/\B(?=(\d{3})+$)/g, ',') : value.toLocaleString('en-US');
}
