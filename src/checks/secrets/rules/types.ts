import type { Confidence, Severity } from '../../../finding.js';

/**
 * How sure a match is that it is a credential decides its severity (README "Secrets"):
 * - `confirmed`: a format only this provider issues (a distinctive prefix, a checksum, a
 *   decodable structure), wherever it appears;
 * - `provider`: a provider keyword stands just before a value of that provider's shape;
 * - `generic`: a literal assigned to a name that says "secret", with no provider to lean on.
 */
export type { Confidence };

interface RuleCommon {
  id: string;
  title: string;
  /** Provider name for counting coverage and for messages ("rotate it in the Stripe dashboard"). */
  provider: string;
  confidence: Confidence;
  /**
   * A cap on the severity the confidence would give: test-mode keys, publishable-looking tokens,
   * custom rules that say so. Unset for most rules.
   */
  severity?: Severity;
  /** Lowercase substrings; a line is tried against the rule only when it contains one (prefilter). */
  keywords: string[];
  /** Minimum Shannon entropy (bits per char) of the secret, to drop low-randomness look-alikes. */
  minEntropy?: number;
  /** Extra per-rule values that are never secrets (regexes, or linear-time matchers for custom rules). */
  allow?: { test(value: string): boolean }[];
  /**
   * A format that names no provider (a JWT, a database URL): a provider's own rule finding the same
   * value is the better name for it, whatever the confidences.
   */
  agnostic?: boolean;
  /** A structure the pattern cannot express (a decodable JSON header): false = not this token, dropped. */
  verify?: (secret: string) => boolean;
  /**
   * Check digits (GitHub's and npm's CRC32): true confirms the token; false keeps the match at
   * provider confidence with a note, since a mistyped or truncated copy of a real token is still worth a look.
   */
  checksum?: (secret: string) => boolean;
  /** Literal prefixes every token of this format starts with (`ghp_`), for confirmed formats. */
  prefixes?: string[];
  /** What to do after a leak: where to revoke/rotate. */
  remediation?: string;
  examples: { secret: string[]; notSecret: string[] };
}

/** A regular expression over one line; the secret is the named group `secret`, else the whole match. */
export interface PatternRule extends RuleCommon {
  kind?: 'pattern';
  /** No `g` flag. Custom rules from config carry a linear-time matcher instead (see custom-rules.ts). */
  pattern: RegExp | LinearPattern;
}

/**
 * A keyword-context row: one of the rule's keywords, then within `window` characters (line breaks
 * included, as in a YAML block or an XML element on the next line) a value of the provider's
 * shape. The keyword must start a word (`rookTable` does not name Okta) and the value must not
 * continue into more characters of its own alphabet.
 */
export interface ContextRule extends RuleCommon {
  kind: 'context';
  /** The value's shape, without boundaries or flags (they are added when compiling). */
  value: RegExp;
  /** Characters the value is made of, for its boundaries: `A-Za-z0-9_-`. */
  alphabet: string;
  /** Longest distance from the end of the keyword to the value (default 40, as trufflehog's prefix). */
  window?: number;
  /**
   * A regex the name before the value must match (searched from a little before the keyword up to
   * the value), when the keyword alone would also name a public ID of the same shape:
   * `twilio_auth_token`, not `twilio_sid`.
   */
  name?: RegExp;
}

/**
 * A generic assignment: a name that says "secret" (`api_key`, `clientSecret`, `DB_PASSWORD`), an
 * assignment operator, then a literal (detect/literal.ts reads what counts as one).
 */
export interface AssignmentRule extends RuleCommon {
  kind: 'assignment';
  /** Matches the name, ending where the identifier ends; `g` is added, `i` only if given. */
  name: RegExp;
  /** A shape the whole value must have (hex keys), when the rule is about one. */
  value?: RegExp;
  /** Text that must not end right before the name (`page_` before `token`), tested on up to 24 characters. */
  notAfter?: RegExp;
}

export type SecretRule = PatternRule | ContextRule | AssignmentRule;

/** A pattern that runs in linear time (RE2 semantics), for rules the repository supplies. */
export interface LinearPattern {
  source: string;
  flags: string;
  /** Every non-overlapping match on the line, with the secret's offset. */
  matches(line: string): Iterable<{ secret: string; start: number }>;
}

export function isContextRule(rule: SecretRule): rule is ContextRule {
  return rule.kind === 'context';
}

export function isAssignmentRule(rule: SecretRule): rule is AssignmentRule {
  return rule.kind === 'assignment';
}

export function isPatternRule(rule: SecretRule): rule is PatternRule {
  return rule.kind === undefined || rule.kind === 'pattern';
}
