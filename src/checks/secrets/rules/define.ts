import type { ContextRule, PatternRule } from './types.js';
import { prefixed } from './patterns.js';
import { readHexAsAlnum } from './row.js';
import { mergeAlphabets } from './shapes.js';

/** Escape a literal for use inside a regex source. */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

interface Common {
  id: string;
  title: string;
  provider: string;
  /** A cap on the severity the confidence gives (README "Severity"). */
  severity?: PatternRule['severity'];
  minEntropy?: number;
  allow?: RegExp[];
  remediation: string;
  /** Variable name used in the generated examples, e.g. `OPENAI_API_KEY`. */
  env: string;
  /** Extra example lines. */
  secret?: string[];
  notSecret?: string[];
}

export interface PrefixedSpec extends Common {
  /** Literal prefix that starts every token; also the prefilter keyword. */
  prefix: string;
  /** Regex source of what follows the prefix. */
  body: string;
  /** A generated body that `body` accepts. */
  sample: string;
  /** A second sample for a second example line (defaults to `sample`). */
  sample2?: string;
  keywords?: string[];
  /** Regex source of the right boundary (default: no word character or dash). */
  end?: string;
  /** A structure the regex cannot test (rules/types.ts `verify`). */
  verify?: (secret: string) => boolean;
  /** Check digits (rules/types.ts `checksum`). */
  checksum?: (secret: string) => boolean;
  /** Read hex as hex only: for a prefix common enough (`key-`) that a wider body would meet words. */
  strictHex?: boolean;
}

/** A token recognisable by its own prefix, wherever it appears. */
export function prefixedRule(spec: PrefixedSpec): PatternRule {
  const token = spec.prefix + spec.sample;
  const token2 = spec.prefix + (spec.sample2 ?? spec.sample);
  return {
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    // A prefix of four or more characters is the provider's own: short ones (`pat`, `sk`) need more.
    confidence: spec.prefix.length >= 4 ? 'confirmed' : 'provider',
    ...(spec.severity ? { severity: spec.severity } : {}),
    keywords: spec.keywords ?? [spec.prefix.toLowerCase()],
    prefixes: [spec.prefix],
    // The body in a group: a body with alternatives must not leave the prefix on the first one only.
    // Lowercase hex reads as lowercase alphanumerics after the prefix, as in provider rows (row.ts).
    pattern: prefixed(`${literal(spec.prefix)}(?:${spec.strictHex ? spec.body : readHexAsAlnum(spec.body)})`, spec.end),
    ...(spec.verify ? { verify: spec.verify } : {}),
    ...(spec.checksum ? { checksum: spec.checksum } : {}),
    ...(spec.minEntropy === undefined ? {} : { minEntropy: spec.minEntropy }),
    ...(spec.allow ? { allow: spec.allow } : {}),
    remediation: spec.remediation,
    examples: {
      secret: [`${spec.env}=${token}`, `  "${camel(spec.env)}": "${token2}",`, ...(spec.secret ?? [])],
      notSecret: [
        // Too short to be a token: a truncated copy in a comment or a test.
        `${spec.env}=${spec.prefix}${spec.sample.slice(0, 6)}`,
        `${spec.env}=${spec.prefix}<your-token>`,
        ...(spec.notSecret ?? []),
      ],
    },
  };
}

export interface ContextSpec extends Common {
  /** Lowercase prefilter words (one must appear in the line). */
  keywords: string[];
  /**
   * Regex source the name before the value must match, when the keyword alone would also name a
   * public ID of the same shape (`twilio[\\w.-]{0,20}(?:auth|token|secret)`). Omit it when the
   * keyword is enough.
   */
  name?: string;
  /** Regex source of the value. */
  value: string;
  sample: string;
}

/**
 * A value that looks like many others, so it is reported only where a provider keyword stands just
 * before it (a keyword-context row with a hand-written value shape).
 */
export function contextRule(spec: ContextSpec): ContextRule {
  return {
    kind: 'context',
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    confidence: 'provider',
    ...(spec.severity ? { severity: spec.severity } : {}),
    keywords: spec.keywords,
    value: new RegExp(spec.value, 'i'),
    alphabet: alphabetOf(spec.value),
    ...(spec.name && !spec.keywords.includes(spec.name) ? { name: new RegExp(spec.name, 'i') } : {}),
    ...(spec.minEntropy === undefined ? {} : { minEntropy: spec.minEntropy }),
    ...(spec.allow ? { allow: spec.allow } : {}),
    remediation: spec.remediation,
    examples: {
      secret: [`${spec.env}=${spec.sample}`, `  ${spec.env.toLowerCase()}: "${spec.sample}"`, ...(spec.secret ?? [])],
      notSecret: [
        `${spec.env}=\${${spec.env}}`,
        `const key = process.env.${spec.env};`,
        // The same value with no provider name near it is left to the generic rule.
        `value = "${spec.sample}"`,
        ...(spec.notSecret ?? []),
      ],
    },
  };
}

/** The characters a hand-written value shape is made of: its character classes, merged. */
function alphabetOf(source: string): string {
  const classes = [...source.matchAll(/\[((?:\\.|[^\]])*)\]/g)].map((match) => match[1]!.replace(/^\^/, ''));
  return mergeAlphabets(classes.length > 0 ? classes : ['A-Za-z0-9']);
}

function camel(env: string): string {
  return env.toLowerCase().replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
