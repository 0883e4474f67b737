import type { Severity } from '../../../finding.js';

/** A secret-detection rule: data, with its own evidence (see STYLE.md "Rules are data"). */
export interface SecretRule {
  id: string;
  title: string;
  /** Provider name for counting coverage and for messages ("rotate it in the Stripe dashboard"). */
  provider: string;
  severity: Severity;
  /** Lowercase substrings; a line is tried against the rule only when it contains one (prefilter). */
  keywords: string[];
  /** The secret is the named group `secret`, else the whole match. No `g` flag. */
  pattern: RegExp;
  /** Minimum Shannon entropy (bits per char) of the secret, to drop low-randomness look-alikes. */
  minEntropy?: number;
  /** Extra per-rule values that are never secrets (regexes tested against the secret). */
  allow?: RegExp[];
  /** What to do after a leak: where to revoke/rotate. */
  remediation?: string;
  examples: { secret: string[]; notSecret: string[] };
}
