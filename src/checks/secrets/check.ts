// The secrets check, given its built-in rules (tests pass their own): pick the lines to scan
// (a git range or the working tree), run the rules over them, and turn matches into findings
// that carry a redacted value and a hash, never the secret itself.
import { createHash } from 'node:crypto';
import type { PolicyFiles } from '../../config/policy-files.js';
import type { Config } from '../../config/schema.js';
import { scopePathspec, type Context } from '../../context/context.js';
import { makeFingerprint, redact, SecretValues, type CheckError, type CheckResult, type Finding } from '../../finding.js';
import type { Check, CheckOptions } from '../check.js';
import { GitleaksIgnore, pathFilter } from './allow.js';
import { fromConfigRule, fromGitleaksToml, mergeRules } from './custom-rules.js';
import type { AddedLine, DiffStats } from './diff-parser.js';
import { addedLines } from './history.js';
import type { SecretRule } from './rules/types.js';
import { compileRules, mayContainSecretBytes, scanLine, type SecretMatch } from './scan.js';
import { stagedLines } from './staged.js';
import { workingTreeLines } from './working-tree.js';

const PROGRESS_EVERY = 500;

export function makeSecretsCheck(builtin: SecretRule[]): Check {
  return async (context: Context, config: Config, options: CheckOptions = {}): Promise<CheckResult> => {
    const errors: CheckError[] = [];
    const loaded = await loadRules(options.policyFiles ?? {}, config, builtin);
    errors.push(...loaded.errors);
    const compiled = compileRules(loaded.rules);
    const ignore = new GitleaksIgnore(options.policyFiles?.['.gitleaksignore'] ?? '');
    const scanOptions = {
      maxFileSize: config.secrets['max-file-size'],
      includePath: pathFilter(config.secrets['exclude-paths'], loaded.allowPaths),
    };
    const stats: DiffStats = { commits: 0, lines: 0, skippedBinary: 0, skippedTooLarge: 0, skippedExcluded: 0 };
    // Every raw value found (ignored ones too): the reporters mask them wherever they appear.
    const secretValues = new SecretValues();
    const result = (findings: Finding[], range: string): CheckResult => ({
      check: 'secrets',
      findings,
      errors,
      stats: { range, ...stats, rules: loaded.rules.length },
      secretValues,
    });

    let source: AsyncIterable<AddedLine[]>;
    const range = context.git ? context.range.label : 'working tree';
    const keep = (bytes: Uint8Array, start: number, end: number) => mayContainSecretBytes(compiled, bytes, start, end);
    const onStats = (now: DiffStats) => Object.assign(stats, now);
    if (!context.git) {
      const onUnreadable = (path: string, reason: string) =>
        errors.push({ check: 'secrets', path, message: `could not read this file (${reason}), so it was not scanned.` });
      source = workingTreeLines(context.root, { ...scanOptions, onUnreadable }, stats);
    } else if (context.staged) {
      source = stagedLines(context.root, scopePathspec(context), { ...scanOptions, keep }, onStats);
    } else {
      // The range was resolved (and a shallow clone completed) before the checks: never report
      // clean for one that could not be read. A shallow clone in full mode is still scanned as
      // far as it goes, but the result cannot be vouched for.
      if (context.range.problem) errors.push({ check: 'secrets', path: '.', message: context.range.problem, fatal: true });
      if (!context.range.complete && context.range.revisions.length === 0) return result([], 'unreadable');
      const progress = options.progress;
      const onCommit = progress
        ? (commits: number) => {
            if (commits % PROGRESS_EVERY === 0) progress({ check: 'secrets', done: commits, unit: 'commits' });
          }
        : undefined;
      // Only lines the prefilter lets through are materialised: most of a history is not.
      source = addedLines(
        context.root,
        context.range,
        scopePathspec(context),
        { ...scanOptions, keep, ...(onCommit ? { onCommit } : {}) },
        onStats,
      );
    }

    const findings = new Map<string, Finding>();
    try {
      for await (const batch of source) {
        for (const added of batch) {
          for (const match of scanLine(compiled, added.text)) {
            secretValues.add(match.secret);
            if (ignore.ignores({ commit: added.commit, path: added.path, rule: match.rule.id, line: added.line })) continue;
            const finding = toFinding(match, added, context);
            const key = `${finding.fingerprint}\u0000${added.line}`;
            if (!findings.has(key)) findings.set(key, finding);
          }
        }
      }
    } catch (error) {
      // git itself failed mid-stream (a bad revision, a corrupt object): the result is not clean.
      errors.push({ check: 'secrets', path: '.', message: `the scan stopped early: ${describe(error)}`, fatal: true });
    }
    return result([...findings.values()], range);
  };
}

function toFinding(match: SecretMatch, added: AddedLine, context: Context): Finding {
  const { rule } = match;
  const redacted = redact(match.secret);
  const hash = createHash('sha256').update(match.secret).digest('hex').slice(0, 16);
  const commit = added.commit || undefined;
  const where = `${added.path}:${added.line}`;
  const when = commit
    ? ` in commit ${commit.slice(0, 7)}${added.author ? ` by ${added.author}` : ''}${added.date ? ` on ${added.date.slice(0, 10)}` : ''}`
    : '';
  const message =
    `${rule.title} ${redacted} was added to ${where}${when}. ` +
    (commit
      ? 'Revoke or rotate this credential first: it is in the git history, so deleting the line or rewriting history does not un-leak it. '
      : 'Revoke or rotate this credential first: anyone who had a copy of this file has it, so deleting the line does not un-leak it. ') +
    (rule.remediation ? `${rule.remediation} ` : '') +
    'Then load it from a secret store or environment variable instead of the repository.';
  return {
    check: 'secrets',
    rule: rule.id,
    severity: rule.severity,
    title: `${rule.title} committed`,
    message,
    location: { path: added.path, line: added.line, ...(commit ? { commit } : {}) },
    fingerprint: makeFingerprint('secrets', rule.id, added.path, commit, hash),
    ...(context.mode === 'full' ? {} : { introduced: true }),
    details: {
      kind: 'secrets',
      redacted,
      ...(added.author ? { author: added.author } : {}),
      ...(added.date ? { date: added.date } : {}),
      entropy: Math.round(match.entropy * 100) / 100,
    },
  };
}

async function loadRules(
  policyFiles: PolicyFiles,
  config: Config,
  builtin: SecretRule[],
): Promise<{ rules: SecretRule[]; allowPaths: RegExp[]; errors: CheckError[] }> {
  const errors: CheckError[] = [];
  const custom: SecretRule[] = [];
  let allowPaths: RegExp[] = [];
  const toml = policyFiles['.gitleaks.toml'];
  if (toml !== undefined) {
    const fromToml = fromGitleaksToml(toml, '.gitleaks.toml');
    custom.push(...fromToml.rules);
    allowPaths = fromToml.allowPaths;
    errors.push(...fromToml.errors);
  }
  for (const rule of config.secrets.rules) {
    try {
      custom.push(fromConfigRule(rule));
    } catch (error) {
      errors.push({ check: 'secrets', path: 'secrets.rules', message: `rule '${rule.id}' was skipped: ${describe(error)}` });
    }
  }
  return { rules: mergeRules(builtin, custom, config.secrets['disable-rules']), allowPaths, errors };
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
