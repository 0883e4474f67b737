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

const BASE64_RUN = new RegExp(`(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{${MIN_BASE64},${MAX_BASE64}}={0,2}(?![A-Za-z0-9+/=_-])`, 'g');
const PERCENT_RUN = /(?:[^\s%"'<>]{0,64}%[0-9A-Fa-f]{2}){3,}[^\s%"'<>]{0,64}/g;

/** The encoded runs of a line whose decoded form is text worth scanning. */
export function encodedRuns(line: string): EncodedRun[] {
  const runs: EncodedRun[] = [];
  let budget = MAX_DECODED;
  for (const match of line.matchAll(BASE64_RUN)) {
    if (runs.length >= MAX_RUNS || budget <= 0) break;
    const text = match[0];
    // Identifiers, paths and words are base64-alphabet too: a real encoding mixes cases and digits.
    if (!/[a-z]/.test(text) || !/[A-Z]/.test(text) || !/[0-9]/.test(text)) continue;
    const decoded = decodeBase64Text(text);
    if (decoded === undefined) continue;
    budget -= decoded.length;
    runs.push({ encoding: 'base64', start: match.index, end: match.index + text.length, decoded });
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
