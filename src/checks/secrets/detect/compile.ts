// A rule table made ready to run: regexes with their flags and boundaries, keyword automata over
// UTF-16 (lines) and UTF-8 (git's raw bytes), and the lists the finders need.
import { buildAutomaton, type Keyword, type KeywordAutomaton } from '../keywords.js';
import {
  isAssignmentRule,
  isContextRule,
  type AssignmentRule,
  type ContextRule,
  type LinearPattern,
  type PatternRule,
  type SecretRule,
} from '../rules/types.js';
import { DECODE_TRIGGERS } from './decode.js';

export interface CompiledPattern {
  kind: 'pattern';
  rule: PatternRule;
  index: number;
  /** Every non-overlapping match on a line, with the secret's offset in it. */
  matches(line: string): Iterable<{ secret: string; start: number }>;
}

export interface CompiledContext {
  kind: 'context';
  rule: ContextRule;
  index: number;
  /** The value with its boundaries, `g` set: run from a keyword's end over a bounded slice. */
  value: RegExp;
  window: number;
  /** Longest value the slice must hold (shape maximum, or a bound for hand-written shapes). */
  maxValue: number;
}

export interface CompiledAssignment {
  kind: 'assignment';
  rule: AssignmentRule;
  index: number;
  /** The name regex with `g` (case-insensitive only when the rule says so). */
  name: RegExp;
  /** The rule's value shape anchored to the whole value, when it has one. */
  value?: RegExp;
}

export type CompiledRule = CompiledPattern | CompiledContext | CompiledAssignment;

export interface CompiledRules {
  rules: SecretRule[];
  compiled: CompiledRule[];
  /** Keywords over UTF-16, entries are rule indexes; the entry `compiled.length` marks a decode trigger. */
  automaton: KeywordAutomaton;
  /** Every rule keyword plus the base64 forms of distinctive prefixes, over UTF-8 bytes (sources' prefilter). */
  byteAutomaton: KeywordAutomaton;
  /**
   * The keywords of the rules a restricted line runs (confirmed formats), over UTF-16 and UTF-8: a
   * minified bundle's lines hold `token` and `key` everywhere, and only these can match there.
   */
  restrictedAutomaton: KeywordAutomaton;
  restrictedByteAutomaton: KeywordAutomaton;
  /** Indexes of pattern rules without keywords: they run on every line. */
  always: number[];
  /** Literal prefixes of confirmed formats (`ghp_`, `xoxb-`): a generic value that carries one but failed the format is not a secret. */
  prefixes: string[];
}

const DEFAULT_WINDOW = 40;
/** `Keyword.flags` bit of a keyword-context row's keyword (in the automata's state flags it is bit 1). */
export const CONTEXT_KEYWORD = 1;
const UNKNOWN_MAX_VALUE = 1024;

export function compileRules(rules: SecretRule[]): CompiledRules {
  const compiled = rules.map((rule, index): CompiledRule => {
    if (isContextRule(rule)) return compileContext(rule, index);
    if (isAssignmentRule(rule)) {
      const name = new RegExp(rule.name.source, withFlags(rule.name.flags, 'g'));
      const value = rule.value ? new RegExp(`^(?:${rule.value.source})$`, withFlags(rule.value.flags, '')) : undefined;
      return { kind: 'assignment', rule, index, name, ...(value ? { value } : {}) };
    }
    return compilePattern(rule, index);
  });
  const keywords: Keyword[] = [];
  const always: number[] = [];
  rules.forEach((rule, entry) => {
    const usable = rule.keywords.filter((keyword) => keyword.length > 0);
    if (usable.length === 0 && !isContextRule(rule) && !isAssignmentRule(rule)) always.push(entry);
    // Context rows' keywords carry a flag: a line holding one keeps the lines after it (a value on the next line).
    for (const keyword of usable) keywords.push({ keyword, entry, ...(isContextRule(rule) ? { flags: CONTEXT_KEYWORD } : {}) });
  });
  // Not a rule: "a base64 form of a distinctive prefix is here", so the line is decoded.
  const decodeTriggers = DECODE_TRIGGERS.map((keyword) => ({ keyword, entry: rules.length }));
  const byteKeywords = [...keywords, ...decodeTriggers];
  const restricted = keywords.filter(({ entry }) => runsOnRestrictedLines(rules[entry]!));
  return {
    rules,
    compiled,
    automaton: buildAutomaton(byteKeywords, 'utf16'),
    byteAutomaton: buildAutomaton(byteKeywords, 'utf8'),
    restrictedAutomaton: buildAutomaton(restricted, 'utf16'),
    restrictedByteAutomaton: buildAutomaton(restricted, 'utf8'),
    always,
    prefixes: providerPrefixes(rules),
  };
}

/** What the detector runs on a restricted line (long, minified, generated): confirmed formats, no keyword-context row. */
export function runsOnRestrictedLines(rule: SecretRule): boolean {
  return rule.confidence === 'confirmed' && !isContextRule(rule);
}

/**
 * The prefixes a generic value must not carry: those of confirmed formats, and the separator-ended
 * keywords of provider patterns (`xoxp-`, `sqco_`), whose own prefix alone is too short to claim.
 */
function providerPrefixes(rules: SecretRule[]): string[] {
  const prefixes = new Set<string>();
  for (const rule of rules) {
    if (isContextRule(rule) || isAssignmentRule(rule) || rule.confidence === 'generic') continue;
    for (const prefix of rule.prefixes ?? []) if (prefix.length >= 4 || rule.confidence === 'confirmed') prefixes.add(prefix);
    for (const keyword of rule.keywords) if (keyword.length >= 4 && /^[a-z0-9]+[-_.]$/.test(keyword)) prefixes.add(keyword);
  }
  return [...prefixes];
}

function compilePattern(rule: PatternRule, index: number): CompiledPattern {
  const pattern = rule.pattern;
  return { kind: 'pattern', rule, index, matches: isLinear(pattern) ? (line) => pattern.matches(line) : regexMatches(pattern) };
}

function compileContext(rule: ContextRule, index: number): CompiledContext {
  const edge = `A-Za-z0-9${rule.alphabet}`;
  // `KEY=value`: base64 padding may end a value but never starts one, so `=` only bounds the right.
  const leftEdge = `A-Za-z0-9${rule.alphabet.replace(/=/g, '')}`;
  const flags = withFlags(rule.value.flags, 'g');
  return {
    kind: 'context',
    rule,
    index,
    value: new RegExp(`(?<![${leftEdge}])(?<secret>${rule.value.source})(?![${edge}])`, flags),
    window: rule.window ?? DEFAULT_WINDOW,
    maxValue: maxLength(rule.value.source) ?? UNKNOWN_MAX_VALUE,
  };
}

function isLinear(pattern: RegExp | LinearPattern): pattern is LinearPattern {
  return typeof (pattern as LinearPattern).matches === 'function';
}

/** A rule's regex with `g` (every match on the line) and `d` (offsets of the `secret` group). */
function regexMatches(pattern: RegExp): (line: string) => Iterable<{ secret: string; start: number }> {
  const global = new RegExp(pattern.source, withFlags(pattern.flags, 'gd'));
  return function* (line) {
    global.lastIndex = 0;
    for (let match = global.exec(line); match !== null; match = global.exec(line)) {
      if (match[0].length === 0) global.lastIndex++; // an empty match would loop forever
      const found = secretOf(match);
      if (found && found.secret.length > 0) yield found;
    }
  };
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

export function withFlags(flags: string, extra: string): string {
  let out = flags.replace(/[gy]/g, '');
  for (const flag of extra) if (!out.includes(flag)) out += flag;
  return out;
}

/**
 * The longest string a simple regex source can match: every `{n}`/`{n,m}` quantifier summed with
 * one character per other atom, across alternatives. undefined when it is unbounded (`*`, `+`,
 * `{n,}`) or too intricate to read; the caller then uses a fixed bound.
 */
export function maxLength(source: string): number | undefined {
  const plain = source.replace(/\\./g, '');
  // Unbounded repeats, and repeated groups (`(?:ab){3}`, whose length this reading would undercount).
  if (/[*+]|\{\d+,\}|\)\{/.test(plain)) return undefined;
  let longest = 0;
  for (const branch of splitTopLevel(source)) {
    let total = 0;
    const atoms = branch.match(/\\.|\[(?:\\.|[^\]])*\]|\((?:\?:|\?<[a-z]+>)?|\)|\{\d+(?:,\d+)?\}|\?|./g) ?? [];
    let last = 0;
    for (const atom of atoms) {
      if (atom.startsWith('(') || atom === ')') continue; // groups: their atoms are counted one by one
      if (atom === '?') continue;
      const counted = /^\{(\d+)(?:,(\d+))?\}$/.exec(atom);
      if (counted) {
        total += last * (Number(counted[2] ?? counted[1]) - 1);
        continue;
      }
      last = 1;
      total += 1;
    }
    longest = Math.max(longest, total);
  }
  return longest;
}

function splitTopLevel(source: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') index++;
    else if (char === '[') index = source.indexOf(']', index + 1) === -1 ? source.length : source.indexOf(']', index + 1);
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      branches.push(source.slice(start, index));
      start = index + 1;
    }
  }
  branches.push(source.slice(start));
  return branches;
}
