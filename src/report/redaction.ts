// Secrets stay secret in every output. A found value can also sit where no check looks for it: in a
// file path, a commit author's name, a SECURITY.md row, the credentials of `deps.osv-url` in an
// error message. So every reporter (1) renders from a copy of the verdict whose strings have every
// found value masked, which also keeps a shortened cell from printing half a secret, and (2) passes
// its final text (or, for JSON and SARIF, every final string) through the same mask once more,
// looking also for each value as the formats spell it (JSON, markdown and command escapes, a URI).
// The raw values travel only inside `verdict.secretValues`, which nothing can print.
import type { Spelling } from '../finding.js';
import type { Verdict } from '../policy/verdict.js';
import { text as markdownText } from './markdown-escape.js';
import { relativeUri } from './uri.js';
import { escapeData, escapeProperty } from './workflow-commands.js';

const SPELLINGS: readonly Spelling[] = [
  (value) => JSON.stringify(value).slice(1, -1),
  markdownText,
  escapeData,
  escapeProperty,
  relativeUri,
  encodeURIComponent,
];

const redacted = new WeakMap<Verdict, Verdict>();

/** The verdict with every found value masked in every string (computed once per verdict). */
export function redactVerdict(verdict: Verdict): Verdict {
  const values = verdict.secretValues;
  if (!values || values.size === 0) return verdict;
  const known = redacted.get(verdict);
  if (known) return known;
  const copy = { ...mapStrings(verdict, (value) => values.redactIn(value)), secretValues: values };
  redacted.set(verdict, copy);
  redacted.set(copy, copy);
  return copy;
}

/** The last step of a text output: every found value masked, in any of the formats' spellings. */
export function redactOutput(verdict: Verdict, output: string): string {
  return verdict.secretValues ? verdict.secretValues.redactIn(output, SPELLINGS) : output;
}

/** The last step of a JSON-shaped output (JSON report, SARIF): every string in it, keys included. */
export function redactDocument<T>(verdict: Verdict, document: T): T {
  if (!verdict.secretValues || verdict.secretValues.size === 0) return document;
  return mapStrings(document, (value) => redactOutput(verdict, value));
}

/** Maps every string in plain data (arrays and plain objects, keys too); other objects are kept as they are. */
function mapStrings<T>(value: T, map: (text: string) => string): T {
  if (typeof value === 'string') return map(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => mapStrings(item, map)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [map(key), mapStrings(item, map)])) as T;
  }
  return value;
}
