// Every output shows at most a short prefix and a mask (issue 3, "Never print a secret"). The
// prefix is what tells a reader which kind of credential it is (`AKIA`, `ghp_`, `xoxb`), and is
// never more than a quarter of the value, so short secrets give away at most a character or two.

const MAX_PREFIX = 4;
const MAX_MASK = 20;

/** `AKIAIOSFODNN7REALKEY1` -> `AKIA****************`; `hunter22` -> `hu******`. */
export function redact(secret: string): string {
  const chars = [...secret];
  const prefix = Math.min(MAX_PREFIX, Math.floor(chars.length / 4));
  const mask = Math.min(MAX_MASK, Math.max(chars.length - prefix, 4));
  return chars.slice(0, prefix).join('') + '*'.repeat(mask);
}
