// Narrowing the unknown values that parsed lockfiles (and advisory records) are made of.

/** A plain object (a JSON object, a YAML mapping, a TOML table): not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
