// One level (at most `maxDepth`) inside encoded values: base64 (standard and URL-safe) and
// percent-encoding, the way gitleaks' --max-decode-depth looks inside them. Bounded: only runs
// long enough to hold a credential, at most MAX_RUNS per line and MAX_DECODED bytes in all.

export type Encoding = 'base64' | 'percent';

export interface EncodedRun {
  encoding: Encoding;
  /** Offsets of the encoded text in the line. */
  start: number;
  end: number;
  decoded: string;
}

/** 24 base64 characters hold 18 bytes: shorter runs cannot carry a credential worth decoding. */
const MIN_BASE64 = 24;
const MAX_BASE64 = 16_384;
const MAX_RUNS = 8;
const MAX_DECODED = 65_536;

/** base64 and base64url characters (`=` padding is handled apart). */
const BASE64_CHAR = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/_-') BASE64_CHAR[char.charCodeAt(0)] = 1;

/**
 * Runs of base64 characters of a length worth decoding, with their padding: one pass over the line
 * (a regex with lookarounds here cost more than the rest of the line's scan).
 */
function* base64Runs(line: string): Generator<{ start: number; text: string }> {
  let start = -1;
  for (let index = 0; index <= line.length; index++) {
    const code = index < line.length ? line.charCodeAt(index) : 0;
    if (code < 128 && BASE64_CHAR[code] === 1) {
      if (start === -1) start = index;
      continue;
    }
    if (start === -1) continue;
    let end = index;
    while (end < line.length && end - index < 2 && line.charCodeAt(end) === 61 /* = */) end++;
    const length = index - start;
    // A run that continues into more base64 after its padding is not one value.
    const next = end < line.length ? line.charCodeAt(end) : 0;
    if (length >= MIN_BASE64 && length <= MAX_BASE64 && !(next < 128 && BASE64_CHAR[next] === 1) && next !== 61) {
      yield { start, text: line.slice(start, end) };
    }
    start = -1;
    index = end - 1 < index ? index : end - 1;
  }
}
const PERCENT_RUN = /(?:[^\s%"'<>]{0,64}%[0-9A-Fa-f]{2}){3,}[^\s%"'<>]{0,64}/g;

/**
 * The encoded runs of a line whose decoded form is text worth scanning. Base64 runs are looked for
 * only when `base64` is true: the line holds the base64 form of a distinctive prefix (the caller's
 * keyword prefilter says so), since most long base64 runs in code are hashes and images.
 */
export function encodedRuns(line: string, base64 = true): EncodedRun[] {
  const runs: EncodedRun[] = [];
  let budget = MAX_DECODED;
  for (const run of base64 ? base64Runs(line) : []) {
    if (runs.length >= MAX_RUNS || budget <= 0) break;
    const text = run.text;
    // Identifiers, paths and words are base64-alphabet too: a real encoding mixes cases and digits.
    if (!/[a-z]/.test(text) || !/[A-Z]/.test(text) || !/[0-9]/.test(text)) continue;
    const decoded = decodeBase64Text(text);
    if (decoded === undefined) continue;
    budget -= decoded.length;
    runs.push({ encoding: 'base64', start: run.start, end: run.start + text.length, decoded });
  }
  if (line.includes('%')) {
    for (const match of line.matchAll(PERCENT_RUN)) {
      if (runs.length >= MAX_RUNS || budget <= 0) break;
      let decoded: string;
      try {
        decoded = decodeURIComponent(match[0]);
      } catch {
        continue;
      }
      budget -= decoded.length;
      runs.push({ encoding: 'percent', start: match.index, end: match.index + match[0].length, decoded });
    }
  }
  return runs;
}

/** A generic value worth decoding: long enough to hold a credential, and all base64. */
export function looksBase64(value: string): boolean {
  return (
    value.length >= MIN_BASE64 &&
    value.length <= MAX_BASE64 &&
    /^[A-Za-z0-9+/_-]+={0,2}$/.test(value) &&
    /[0-9]/.test(value) &&
    /[a-z]/.test(value) &&
    /[A-Z]/.test(value)
  );
}

/** Decoded bytes as text, or undefined when they are binary (a hash, an image, compressed data). */
export function decodeBase64Text(text: string): string | undefined {
  const bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes.length < 12) return undefined;
  let printable = 0;
  for (const byte of bytes) if ((byte >= 32 && byte < 127) || byte === 9 || byte === 10 || byte === 13) printable++;
  if (printable < bytes.length * 0.95) return undefined;
  return bytes.toString('latin1');
}

/**
 * Prefixes whose base64 forms the byte prefilter looks for, so a line that holds nothing but an
 * encoded key is still kept for decoding. Each prefix in its three alignments (it may start at
 * any byte of a 3-byte group), trimmed to the characters that depend on the prefix alone.
 */
const ENCODED_PREFIXES = [
  'AKIA',
  'ASIA',
  'ghp_',
  'gho_',
  'ghu_',
  'ghs_',
  'github_pat_',
  'glpat-',
  'xoxb-',
  'xoxp-',
  'sk_live_',
  'sk-proj-',
  'sk-ant-',
  '-----BEGIN',
  'AIza',
  'npm_',
  'pypi-',
];

export const DECODE_TRIGGERS: string[] = [...new Set(ENCODED_PREFIXES.flatMap(base64Forms))].filter((form) => form.length >= 4);

function base64Forms(prefix: string): string[] {
  const forms: string[] = [];
  for (let offset = 0; offset < 3; offset++) {
    const bytes = Buffer.concat([Buffer.alloc(offset), Buffer.from(prefix, 'latin1')]);
    const encoded = bytes.toString('base64').replace(/=+$/, '');
    const drop = offset === 0 ? 0 : offset + 1; // characters that mix in the unknown leading bytes
    const keep = Math.floor((bytes.length * 8) / 6); // characters fully decided by known bytes
    forms.push(encoded.slice(drop, keep).toLowerCase());
  }
  return forms;
}
