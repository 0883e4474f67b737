// The secrets check, given its built-in rules (tests pass their own): pick the lines to scan (a
// git range or the working tree), hand them to the detector, and turn its detections into
// findings that carry a redacted value and a hash, never the secret itself.
import type { Config } from '../../config/schema.js';
import { scopePathspec, type Context } from '../../context/context.js';
import { SecretValues, type CheckError, type CheckResult, type Finding } from '../../finding.js';
import type { Check, CheckOptions } from '../check.js';
import { GitleaksIgnore, pathFilter } from './allow.js';
import { compileRules } from './detect/compile.js';
import { Detector } from './detect/detector.js';
import { emptyStats, type AddedLine, type DiffStats } from './diff-parser.js';
import { addedLines } from './history.js';
import { stagedLines } from './staged.js';
import { loadRules } from './load-rules.js';
import { firstLine } from '../../util.js';
import type { SecretRule } from './rules/types.js';
import { toFinding } from './to-finding.js';
import { workingTreeLines } from './working-tree.js';

const PROGRESS_EVERY = 500;

export function makeSecretsCheck(builtin: SecretRule[]): Check {
  return async (context: Context, config: Config, options: CheckOptions = {}): Promise<CheckResult> => {
    const errors: CheckError[] = [];
    const loaded = loadRules(options.policyFiles ?? {}, config, builtin);
    errors.push(...loaded.errors);
    const detector = new Detector(compileRules(loaded.rules), {
      testPaths: config.secrets['test-paths'],
      maxDecodeDepth: config.secrets['max-decode-depth'],
    });
    const ignore = new GitleaksIgnore(options.policyFiles?.['.gitleaksignore'] ?? '');
    const stats = emptyStats();
    const opened = openSource(context, config, detector, loaded.allowPaths, stats, options);
    // Every raw value found (ignored ones too): the reporters mask them wherever they appear.
    const secretValues = new SecretValues();
    errors.push(...opened.errors);
    const result = (findings: Finding[]): CheckResult => ({
      check: 'secrets',
      findings,
      errors,
      stats: {
        range: opened.range,
        ...stats,
        ...detector.stats,
        rules: loaded.rules.length,
        providers: new Set(loaded.rules.map((rule) => rule.provider)).size,
      },
      secretValues,
    });
    if (!opened.source) return result([]);

    const findings = new Map<string, Finding>();
    try {
      for await (const batch of opened.source) {
        for (const detection of detector.scan(batch)) {
          secretValues.add(detection.secret);
          // A value found decoded leaks in its encoded form too: mask that as well.
          if (detection.decoded) secretValues.add(detection.line.text.slice(detection.start, detection.end));
          const { line } = detection;
          if (ignore.ignores({ commit: line.commit, path: line.path, rule: detection.rule.id, line: line.line })) continue;
          const finding = toFinding(detection, context.mode, !context.git ? 'working tree' : context.staged ? 'staged' : 'history');
          const key = `${finding.fingerprint}\u0000${line.line}`;
          if (!findings.has(key)) findings.set(key, finding);
        }
      }
    } catch (error) {
      // git itself failed mid-stream (a bad revision, a corrupt object): the result is not clean.
      errors.push({ check: 'secrets', path: '.', message: `the scan stopped early: ${firstLine(error)}`, fatal: true });
    }
    return result([...findings.values()]);
  };
}

interface OpenedSource {
  source?: AsyncIterable<AddedLine[]>;
  range: string;
  errors: CheckError[];
}

/**
 * The lines to scan: the working tree (`--no-git`), what `git add` staged (`--staged`), or the added
 * lines of the commit range. The range was resolved (and a shallow clone completed) before the
 * checks; a range that could not be read is never reported clean.
 */
function openSource(
  context: Context,
  config: Config,
  detector: Detector,
  allowPaths: { test(path: string): boolean }[],
  stats: DiffStats,
  options: CheckOptions,
): OpenedSource {
  const scanOptions = {
    maxFileSize: config.secrets['max-file-size'],
    includePath: pathFilter(config.secrets['exclude-paths'], allowPaths),
  };
  const errors: CheckError[] = [];
  const onStats = (now: DiffStats) => Object.assign(stats, now);
  if (!context.git) {
    const onUnreadable = (path: string, reason: string) =>
      errors.push({ check: 'secrets', path, message: `could not read this file (${reason}), so it was not scanned.` });
    return { source: workingTreeLines(context.root, { ...scanOptions, onUnreadable }, stats), range: 'working tree', errors };
  }
  // Only lines the prefilter lets through are materialised: most of a history is not.
  const keep = detector.keepBytes;
  if (context.staged) {
    return {
      source: stagedLines(context.root, scopePathspec(context), { ...scanOptions, keep }, onStats),
      range: context.range.label,
      errors,
    };
  }
  // A shallow clone in full mode is still scanned as far as it goes, but the result cannot be vouched for.
  if (context.range.problem) errors.push({ check: 'secrets', path: '.', message: context.range.problem, fatal: true });
  if (!context.range.complete && context.range.revisions.length === 0) return { range: 'unreadable', errors };
  const progress = options.progress;
  const onCommit = progress
    ? (commits: number) => {
        if (commits % PROGRESS_EVERY === 0) progress({ check: 'secrets', done: commits, unit: 'commits' });
      }
    : undefined;
  const source = addedLines(
    context.root,
    context.range,
    scopePathspec(context),
    { ...scanOptions, keep, ...(onCommit ? { onCommit } : {}) },
    onStats,
  );
  return { source, range: context.range.label, errors };
}
