// A few rules of our own, so the engine's tests do not depend on the built-in table's contents.
import { compileRules } from '../../../src/checks/secrets/detect/compile.js';
import { Detector, linesOf, type Detection } from '../../../src/checks/secrets/detect/detector.js';
import type { PatternRule, SecretRule } from '../../../src/checks/secrets/rules/types.js';

export const AWS_KEY_RULE: PatternRule = {
  id: 'test-aws-access-key-id',
  title: 'AWS access key ID',
  provider: 'AWS',
  confidence: 'confirmed',
  keywords: ['akia', 'asia'],
  pattern: /(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA)[A-Z2-7]{16})(?![A-Z0-9])/,
  minEntropy: 3,
  remediation: 'Deactivate the key in IAM and create a new one.',
  examples: { secret: [], notSecret: [] },
};

export const GITHUB_PAT_RULE: PatternRule = {
  id: 'test-github-pat',
  title: 'GitHub personal access token',
  provider: 'GitHub',
  confidence: 'confirmed',
  keywords: ['ghp_'],
  pattern: /(?<![\w-])(?<secret>ghp_[0-9A-Za-z]{36})(?![\w-])/,
  minEntropy: 3,
  remediation: 'Revoke it at https://github.com/settings/tokens.',
  examples: { secret: [], notSecret: [] },
};

export const GENERIC_RULE: PatternRule = {
  id: 'test-generic-api-key',
  title: 'Generic API key',
  provider: 'generic',
  confidence: 'generic',
  keywords: ['api_key', 'apikey', 'secret', 'token'],
  pattern: /(?:api_?key|secret|token)\w{0,20}["']?\s{0,4}[:=]\s{0,4}["']?(?<secret>[A-Za-z0-9_\-+/]{20,80})/i,
  minEntropy: 3.5,
  examples: { secret: [], notSecret: [] },
};

/** A rule with no keyword: runs on every line. */
export const PRIVATE_KEY_RULE: PatternRule = {
  id: 'test-private-key',
  title: 'Private key',
  provider: 'generic',
  confidence: 'confirmed',
  keywords: [],
  pattern: /-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----/,
  examples: { secret: [], notSecret: [] },
};

export const TEST_RULES = [AWS_KEY_RULE, GITHUB_PAT_RULE, GENERIC_RULE, PRIVATE_KEY_RULE];

/** Deterministic random-looking text (mulberry32), so secrets are real-shaped but reproducible. */
export function randomText(length: number, alphabet: string, seed: number): string {
  let state = seed >>> 0;
  let out = '';
  for (let index = 0; index < length; index++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out += alphabet[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * alphabet.length)];
  }
  return out;
}

export const awsKey = (seed = 1): string => `AKIA${randomText(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', seed)}`;
export const githubPat = (seed = 1): string =>
  `ghp_${randomText(36, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', seed)}`;

/** The detector over `rules`, for scanning snippets in tests (no test paths, decoding one level). */
export function detectorFor(rules: SecretRule[], options: { testPaths?: string[]; maxDecodeDepth?: number } = {}): Detector {
  return new Detector(compileRules(rules), { testPaths: options.testPaths ?? [], maxDecodeDepth: options.maxDecodeDepth ?? 1 });
}

/** Every detection in `text`, read as the file `path` (a file of no particular format by default). */
export function detect(detector: Detector, text: string, path = 'snippet'): Detection[] {
  return detector.scan(linesOf(text, path));
}
