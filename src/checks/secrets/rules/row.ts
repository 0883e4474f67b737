// A provider's keyword-context row, written compactly: the provider's keywords and the shape of
// its value. The row makes its own examples from its shape (a sample near a keyword is found;
// the same sample without the keyword, one character short or long, or after a keyword buried in
// an identifier is not), so every row carries evidence the table-driven test runs.
import type { Severity } from '../../../finding.js';
import { mergeAlphabets, type Shape } from './shapes.js';
import type { ContextRule } from './types.js';
import { literal } from './define.js';
import { looksLikeWords } from '../detect/validate.js';

export interface ProviderRowSpec {
  /** Default: the provider's name in lowercase-dashed form plus `-api-key`. */
  id?: string;
  provider: string;
  /** Default: `<provider> API key`. */
  title?: string;
  /** Lowercase words that name the provider; at least one must stand before the value. */
  keywords: string[];
  value: Shape;
  /** Default: by alphabet and length (see `defaultMinEntropy`). */
  minEntropy?: number;
  /** Characters between the end of the keyword and the value (default 40). */
  window?: number;
  severity?: Severity;
  allow?: RegExp[];
  verify?: (secret: string) => boolean;
  /** Default: revoke it in the provider's console. */
  remediation?: string;
  /** Extra example texts, written for this row. */
  secret?: string[];
  notSecret?: string[];
}

/**
 * Camel-cased identifiers (`authenticationId`, `PascalCaseName`): a keyword followed by code, not
 * by a key. Random keys of the rows' alphabets almost always hold a digit or two capitals in a row.
 * Each hump starts at its one capital, so the match is linear.
 */
const CAMEL_CASE_WORDS = /^(?:[a-z]+|[A-Z][a-z]+)(?:[A-Z][a-z]+)+$/;

/** A camel-cased identifier of exactly `length` letters, for near-miss examples. */
function identifierOf(length: number): string {
  const words = 'customerAccountLookupTableForRequestHandlerWithRetryPolicyAndTimeoutSettings';
  const identifier = words.repeat(Math.ceil(length / words.length)).slice(0, length);
  return /[A-Z]$/.test(identifier) ? `${identifier.slice(0, -1)}x` : identifier;
}

/** A provider's keyword-context row; it never takes a camel-cased identifier for a key. */
export function providerRow(spec: ProviderRowSpec): ContextRule {
  const keyword = spec.keywords[0]!;
  const identifier = identifierOf(spec.value.min);
  // An identifier of the value's very shape, where the shape allows one: the guard is what stops it.
  const shapedLikeIdentifier = new RegExp(`^(?:${spec.value.source})$`).test(identifier);
  const sample = spec.value.sample(spec.provider);
  const sample2 = spec.value.sample(`${spec.provider}/2`);
  const tooShort = spec.value.min > 8 ? sample.slice(0, spec.value.min - 1) : undefined;
  const tooLong = spec.value.max === spec.value.min ? `${sample}${sample.charAt(sample.length - 1)}` : undefined;
  const shout = keyword.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return {
    kind: 'context',
    id: spec.id ?? `${slug(spec.provider)}-api-key`,
    title: spec.title ?? `${spec.provider} API key`,
    provider: spec.provider,
    confidence: 'provider',
    keywords: spec.keywords,
    value: new RegExp(readHexAsAlnum(spec.value.source)),
    alphabet: mergeAlphabets([readHexAsAlnum(spec.value.alphabet)]),
    ...(spec.window === undefined ? {} : { window: spec.window }),
    minEntropy: spec.minEntropy ?? defaultMinEntropy(spec.value),
    ...(spec.severity ? { severity: spec.severity } : {}),
    allow: [CAMEL_CASE_WORDS, ...(spec.allow ?? [])],
    ...(spec.verify ? { verify: spec.verify } : {}),
    remediation: spec.remediation ?? `Revoke the key in your ${spec.provider} account and issue a new one.`,
    examples: {
      secret: [
        `${keyword} token = '${sample}'`,
        `[DEBUG] Using ${shout} key=${sample2}`,
        `${keyword}:\n  credentials:\n    key: "${sample}"`,
        // A Jenkins credential as trufflehog's tests lay it out: the id names the provider, the value
        // sits a line below, after the encrypted blob's marker.
        `<id>{${keyword}}</id>\n  <secret>{AQAAABAAA ${sample2}}</secret>`,
        ...(spec.secret ?? []),
      ],
      notSecret: [
        `token = '${sample}'`,
        `rook${keyword}ish = "${sample}"`,
        ...(tooShort ? [`${keyword}_key = '${tooShort}'`] : []),
        ...(tooLong ? [`${keyword}_key = '${tooLong}'`] : []),
        ...(shapedLikeIdentifier ? [`${keyword}: ${identifier}`] : []),
        ...(spec.notSecret ?? []),
      ],
    },
  };
}

/**
 * A provider row reads lowercase hex (`[0-9a-f]`, UUIDs too) as lowercase alphanumerics, the way
 * trufflehog's detectors read such keys: what other scanners report is then found here too, and a
 * provider keyword only vouches against a value that really misses the provider's format (wrong
 * length, other case, other symbols), not against one that is merely not hex.
 */
export function readHexAsAlnum(source: string): string {
  return source.replace(/0-9a-f(?![A-Za-z-])/g, '0-9a-z').replace(/a-f0-9/g, 'a-z0-9');
}

/**
 * Random tokens carry close to log2(alphabet) bits per character, capped by log2(length). The
 * floor sits well below that, so real tokens pass, and well above words and repeated runs.
 */
export function defaultMinEntropy(shape: Shape): number {
  if (shape.hex) return Math.min(3, Math.log2(shape.min) - 0.8);
  return Math.min(3.3, Math.log2(shape.min) - 0.8);
}

export function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * A row whose keyword also names a public ID of the same shape (an app ID beside its secret): the
 * name between the keyword and the value must also say secret, so `AGORA_APP_ID=…` is left alone.
 * The generated multi-line example names no secret, so it is not kept.
 */
export function secretRow(spec: ProviderRowSpec, says = 'secret|token|key|cert|password|pass'): ContextRule {
  const row = providerRow(spec);
  const words = spec.keywords.map((keyword) => literal(keyword)).join('|');
  const name = new RegExp(`(?:${words})[\\w .-]{0,24}(?:${says})`, 'i');
  const sample = spec.value.sample(spec.provider);
  const shout = spec.keywords[0]!.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return {
    ...row,
    name,
    examples: {
      secret: [...row.examples.secret.filter((text) => name.test(text.split('\n')[0]!)), `${shout}_SECRET=${sample}`],
      notSecret: [...row.examples.notSecret, `${spec.keywords[0]!}_app_id = '${sample}'`],
    },
  };
}

/**
 * For a keyword that also starts common identifiers (`deeplink`, `bestTimeSlot`): it must end a
 * word there (`DEEPL_AUTH_KEY`, `deepl key`), at the cost of camel-cased names (`deeplKey`).
 */
export function standalone(row: ContextRule): ContextRule {
  return { ...row, name: new RegExp(`(?:${row.keywords.map((keyword) => literal(keyword)).join('|')})(?![a-z])`, 'i') };
}

/** A loose shape's guard (`verify`): a slug or a phrase of that length is not a key. */
export function notWords(value: string): boolean {
  return /[0-9]/.test(value) && /[A-Za-z]/.test(value) && !looksLikeWords(value);
}

/**
 * The guard (`verify`) of a row whose keyword is also a common word (`box`, `apollo`): a random
 * mixed-case key of 20 or more characters almost always holds a capital, a small letter and a
 * digit; a hash (`box_checksum = "5f4d…"`), a constant or a word of that length does not.
 */
export function mixedCase(value: string): boolean {
  return /[A-Z]/.test(value) && /[a-z]/.test(value) && /[0-9]/.test(value);
}

/**
 * A row whose keyword is a common word (`rev`, `swell`) or names a provider of many credential
 * kinds (`azure`): the keyword must start a name that says key, token or secret (`REV_ACCESS_TOKEN`,
 * `swell api key`), or name a Jenkins credential (`<id>swell</id>` with the value a line or two
 * below, `<secret>{azure …}`), not just stand somewhere on the line. Elsewhere it claims nothing,
 * so the generic rule still judges a password beside it.
 */
export function namedCredential(row: ContextRule, says = 'key|token|secret|auth|pass'): ContextRule {
  const words = row.keywords.map((keyword) => literal(keyword)).join('|');
  const name = new RegExp(`\\b(?:${words})(?:[\\w .-]{0,24}(?:${says})|[\\w.-]{0,30}\\}?</id>)|<secret>\\{?(?:${words})\\b`, 'i');
  return {
    ...row,
    name,
    examples: {
      secret: row.examples.secret.filter((text) => name.test(text.split('\n')[0]!)),
      notSecret: row.examples.notSecret,
    },
  };
}
