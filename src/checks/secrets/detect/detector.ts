// The detector: find -> validate -> classify, over fragments (runs of consecutive added lines of
// one file in one commit, so a provider keyword on one line can vouch for the value on the next).
// It returns detections that still hold the raw value: the check turns them into findings that
// carry only a redacted copy and a hash.
import type { Severity } from '../../../finding.js';
import type { AddedLine } from '../diff-parser.js';
import { anyKeyword, HitBuffer, keywordFlagsInBytes } from '../keywords.js';
import type { Confidence, SecretRule } from '../rules/types.js';
import { isWeakValue, LONG_LINE, PathClassifier, severityOf, type PathKind } from './classify.js';
import {
  CONTEXT_KEYWORD,
  runsOnRestrictedLines,
  type CompiledAssignment,
  type CompiledContext,
  type CompiledPattern,
  type CompiledRules,
} from './compile.js';
import { decodeBase64Text, encodedRuns, looksBase64, type EncodedRun, type Encoding } from './decode.js';
import { isDocumentationHost, knownExample } from './examples.js';
import { fileFormat, findAssignments, SHELL_ASSIGNMENT, type Assignment, type FileFormat } from './literal.js';
import { rejectGenericValue, rejectValue, shannonEntropy, type Rejection } from './validate.js';

export interface Detection {
  rule: SecretRule;
  /** The raw value: it must never leave the check (findings carry a redacted copy and a hash). */
  secret: string;
  line: AddedLine;
  /** Offsets of the value (or of its encoded form) in `line.text`. */
  start: number;
  end: number;
  confidence: Confidence;
  severity: Severity;
  pathKind: PathKind;
  entropy: number;
  /** The value was found inside this encoding of the text. */
  decoded?: Encoding;
  /** Why this is a published example credential, when it is one. */
  example?: string;
  /** A fact about the value worth a reader's eye ("its checksum does not match"). */
  note?: string;
}

export interface DetectorOptions {
  /** `secrets.test-paths`: globs of test, fixture, example and docs paths. */
  testPaths: readonly string[];
  /** Levels of base64/percent-encoding looked inside (0 turns decoding off). */
  maxDecodeDepth: number;
  /** Called with every value a rule found and the validate stage dropped (the dev-set bench reads it). */
  onReject?: (rule: SecretRule, reason: Rejection, line: AddedLine) => void;
}

export interface DetectorStats {
  /** Lines scanned for distinctive provider tokens only (generated files, minified lines). */
  restrictedLines: number;
  /** Encoded values decoded and scanned. */
  decodedValues: number;
}

/** Inline markers that allow a line: ours, and gitleaks' for teams moving over. */
const INLINE_ALLOW = /security-gate:allow|gitleaks:allow/;
/** Lines kept after a provider keyword's line, for a value that sits on the next lines (YAML blocks, XML). */
const FOLLOW_LINES = 3;
/** State flags of the byte automaton: bit 0 any keyword, bit 1 a keyword-context row's keyword. */
const CONTEXT_FLAG = CONTEXT_KEYWORD << 1;
const ANY_AND_CONTEXT = 1 | CONTEXT_FLAG;
/** A line with none of these holds no assignment: generic rules skip it. */
const ASSIGNS = /[=:,>]/;
const CONFIDENCE_RANK: Record<Confidence, number> = { confirmed: 0, provider: 1, generic: 2 };
/**
 * A name that says password: what it holds is chosen by a person, not issued in a provider's token
 * format, so a provider keyword before it (`ZENDESK_PASSWORD=…`) cannot vouch that it is a near miss.
 */
const PASSWORD_NAME = /pass(?:word|wd|phrase)?|pwd/i;

interface Candidate {
  compiled: CompiledPattern | CompiledContext | CompiledAssignment;
  secret: string;
  lineIndex: number;
  start: number;
  end: number;
  /** Characters between the provider keyword and the value (context rows), to prefer the nearest. */
  distance: number;
  decoded?: Encoding;
  /** A generic assignment whose name says password: a value a person chose, no provider's token. */
  password?: boolean;
  /** Set once the candidate passed the validate stage. */
  detection?: Detection;
}

/** Where a provider keyword reaches: `budget` characters from `from` on its line, then the next lines. */
interface Claim {
  lineIndex: number;
  from: number;
  budget: number;
}

interface Found {
  candidates: Candidate[];
  claims: Claim[];
}

interface Fragment {
  lines: readonly AddedLine[];
  kind: PathKind;
  format: FileFormat;
}

export class Detector {
  readonly stats: DetectorStats = { restrictedLines: 0, decodedValues: 0 };
  private readonly paths: PathClassifier;
  private readonly formats = new Map<string, FileFormat>();
  private followUp = 0;
  /** One per decode depth: a decoded line is scanned while its encoded line's hits are still read. */
  private readonly hitBuffers = [new HitBuffer(), new HitBuffer(), new HitBuffer()];
  /** Per rule, the stamp of the last line it ran on (see `nextStamp`). */
  private readonly tried: Int32Array;
  private stamp = 0;

  constructor(
    readonly rules: CompiledRules,
    private readonly options: DetectorOptions,
  ) {
    this.paths = new PathClassifier(options.testPaths);
    this.tried = new Int32Array(rules.compiled.length);
  }

  /** The file's format by its name, remembered (bounded: a history can name millions of paths). */
  private formatOf(path: string): FileFormat {
    let format = this.formats.get(path);
    if (format === undefined) {
      if (this.formats.size > 50_000) this.formats.clear();
      format = fileFormat(path);
      this.formats.set(path, format);
    }
    return format;
  }

  /** A fresh stamp per line scanned (wrapping long before it could collide with a stale one). */
  private nextStamp(): number {
    this.stamp = this.stamp === 0x7fffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.tried.fill(0);
    return this.stamp;
  }

  /**
   * The sources' prefilter on raw UTF-8 bytes: lines that fail it are never decoded. A line with a
   * provider row's keyword also keeps the few lines after it, where the row's value may sit.
   */
  readonly keepBytes = (bytes: Uint8Array, start: number, end: number): boolean => {
    // Past 3 bytes per UTF-16 unit of LONG_LINE, the line is restricted whatever it holds.
    const automaton = end - start > 3 * LONG_LINE ? this.rules.restrictedByteAutomaton : this.rules.byteAutomaton;
    const found = this.rules.always.length > 0 ? 1 : keywordFlagsInBytes(automaton, bytes, start, end, ANY_AND_CONTEXT);
    if (found & CONTEXT_FLAG) this.followUp = FOLLOW_LINES;
    else if (found === 0 && this.followUp > 0) {
      this.followUp--;
      return true;
    }
    return found !== 0;
  };

  /** A new file starts: the lines kept after a provider keyword were the last file's. */
  readonly startFile = (): void => {
    this.followUp = 0;
  };

  /** Every detection in a batch of added lines (any order of files; lines of a file in order). */
  scan(lines: readonly AddedLine[]): Detection[] {
    const detections: Detection[] = [];
    for (const fragment of this.fragments(lines)) this.scanFragment(fragment, detections);
    return detections;
  }

  private *fragments(lines: readonly AddedLine[]): Generator<Fragment> {
    let start = 0;
    for (let index = 1; index <= lines.length; index++) {
      const previous = lines[index - 1]!;
      const current = lines[index];
      const continues =
        current !== undefined && current.path === previous.path && current.commit === previous.commit && current.line === previous.line + 1;
      if (continues) continue;
      const path = previous.path;
      yield { lines: lines.slice(start, index), kind: this.paths.kindOf(path), format: this.formatOf(path) };
      start = index;
    }
  }

  private scanFragment(fragment: Fragment, detections: Detection[]): void {
    const texts = fragment.lines.map((line) => line.text);
    const found: Found = { candidates: [], claims: [] };
    const allowed = texts.map((text) => text.includes(':allow') && INLINE_ALLOW.test(text));
    for (let index = 0; index < texts.length; index++) {
      if (allowed[index]) continue;
      const restricted = fragment.kind === 'generated' || texts[index]!.length > LONG_LINE || fragment.lines[index]!.restricted === true;
      if (restricted) this.stats.restrictedLines++;
      this.findInLine(texts, index, fragment, restricted, found, 0);
    }
    const valid: Candidate[] = [];
    for (const candidate of found.candidates) {
      if (allowed[candidate.lineIndex]) continue;
      const detection = this.validate(candidate, fragment);
      if (detection) valid.push({ ...candidate, detection });
    }
    for (const candidate of resolveOverlaps(valid)) {
      // A provider named just before the value, whose own format the value does not have: a near
      // miss of that provider (a sample, a truncated key), not a generic secret.
      if (
        candidate.compiled.rule.confidence === 'generic' &&
        !candidate.decoded &&
        !candidate.password &&
        isClaimed(found.claims, candidate, texts)
      ) {
        this.options.onReject?.(candidate.compiled.rule, 'provider-near-miss', fragment.lines[candidate.lineIndex]!);
        continue;
      }
      detections.push(candidate.detection!);
    }
  }

  /** The find stage on one line: pattern rules, keyword-context rows, generic assignments, decoding. */
  private findInLine(texts: readonly string[], index: number, fragment: Fragment, restricted: boolean, found: Found, depth: number): void {
    const out = found.candidates;
    const text = texts[index]!;
    const { compiled, always } = this.rules;
    const automaton = restricted ? this.rules.restrictedAutomaton : this.rules.automaton;
    const hits = this.hitBuffers[depth]!;
    const count = hits.fill(automaton, text);
    let decodeLine = false;
    /** Generic values that are base64 themselves (`password: cGFzc…`): decoded after the hits. */
    const encodedValues: EncodedRun[] = [];
    let assignmentsByName: Map<string, Assignment[]> | undefined;
    // Each rule once per line, however many of its keywords occur: a stamp per rule, no allocation.
    const stamp = this.nextStamp();
    for (let at = 0; at < count + always.length; at++) {
      const entry = at < count ? hits.entry(at) : always[at - count]!;
      const rule = compiled[entry];
      if (rule === undefined) {
        decodeLine = true; // the base64 form of a distinctive prefix
        continue;
      }
      if (rule.kind === 'context' || this.tried[entry] === stamp) continue; // context rows run per keyword, below
      this.tried[entry] = stamp;
      if (restricted && !runsOnRestrictedLines(rule.rule)) continue; // an `always` rule
      if (rule.kind === 'pattern') {
        for (const match of rule.matches(text)) {
          const end = match.start + match.secret.length;
          out.push({ compiled: rule, secret: match.secret, lineIndex: index, start: match.start, end, distance: 0 });
        }
        continue;
      }
      if (!ASSIGNS.test(text)) continue;
      // Rules that share a name regex (the generic and the hex rule) read the line's assignments once.
      let assignments = assignmentsByName?.get(rule.name.source);
      if (assignments === undefined) {
        // A shell or Dockerfile assignment reads as config even in a README's code block.
        const format = fragment.format !== 'config' && SHELL_ASSIGNMENT.test(text) ? 'config' : fragment.format;
        assignments = findAssignments(text, rule.name, format, rule.rule.notAfter);
        (assignmentsByName ??= new Map()).set(rule.name.source, assignments);
      }
      for (const assignment of assignments) {
        const start = assignment.valueStart;
        const end = start + assignment.value.length;
        if (depth < this.options.maxDecodeDepth && looksBase64(assignment.value) && !encodedValues.some((run) => run.start === start)) {
          const decoded = decodeBase64Text(assignment.value);
          if (decoded !== undefined) encodedValues.push({ encoding: 'base64', start, end, decoded });
        }
        if (rule.value && !rule.value.test(assignment.value)) continue;
        const password = PASSWORD_NAME.test(text.slice(assignment.nameStart, assignment.nameEnd));
        out.push({ compiled: rule, secret: assignment.value, lineIndex: index, start, end, distance: 0, password });
      }
    }
    if (restricted) return;
    for (let at = 0; at < count; at++) {
      const rule = compiled[hits.entry(at)];
      if (rule?.kind !== 'context') continue;
      const hitEnd = hits.end(at);
      const keywordStart = hitEnd - hits.length(at);
      if (!startsWord(text, keywordStart)) continue;
      const value = findValueAfter(rule, texts, index, hitEnd);
      // The name before the value (from the start of the keyword's line) must read as the rule says.
      const name = rule.rule.name;
      if (name && !name.test(text.slice(0, value && value.lineIndex === index ? value.start : hitEnd + rule.window))) continue;
      if (depth === 0 && rule.rule.confidence === 'provider' && namesProvider(text.slice(keywordStart, hitEnd))) {
        found.claims.push({ lineIndex: index, from: hitEnd, budget: rule.window });
      }
      if (value) out.push({ compiled: rule, ...value });
    }
    if (depth >= this.options.maxDecodeDepth) return;
    // The hits of this line are read: the buffer of the next depth serves the decoded text.
    // Most lines hold nothing encoded: no array is built for them.
    const runs = decodeLine || text.includes('%') ? [...encodedValues, ...encodedRuns(text, decodeLine)] : encodedValues;
    if (runs.length > 0) this.findEncoded(runs, index, fragment, found, depth);
  }

  /** Base64 and percent-encoded runs, decoded and scanned like text; found values point at the run. */
  private findEncoded(runs: readonly EncodedRun[], index: number, fragment: Fragment, found: Found, depth: number): void {
    for (const run of runs) {
      const inner = run.decoded.split('\n');
      if (!inner.some((line) => anyKeyword(this.rules.automaton, line)) && this.rules.always.length === 0) continue;
      this.stats.decodedValues++;
      const decoded: Found = { candidates: [], claims: [] };
      for (let innerIndex = 0; innerIndex < inner.length; innerIndex++) {
        this.findInLine(inner, innerIndex, fragment, false, decoded, depth + 1);
      }
      for (const candidate of decoded.candidates) {
        found.candidates.push({
          ...candidate,
          lineIndex: index,
          start: run.start,
          end: run.end,
          decoded: candidate.decoded ?? run.encoding,
        });
      }
    }
  }

  /** The validate and classify stages: a Detection, or undefined when the value is not a credential. */
  private validate(candidate: Candidate, fragment: Fragment): Detection | undefined {
    const { rule } = candidate.compiled;
    const line = fragment.lines[candidate.lineIndex]!;
    const reject = (reason: Rejection): undefined => {
      this.options.onReject?.(rule, reason, line);
      return undefined;
    };
    const secret = candidate.secret;
    const entropy = shannonEntropy(secret);
    const example = knownExample(secret) ?? documentationUrlCredential(line.text, candidate);
    let confidence = rule.confidence;
    let note: string | undefined;
    if (!example) {
      const rejected = rejectValue(rule, secret, entropy);
      if (rejected) return reject(rejected);
      if (rule.kind === 'assignment') {
        const genericRejected = rejectGenericValue(secret, this.rules.prefixes);
        if (genericRejected) return reject(genericRejected);
      }
    }
    if (!example && rule.verify && !rule.verify(secret)) return reject('failed-format-check');
    if (rule.checksum && !rule.checksum(secret)) {
      // Check digits that do not match: not issued by the provider, yet shaped exactly like its tokens.
      confidence = 'provider';
      note = 'its checksum does not match, so it is probably a sample or a mistyped copy';
    }
    const weak = confidence === 'generic' && isWeakValue(secret, entropy);
    return {
      rule,
      secret,
      line,
      start: candidate.start,
      end: candidate.end,
      confidence,
      severity: severityOf(rule, confidence, { weak, example: example !== undefined }),
      pathKind: fragment.kind,
      entropy,
      ...(candidate.decoded ? { decoded: candidate.decoded } : {}),
      ...(example ? { example } : {}),
      ...(note ? { note } : {}),
    };
  }
}

/** The lines of `text` as added lines of `path` (no commit): for scanning a snippet, a file or a test case. */
export function linesOf(text: string, path: string): AddedLine[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line, index) => ({
    path,
    line: index + 1,
    text: line.endsWith('\r') ? line.slice(0, -1) : line,
    commit: '',
    author: '',
    date: '',
  }));
}

/**
 * A keyword names a provider only where a word starts: after a non-letter, or at a camel hump
 * (`myOktaKey`), never inside a word (`rookTable` does not name Okta).
 */
export function startsWord(text: string, start: number): boolean {
  if (start <= 0) return true;
  const before = text.charCodeAt(start - 1);
  const isLower = before >= 97 && before <= 122;
  const isUpper = before >= 65 && before <= 90;
  const isDigit = before >= 48 && before <= 57;
  if (!isLower && !isUpper && !isDigit) return true;
  const first = text.charCodeAt(start);
  return (isLower || isDigit) && first >= 65 && first <= 90;
}

/**
 * The first value of the row's shape within its window after the keyword, on this line or the
 * next ones of the fragment. The search runs over a bounded slice (window + longest value), so a
 * line of many keywords costs a bounded amount per keyword.
 */
function findValueAfter(
  rule: CompiledContext,
  texts: readonly string[],
  index: number,
  keywordEnd: number,
): Omit<Candidate, 'compiled'> | undefined {
  let lineIndex = index;
  let from = keywordEnd;
  let budget = rule.window;
  while (lineIndex < texts.length && budget >= 0) {
    const text = texts[lineIndex]!;
    // One character before `from`, so the value's left boundary sees what precedes it.
    const sliceStart = Math.max(0, from - 1);
    const slice = text.slice(sliceStart, from + budget + rule.maxValue + 1);
    rule.value.lastIndex = from - sliceStart;
    const match = rule.value.exec(slice);
    if (match) {
      // The boundaries are lookarounds, so the match is the value itself.
      const start = sliceStart + match.index;
      const secret = match[0];
      const distance = rule.window - budget + (start - from);
      if (start - from <= budget) return { secret, lineIndex, start, end: start + secret.length, distance };
    }
    budget -= text.length - from + 1; // the rest of this line and its line break
    lineIndex++;
    from = 0;
  }
  return undefined;
}

/** Words a few rows use as keywords that name no provider: they cannot vouch against a value. */
const NOT_A_PROVIDER =
  /^(?:token|secret|password|passwd|api[_-]?key|apikey|key|auth|bearer|access[_-]?key|private[_-]?key|session[_-]?token|security[_-]?token|account[_-]?key|accountkey|storage[_-]?key|storage_account_key|storageaccountkey|consumer_secret|llm|gpt|<[a-z_]+>)$/i;

function namesProvider(keyword: string): boolean {
  return !NOT_A_PROVIDER.test(keyword);
}

/** Does a provider keyword's window reach the candidate? It runs on through the line breaks after the keyword. */
function isClaimed(claims: readonly Claim[], candidate: Candidate, texts: readonly string[]): boolean {
  for (const claim of claims) {
    if (claim.lineIndex > candidate.lineIndex) continue;
    let budget = claim.budget;
    let from = claim.from;
    for (let lineIndex = claim.lineIndex; lineIndex < candidate.lineIndex && budget >= 0; lineIndex++) {
      budget -= texts[lineIndex]!.length - from + 1; // the rest of the line and its line break
      from = 0;
    }
    if (budget >= 0 && candidate.start >= from && candidate.start - from <= budget) return true;
  }
  return false;
}

/** A credential in a URL to a host reserved for documentation (`redis://:secret@example.com`). */
function documentationUrlCredential(text: string, candidate: Candidate): string | undefined {
  if (candidate.decoded) return undefined;
  const host = /^@([A-Za-z0-9.-]{1,253})/.exec(text.slice(candidate.end, candidate.end + 256))?.[1];
  return host && isDocumentationHost(host) ? `a credential in a URL to ${host}, a host reserved for documentation` : undefined;
}

/**
 * Two rules may find the same value: keep a rule that names a provider over one that does not (a
 * Monday.com token is also a JWT), then the surest (confirmed, provider, generic), a value found
 * as written over one found decoded, the nearest provider keyword, then the table's order; drop
 * any later candidate that overlaps a kept one.
 */
function resolveOverlaps(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  const agnostic = (candidate: Candidate) => (candidate.compiled.rule.agnostic || candidate.compiled.rule.confidence === 'generic' ? 1 : 0);
  const ordered = [...candidates].sort(
    (a, b) =>
      agnostic(a) - agnostic(b) ||
      CONFIDENCE_RANK[a.compiled.rule.confidence] - CONFIDENCE_RANK[b.compiled.rule.confidence] ||
      (a.decoded ? 1 : 0) - (b.decoded ? 1 : 0) ||
      a.distance - b.distance ||
      a.compiled.index - b.compiled.index ||
      a.lineIndex - b.lineIndex ||
      a.start - b.start,
  );
  const kept: Candidate[] = [];
  const spans = new Map<number, [number, number][]>();
  for (const candidate of ordered) {
    const onLine = spans.get(candidate.lineIndex) ?? [];
    if (onLine.some(([start, end]) => candidate.start < end && start < candidate.end)) continue;
    if (onLine.length >= 256) continue; // bounded per line: a minified line cannot make this quadratic
    onLine.push([candidate.start, candidate.end]);
    spans.set(candidate.lineIndex, onLine);
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.lineIndex - b.lineIndex || a.start - b.start);
}
