// The validate stage: is a found value really a credential of its rule? Each check returns the
// reason it rejects a value (named, so the dev-set bench can say which stage decided), or
// undefined to let it through.
import { isPlaceholder } from '../placeholder.js';
import { isIdentifier, NOT_A_LITERAL } from '../rules/not-literal.js';
import type { SecretRule } from '../rules/types.js';

export type Rejection =
  | 'low-entropy'
  | 'placeholder'
  | 'allowlisted'
  | 'failed-format-check'
  | 'not-a-literal'
  | 'words'
  | 'provider-prefix'
  | 'too-short'
  | 'provider-near-miss';

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

/** The checks every rule's values go through. */
export function rejectValue(rule: SecretRule, secret: string, entropy: number): Rejection | undefined {
  if (rule.minEntropy !== undefined && entropy < rule.minEntropy) return 'low-entropy';
  if (isPlaceholder(secret)) return 'placeholder';
  if (rule.allow?.some((allow) => allow.test(secret))) return 'allowlisted';
  return undefined;
}

/** Generic literals: not references, identifiers, paths, versions, prose or a known provider's broken token. */
export function rejectGenericValue(secret: string, prefixes: readonly string[]): Rejection | undefined {
  if (secret.length < 10) return 'too-short';
  // Blanks make prose or code (`" + token.type + "`), not a credential.
  if (/\s/.test(secret)) return 'not-a-literal';
  if (NOT_A_LITERAL.some((pattern) => pattern.test(secret)) || isIdentifier(secret)) return 'not-a-literal';
  // A letter, and a digit or a symbol: words and identifiers have neither.
  if (!/[A-Za-z]/.test(secret) || !/[0-9!@#%^&*~+/=_.$-]/.test(secret)) return 'words';
  if (looksLikeWords(secret)) return 'words';
  // Keywords are lowercase; a provider's prefix is matched in either case (`SK_LIVE_` is a broken copy too).
  const lower = secret.toLowerCase();
  for (const prefix of prefixes) if (lower.startsWith(prefix.toLowerCase())) return 'provider-prefix';
  return undefined;
}

/**
 * Identifiers and phrases: `defaultToConfig2`, `my-app-secret-v2`, `ParenToken$1`. Split at
 * separators, digits and case humps (`HTMLParser` -> `HTML`, `Parser`): words give a few long runs,
 * each lowercase or Capitalized with a vowel (or a short acronym); random tokens give many short,
 * oddly cased runs.
 */
export function looksLikeWords(value: string): boolean {
  const runs = value.split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter(Boolean);
  if (runs.length === 0) return false;
  const letters = runs.reduce((sum, run) => sum + run.length, 0);
  if (letters < value.length * 0.6 || letters / runs.length < 4) return false;
  return runs.every((run) => (/^[A-Z]?[a-z]+$/.test(run) && /[aeiouy]/i.test(run)) || /^[A-Z]{2,5}$/.test(run));
}
