/**
 * Deterministic fake credentials for rule examples. The table holds no literal
 * secret-shaped strings, so this repository does not trip its own scanner or a
 * host's push protection, yet every run sees the same values.
 */

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const HEX = '0123456789abcdef';
export const UPPER_HEX = '0123456789ABCDEF';
export const BASE64 = ALNUM + '+/';
export const BASE64URL = ALNUM + '-_';
export const DIGITS = '0123456789';

/** FNV-1a, to turn the request into a seed. */
function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** mulberry32: small, fast, good enough to look random. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` random characters of `alphabet`; the same arguments give the same string. */
export function fake(length: number, alphabet: string = ALNUM, salt = ''): string {
  const next = generator(seedOf(`${alphabet}|${length}|${salt}`));
  let out = '';
  for (let index = 0; index < length; index++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

/** A random UUID-shaped string (lowercase hex, 8-4-4-4-12). */
export function fakeUuid(salt = ''): string {
  const hex = fake(32, HEX, salt);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
}
