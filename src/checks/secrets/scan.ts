// One line of text -> the secrets in it. Cost grows with the text, not text × rules: one
// Aho-Corasick pass over the line finds which rule keywords occur, and only those rules' regexes
// run. Rules without keywords run on every line, so the built-in table keeps them few.
import type { SecretRule } from './rules/types.js';
import { isPlaceholder } from './placeholder.js';

export interface SecretMatch {
  rule: SecretRule;
  /** The raw value: it must never leave the check (findings carry `redact(secret)` and a hash). */
  secret: string;
  /** Offsets of the secret in the line (UTF-16 code units). */
  start: number;
  end: number;
  entropy: number;
}

interface CompiledRule {
  rule: SecretRule;
  /** The rule's pattern with `g` (iterate every match on the line) and `d` (offsets of `secret`). */
  pattern: RegExp;
}

export interface CompiledRules {
  rules: CompiledRule[];
  /** Indexes into `rules` of those that have no keyword and so run on every line. */
  always: number[];
  automaton: KeywordAutomaton;
  /** The same keywords over UTF-8 bytes, for `mayContainSecretBytes`. */
  byteAutomaton: KeywordAutomaton;
  /** Per-rule "seen on line N" stamp, to run each rule once per line without allocating a Set. */
  seen: Int32Array;
  stamp: number;
}

/** Inline markers that allow a line: ours, and gitleaks' for teams moving over. */
const INLINE_ALLOW = /security-gate:allow|gitleaks:allow/;

export function compileRules(rules: SecretRule[]): CompiledRules {
  const compiled: CompiledRule[] = rules.map((rule) => ({
    rule,
    pattern: new RegExp(rule.pattern.source, withFlags(rule.pattern.flags, 'gd')),
  }));
  const always: number[] = [];
  const keywords: { keyword: string; ruleIndex: number }[] = [];
  rules.forEach((rule, ruleIndex) => {
    const usable = rule.keywords.map((keyword) => keyword.toLowerCase()).filter((keyword) => keyword.length > 0);
    if (usable.length === 0) always.push(ruleIndex);
    for (const keyword of usable) keywords.push({ keyword, ruleIndex });
  });
  return {
    rules: compiled,
    always,
    automaton: buildAutomaton(keywords, 'utf16'),
    byteAutomaton: buildAutomaton(keywords, 'utf8'),
    seen: new Int32Array(rules.length),
    stamp: 0,
  };
}

export function scanLine(compiled: CompiledRules, line: string): SecretMatch[] {
  const candidates = candidateRules(compiled, line);
  if (candidates.length === 0) return [];
  if (INLINE_ALLOW.test(line)) return [];
  const matches: SecretMatch[] = [];
  for (const ruleIndex of candidates) {
    const { rule, pattern } = compiled.rules[ruleIndex]!;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(line); match !== null; match = pattern.exec(line)) {
      // An empty match would loop forever on a `g` regex.
      if (match[0].length === 0) pattern.lastIndex++;
      const found = secretOf(match);
      if (!found || found.secret.length === 0) continue;
      const { secret, start } = found;
      const entropy = shannonEntropy(secret);
      if (rule.minEntropy !== undefined && entropy < rule.minEntropy) continue;
      if (isPlaceholder(secret)) continue;
      if (rule.allow?.some((allow) => allow.test(secret))) continue;
      matches.push({ rule, secret, start, end: start + secret.length, entropy });
    }
  }
  return dropOverlaps(matches);
}

/**
 * The prefilter alone: false when no rule could match the line (no keyword in it and no
 * keyword-less rule), so callers can skip keeping the line at all.
 */
export function mayContainSecret(compiled: CompiledRules, line: string): boolean {
  if (compiled.always.length > 0) return true;
  const { classOf, classes, delta, output } = compiled.automaton;
  let state = 0;
  for (let index = 0; index < line.length; index++) {
    state = delta[state * classes + classOf[line.charCodeAt(index)]!]!;
    if (output[state] !== undefined) return true;
  }
  return false;
}

/** `mayContainSecret` on the UTF-8 bytes `bytes[start, end)`, so lines that fail it are never decoded. */
export function mayContainSecretBytes(compiled: CompiledRules, bytes: Uint8Array, start: number, end: number): boolean {
  if (compiled.always.length > 0) return true;
  const { classOf, classes, delta, output } = compiled.byteAutomaton;
  let state = 0;
  for (let index = start; index < end; index++) {
    state = delta[state * classes + classOf[bytes[index]!]!]!;
    if (output[state] !== undefined) return true;
  }
  return false;
}

/** Shannon entropy in bits per character (0 for "", log2(n) for n distinct equally frequent chars). */
export function shannonEntropy(text: string): number {
  const counts = new Map<number, number>();
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    // Code points, not UTF-16 units: a surrogate pair is one character.
    const code = text.codePointAt(index)!;
    if (code > 0xffff) index++;
    counts.set(code, (counts.get(code) ?? 0) + 1);
    length++;
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

function secretOf(match: RegExpExecArray): { secret: string; start: number } | undefined {
  const named = match.groups?.secret;
  if (named !== undefined) {
    const span = match.indices?.groups?.secret;
    return { secret: named, start: span ? span[0] : match.index + match[0].indexOf(named) };
  }
  if (match.groups && 'secret' in match.groups) return undefined; // optional group that did not take part
  return { secret: match[0], start: match.index };
}

/**
 * Two rules can find the same value (a provider rule and the generic `api_key = …` rule): keep the
 * first rule's match for a span (the table lists specific rules before generic ones), and drop any
 * later match that overlaps it. Matches arrive grouped by rule, and one rule's matches never
 * overlap each other (a `g` regex moves past each match), so each group is checked against the
 * spans kept so far with a binary search: a minified line with thousands of matches stays fast.
 */
function dropOverlaps(matches: SecretMatch[]): SecretMatch[] {
  if (matches.length < 2 || matches.every((match) => match.rule === matches[0]!.rule)) return matches;
  let kept: SecretMatch[] = [];
  for (let index = 0; index < matches.length;) {
    const rule = matches[index]!.rule;
    const accepted: SecretMatch[] = [];
    for (; index < matches.length && matches[index]!.rule === rule; index++) {
      if (!overlapsKept(kept, matches[index]!)) accepted.push(matches[index]!);
    }
    if (accepted.length > 0) kept = [...kept, ...accepted].sort((a, b) => a.start - b.start);
  }
  return kept;
}

/** `kept` is sorted and non-overlapping, so only the last span starting before `match.end` can overlap it. */
function overlapsKept(kept: SecretMatch[], match: SecretMatch): boolean {
  let low = 0;
  let high = kept.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (kept[middle]!.start < match.end) low = middle + 1;
    else high = middle;
  }
  return low > 0 && kept[low - 1]!.end > match.start;
}

function withFlags(flags: string, extra: string): string {
  let out = flags.replace(/[gy]/g, '');
  for (const flag of extra) if (!out.includes(flag)) out += flag;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Keyword prefilter: an Aho-Corasick automaton (Aho & Corasick 1975) compiled to a dense DFA, so
// the inner loop is one table lookup per character. Case folding is in the character-class table,
// so the line is never lowercased into a copy. Keywords are lowercase (types.ts); their ASCII
// letters match either case.

interface KeywordAutomaton {
  /** code unit -> class (0 = a unit that appears in no keyword). */
  classOf: Uint16Array;
  classes: number;
  /** delta[state * classes + class] -> next state. */
  delta: Int32Array;
  /** Rule indexes whose keyword ends at each state (including via suffix links). */
  output: (number[] | undefined)[];
}

/**
 * Builds the automaton over UTF-16 code units (for strings) or UTF-8 bytes (for git's raw output,
 * so most of a history is never decoded). ASCII letters match either case.
 */
function buildAutomaton(keywords: { keyword: string; ruleIndex: number }[], unit: 'utf16' | 'utf8'): KeywordAutomaton {
  const unitsOf = (keyword: string): number[] =>
    unit === 'utf8' ? [...Buffer.from(keyword, 'utf8')] : Array.from(keyword, (_, index) => keyword.charCodeAt(index));
  const classOf = new Uint16Array(unit === 'utf8' ? 256 : 65536);
  let classes = 1;
  for (const { keyword } of keywords) {
    for (const code of unitsOf(keyword)) {
      if (classOf[code] !== 0) continue;
      classOf[code] = classes;
      if (code >= 97 && code <= 122) classOf[code - 32] = classes; // a-z also matches A-Z
      classes++;
    }
  }

  // Trie of keywords over classes.
  const trie: Map<number, number>[] = [new Map()];
  const output: (number[] | undefined)[] = [undefined];
  for (const { keyword, ruleIndex } of keywords) {
    let state = 0;
    for (const code of unitsOf(keyword)) {
      const cls = classOf[code]!;
      let next = trie[state]!.get(cls);
      if (next === undefined) {
        next = trie.length;
        trie.push(new Map());
        output.push(undefined);
        trie[state]!.set(cls, next);
      }
      state = next;
    }
    const out = (output[state] ??= []);
    if (!out.includes(ruleIndex)) out.push(ruleIndex);
  }

  // Breadth-first: fill every transition (goto or the failure state's transition) and merge outputs.
  const delta = new Int32Array(trie.length * classes);
  const fail = new Int32Array(trie.length);
  const queue: number[] = [];
  for (let cls = 1; cls < classes; cls++) {
    const next = trie[0]!.get(cls);
    if (next !== undefined) {
      delta[cls] = next;
      queue.push(next);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    const failOutput = output[fail[state]!];
    if (failOutput) output[state] = [...new Set([...(output[state] ?? []), ...failOutput])];
    for (let cls = 1; cls < classes; cls++) {
      const next = trie[state]!.get(cls);
      if (next !== undefined) {
        fail[next] = delta[fail[state]! * classes + cls]!;
        delta[state * classes + cls] = next;
        queue.push(next);
      } else {
        delta[state * classes + cls] = delta[fail[state]! * classes + cls]!;
      }
    }
  }
  return { classOf, classes, delta, output };
}

/** The rules to try on this line: those whose keywords occur in it, plus the keyword-less ones. */
function candidateRules(compiled: CompiledRules, line: string): number[] {
  const { classOf, classes, delta, output } = compiled.automaton;
  let found: number[] | undefined;
  let state = 0;
  for (let index = 0; index < line.length; index++) {
    state = delta[state * classes + classOf[line.charCodeAt(index)]!]!;
    const out = output[state];
    if (out === undefined) continue;
    if (found === undefined) {
      found = [];
      compiled.stamp = compiled.stamp === 0x7fffffff ? 1 : compiled.stamp + 1;
    }
    for (const ruleIndex of out) {
      if (compiled.seen[ruleIndex] === compiled.stamp) continue;
      compiled.seen[ruleIndex] = compiled.stamp;
      found.push(ruleIndex);
    }
  }
  if (found === undefined) return compiled.always;
  // Keep the table's order (specific rules first) so overlap resolution is predictable.
  const all = compiled.always.length === 0 ? found : [...found, ...compiled.always];
  return all.length > 1 ? all.sort((a, b) => a - b) : all;
}
