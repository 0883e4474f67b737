import { createHash } from 'node:crypto';
import { inspect } from 'node:util';

// The one shape every check speaks (see ../shared/DESIGN.md, "The finding").
// Checks produce Findings and CheckErrors; the policy and every reporter work on them alike.

export const CHECK_NAMES = ['deps', 'secrets', 'versions'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** Ordered from most to least severe; `SEVERITIES.indexOf` ranks them. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Location {
  /** Relative to the scanned root, forward slashes. */
  path: string;
  line?: number;
  endLine?: number;
  commit?: string;
}

export interface DepsDetails {
  kind: 'deps';
  advisory: string;
  aliases: string[];
  ecosystem: string;
  package: string;
  version: string;
  fixedVersion?: string;
  dependencyPath: string[];
  dev: boolean;
  direct: boolean;
  url: string;
  /** True when no source gave a severity; the policy applies `deps.unscored`. */
  unscored?: boolean;
}

export interface SecretDetails {
  kind: 'secrets';
  /** Redacted: a short prefix then `*`. Never the raw value. */
  redacted: string;
  confidence?: Confidence;
  /** `test`: a test, fixture, example or docs path (`secrets.test-paths`); `generated`: bundles, maps, lockfiles. */
  pathKind?: 'source' | 'test' | 'generated';
  /** Found inside this encoding of the text. */
  decoded?: 'base64' | 'percent';
  /** Why the value is a published example credential (info, never fails). */
  example?: string;
  author?: string;
  date?: string;
  entropy?: number;
}

export interface VersionsDetails {
  kind: 'versions';
  policyFile?: string;
  version?: string;
  row?: string;
}

export interface Finding {
  check: CheckName;
  rule: string;
  severity: Severity;
  title: string;
  message: string;
  /** Short, specific action for the summary's What to do column ("upgrade follow-redirects to 1.15.6"); the message keeps the long story. */
  remedy?: string;
  location: Location;
  fingerprint: string;
  /** pr/push mode: added by this change (fails) or already there (warns). Undefined in full mode. */
  introduced?: boolean;
  /**
   * How sure the check is that this is real: `confirmed` (a format- or checksum-verified token),
   * `provider` (a provider keyword near a value of the provider's shape), `generic` (a generic
   * assignment). Undefined counts as confirmed (deps and versions findings leave it out).
   */
  confidence?: Confidence;
  details: DepsDetails | SecretDetails | VersionsDetails;
}

/** Ordered from most to least certain; `CONFIDENCES.indexOf` ranks them. */
export const CONFIDENCES = ['confirmed', 'provider', 'generic'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** 0 for confirmed (and for findings that carry no confidence), up to 2 for generic. */
export function confidenceRank(confidence: Confidence | undefined): number {
  return confidence === undefined ? 0 : CONFIDENCES.indexOf(confidence);
}

/** An input a check could not read: reported, never fatal to the other inputs or checks. */
export interface CheckError {
  check: CheckName;
  path: string;
  line?: number;
  message: string;
  /** True when the check could not vouch for its result at all (e.g. advisory source down, shallow range). */
  fatal?: boolean;
}

export interface CheckResult {
  check: CheckName;
  findings: Finding[];
  errors: CheckError[];
  /** Short facts for the summary, e.g. { commits: 12, lockfiles: 3 }. */
  stats?: Record<string, number | string>;
  /** The raw values this check found (the secrets check): only the reporters' redaction pass reads them. */
  secretValues?: SecretValues;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is at least as severe as `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

/** Renders `path:line` for messages; `path` alone when the line is unknown. */
export function where(location: { path: string; line?: number }): string {
  return location.line ? `${location.path}:${location.line}` : location.path;
}

/**
 * A stable fingerprint from the parts that identify a finding across runs (never a raw secret:
 * callers pass a hash of it). 32 hex chars of sha256 are plenty for uniqueness within a repo.
 */
export function makeFingerprint(check: CheckName, ...parts: (string | number | undefined)[]): string {
  const text = [check, ...parts.map((part) => (part === undefined ? '' : String(part)))].join('\u0000');
  return `${check}:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

// Every output shows at most a short prefix and a mask (issue 3, "Never print a secret"). The
// prefix tells a reader which kind of credential it is (`AKIA`, `ghp_`, `xoxb`), and is never more
// than a quarter of the value, so short secrets give away at most a character or two.
const REDACT_MAX_PREFIX = 4;
const REDACT_MAX_MASK = 20;

/** `AKIAIOSFODNN7REALKEY1` -> `AKIA****************`; `hunter22` -> `hu******`. */
export function redact(secret: string): string {
  const chars = [...secret];
  const prefix = Math.min(REDACT_MAX_PREFIX, Math.floor(chars.length / 4));
  const mask = Math.min(REDACT_MAX_MASK, Math.max(chars.length - prefix, 4));
  return chars.slice(0, prefix).join('') + '*'.repeat(mask);
}

/**
 * The raw secret values a scan found, carried from the secrets check to the reporters so the last
 * step of every rendered output can redact them wherever they appear (in a path, an author's name,
 * a SECURITY.md row, a URL's credentials), not only in the finding that reported them.
 *
 * It is a vault, not a list: the values live in a private field, so nothing enumerates, copies or
 * prints them. `JSON.stringify` leaves it out (toJSON gives undefined), `util.inspect`, `console.log`
 * and test diffs show only a count, and `structuredClone` yields an empty object. The only way to use
 * the values is `redactIn`, which returns text with every occurrence masked.
 */
export class SecretValues {
  readonly #values = new Set<string>();

  /** Merges several holders (one per check result) into a new one. */
  static merge(holders: (SecretValues | undefined)[]): SecretValues {
    const merged = new SecretValues();
    for (const holder of holders) if (holder) for (const value of holder.#values) merged.#values.add(value);
    return merged;
  }

  /** Values shorter than MIN_SECRET_CHARS cannot be told apart from ordinary text and are not kept. */
  add(value: string): void {
    if (value.length >= MIN_SECRET_CHARS) this.#values.add(value);
  }

  get size(): number {
    return this.#values.size;
  }

  /** Adds every value another holder keeps. */
  addAll(other: SecretValues): void {
    for (const value of other.#values) this.#values.add(value);
  }

  /**
   * The values packed to cross into another thread (a check's result leaving its worker): UTF-16
   * code units, each value after its length in two units. Numbers, never a string or a list of
   * strings, so no message, log line or error built from the packet can show a value; `unpack`
   * rebuilds the holder on the other side. Lossless for any string, lone surrogates included.
   */
  pack(): Uint16Array {
    let units = 0;
    for (const value of this.#values) units += 2 + value.length;
    const packed = new Uint16Array(units);
    let at = 0;
    for (const value of this.#values) {
      packed[at++] = value.length >>> 16;
      packed[at++] = value.length & 0xffff;
      for (let index = 0; index < value.length; index++) packed[at++] = value.charCodeAt(index);
    }
    return packed;
  }

  static unpack(packed: Uint16Array): SecretValues {
    const holder = new SecretValues();
    for (let at = 0; at + 2 <= packed.length;) {
      const length = packed[at]! * 0x10000 + packed[at + 1]!;
      const start = at + 2;
      at = start + length;
      if (at > packed.length) break; // a truncated packet: keep what is whole
      holder.add(decodeUnits(packed.subarray(start, at)));
    }
    return holder;
  }

  /**
   * Masks every occurrence of every value in `text`, in one left-to-right pass (the longest value
   * wins where two start at the same place). `variants` adds encoded spellings of a value to look for
   * too (how a reporter escapes it: JSON, markdown, a URI); each is masked as its value would be.
   */
  redactIn(text: string, variants: readonly Spelling[] = NO_VARIANTS): string {
    if (this.#values.size === 0 || text.length < MIN_SECRET_CHARS) return text;
    return this.#matcher(variants).replace(text);
  }

  // One matcher per list of variants (reporters pass a constant list), rebuilt when values are added.
  readonly #matchers = new WeakMap<readonly Spelling[], { size: number; matcher: LiteralMatcher }>();

  #matcher(variants: readonly Spelling[]): LiteralMatcher {
    const cached = this.#matchers.get(variants);
    if (cached && cached.size === this.#values.size) return cached.matcher;
    const replacements = new Map<string, string>();
    for (const value of this.#values) {
      const masked = redact(value);
      for (const spelling of [value, ...variants.map((variant) => variant(value))]) {
        if (spelling.length >= MIN_SECRET_CHARS && !replacements.has(spelling)) replacements.set(spelling, masked);
      }
    }
    const matcher = new LiteralMatcher(replacements);
    this.#matchers.set(variants, { size: this.#values.size, matcher });
    return matcher;
  }

  toJSON(): undefined {
    return undefined;
  }

  [inspect.custom](): string {
    return `SecretValues(${this.#values.size})`;
  }
}

/** UTF-16 code units back to a string, in slices (a spread of a long value would overflow the call stack). */
function decodeUnits(units: Uint16Array): string {
  let text = '';
  for (let start = 0; start < units.length; start += 8192) {
    text += String.fromCharCode(...units.subarray(start, start + 8192));
  }
  return text;
}

/** No rule reports a shorter secret; shorter strings would mask ordinary words. */
export const MIN_SECRET_CHARS = 6;

/** How a reporter spells a value in its format (JSON-escaped, markdown-escaped, percent-encoded). */
export type Spelling = (value: string) => string;
const NO_VARIANTS: readonly Spelling[] = [];

/**
 * Replaces many literal strings in one linear pass: candidates are bucketed by their first three
 * UTF-16 code units (a number key, no allocation per position), longest first within a bucket. A
 * replacement is never longer than what it replaces, so a text only shrinks (byte budgets hold).
 */
class LiteralMatcher {
  readonly #buckets = new Map<number, { from: string; to: string }[]>();

  constructor(replacements: Map<string, string>) {
    for (const [from, to] of replacements) {
      const key = keyAt(from, 0);
      const bucket = this.#buckets.get(key) ?? [];
      bucket.push({ from, to: to.length <= from.length ? to : '*'.repeat(from.length) });
      this.#buckets.set(key, bucket);
    }
    for (const bucket of this.#buckets.values()) bucket.sort((a, b) => b.from.length - a.from.length);
  }

  replace(text: string): string {
    let out = '';
    let copied = 0;
    const last = text.length - MIN_SECRET_CHARS;
    for (let index = 0; index <= last; index++) {
      const bucket = this.#buckets.get(keyAt(text, index));
      if (!bucket) continue;
      const hit = bucket.find((candidate) => text.startsWith(candidate.from, index));
      if (!hit) continue;
      out += text.slice(copied, index) + hit.to;
      index += hit.from.length - 1;
      copied = index + 1;
    }
    return copied === 0 ? text : out + text.slice(copied);
  }
}

function keyAt(text: string, index: number): number {
  return text.charCodeAt(index) * 2 ** 32 + text.charCodeAt(index + 1) * 2 ** 16 + text.charCodeAt(index + 2);
}
