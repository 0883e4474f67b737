// The classify stage: where a value was found (source, test/example path, generated file) and how
// sure the match is decide its severity; the policy decides whether it fails (README "Severity").
import { minimatch } from 'minimatch';
import { severityRank, type Severity } from '../../../finding.js';
import type { Confidence, SecretRule } from '../rules/types.js';

/** `test`: a test, fixture, spec, example, sample or docs path (`secrets.test-paths`). */
export type PathKind = 'source' | 'test' | 'generated';

/**
 * Generated and minified files: bundles, source maps, lockfiles, vendored code, inline images. They
 * are scanned for distinctive provider tokens only: a generic rule there reads compiler output.
 */
const GENERATED_GLOBS = [
  '**/dist/**',
  '**/*.min.js',
  '**/*.min.mjs',
  '**/*.min.css',
  '**/*.map',
  '**/*.bundle.js',
  '**/*.chunk.js',
  '**/vendor/**',
  '**/node_modules/**',
  '**/bower_components/**',
  '**/*.svg',
  '**/package-lock.json',
  '**/npm-shrinkwrap.json',
  '**/yarn.lock',
  '**/pnpm-lock.yaml',
  '**/bun.lock',
  '**/*.lock',
  '**/go.sum',
  '**/*.pb.go',
  '**/*_pb2.py',
];

/** Lines this long are minified or generated whatever their path. */
export const LONG_LINE = 4000;

export class PathClassifier {
  private readonly test: RegExp[];
  private readonly generated: RegExp[];
  private readonly cache = new Map<string, PathKind>();

  constructor(testPaths: readonly string[]) {
    this.test = testPaths.map(globRegex);
    this.generated = GENERATED_GLOBS.map(globRegex);
  }

  kindOf(path: string): PathKind {
    let kind = this.cache.get(path);
    if (kind !== undefined) return kind;
    // Generated first: a bundle under test/ is still compiler output.
    kind = this.generated.some((glob) => glob.test(path)) ? 'generated' : this.test.some((glob) => glob.test(path)) ? 'test' : 'source';
    if (this.cache.size > 50_000) this.cache.clear(); // bounded: a history can name millions of paths
    this.cache.set(path, kind);
    return kind;
  }
}

/** A glob as a case-insensitive regex (minimatch), `**` crossing folders, dotfiles included. */
function globRegex(glob: string): RegExp {
  const pattern = glob.includes('/') ? glob : `**/${glob}`;
  const regex = minimatch.makeRe(pattern, { dot: true, nocase: true });
  if (!regex) throw new Error(`invalid glob: ${glob}`);
  return regex;
}

const BY_CONFIDENCE: Record<Confidence, Severity> = { confirmed: 'critical', provider: 'high', generic: 'medium' };

/**
 * Confirmed formats are critical, provider-context matches high, generic assignments medium (low
 * when the value is weak: short, low entropy). A rule's own `severity` caps it (test-mode keys),
 * and a published example is info.
 */
export function severityOf(rule: SecretRule, confidence: Confidence, value: { weak: boolean; example: boolean }): Severity {
  if (value.example) return 'info';
  let severity = BY_CONFIDENCE[confidence];
  if (confidence === 'generic' && value.weak) severity = 'low';
  if (rule.severity && severityRank(rule.severity) > severityRank(severity)) severity = rule.severity;
  return severity;
}

/** A generic value too weak to be more than a low: short or of low entropy. */
export function isWeakValue(secret: string, entropy: number): boolean {
  return secret.length < 16 || entropy < 3.5;
}
