// The policy a run applies: the config (the file, with inputs or flags merged over it), the baseline
// and the checks' policy files (.gitleaks.toml, .gitleaksignore), all read from one place. On a pull
// request that place is the base commit (`policy-from: base`, the default): a pull request that adds
// a key and an ignore for it must not pass (issue 10, item 17). What it changes in them is reported
// and applies once merged.
import { ConfigError } from '../config/errors.js';
import { loadConfig } from '../config/load.js';
import { readPolicyFiles, type PolicyFiles } from '../config/policy-files.js';
import type { Config } from '../config/schema.js';
import type { Settings } from '../config/settings.js';
import { commitTree, workingTree, type PolicyTree } from '../config/tree.js';
import { short, type Context } from '../context/context.js';
import { resolveCommit } from '../context/git.js';
import { baselineSnapshot } from './baseline.js';
import { policyChangeNotices, type PolicySnapshot } from './changes.js';

/** The events whose head is a proposed change, judged by the policy of what it would change. */
export const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target', 'merge_group'];

export interface Policy {
  config: Config;
  /** The config file, relative to the root; undefined when defaults apply. */
  configFile?: string;
  /** Line of each `ignore` entry in the config file. */
  ignoreLines: (number | undefined)[];
  /** Fingerprints of the baseline report: such findings only warn. */
  baseline?: Set<string>;
  /** The checks' policy files, read from the same place as the config. */
  files: PolicyFiles;
  /** `working tree` or `base commit a1b2c3d`. */
  source: string;
  /** What the pull request changes in the policy (applies after merge). */
  notices: string[];
  /** Why the policy could not be read from the base commit (it was read from the working tree): the run must fail. */
  problem?: string;
}

export type PolicyRequest = Pick<Settings, 'root' | 'configPath' | 'overrides' | 'overrideNames' | 'defaults'> & {
  /** The base commit to read the policy from; undefined reads the working tree. */
  base?: PolicyBase;
};

/** Should this run read its policy from the base commit? Only a pull request's, unless an input or flag says `policy-from: head`. */
export function readsPolicyFromBase(settings: Pick<Settings, 'event' | 'git' | 'overrides'>): boolean {
  return settings.git && PULL_REQUEST_EVENTS.includes(settings.event?.name ?? '') && settings.overrides?.['policy-from'] !== 'head';
}

export async function loadPolicy(request: PolicyRequest): Promise<Policy> {
  const head = workingTree(request.root);
  if (request.base === undefined) return { ...(await readPolicy(head, request)), notices: [] };
  if ('problem' in request.base) return { ...(await readPolicy(head, request)), notices: [], problem: request.base.problem };

  const base = await readFromBase(await commitTree(request.root, request.base.commit), request);
  // `policy-from` itself comes from the base commit (or an input): a pull request cannot switch it off for itself.
  if (base.config['policy-from'] === 'head') return { ...(await readPolicy(head, request)), notices: [] };
  // The pull request's own policy is still validated: merging a broken config would break the base branch.
  const proposed = await readPolicy(head, request);
  return { ...base, notices: policyChangeNotices(snapshotOf(base), snapshotOf(proposed)) };
}

type ReadPolicy = Omit<Policy, 'notices'> & { baselineFile?: string };

async function readPolicy(tree: PolicyTree, request: PolicyRequest): Promise<ReadPolicy> {
  const loaded = await loadConfig(tree, {
    path: request.configPath,
    // A base commit from before the config file was added has none: the defaults apply.
    optional: tree.commit !== undefined,
    overrides: request.overrides,
    overrideNames: request.overrideNames,
    ...(request.defaults ? { defaults: request.defaults } : {}),
  });
  const baseline = loaded.config.baseline === undefined ? undefined : await baselineSnapshot(tree, loaded.config.baseline);
  return {
    config: loaded.config,
    configFile: loaded.file,
    ignoreLines: loaded.ignoreLines,
    baseline: baseline?.fingerprints,
    baselineFile: baseline?.file,
    files: await readPolicyFiles(tree),
    source: tree.label,
  };
}

/** A policy problem at the base commit says so, and how to get past it. */
async function readFromBase(tree: PolicyTree, request: PolicyRequest): Promise<ReadPolicy> {
  try {
    return await readPolicy(tree, request);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigError([
      ...error.problems.map((problem) => ({ ...problem, detail: `${problem.detail} [in the ${tree.label}]` })),
      {
        file: 'policy-from',
        detail: `a pull request is judged by the policy of its ${tree.label}: fix it on the base branch first, or set the input policy-from: head.`,
      },
    ]);
  }
}

function snapshotOf(policy: ReadPolicy): PolicySnapshot {
  return {
    config: policy.config,
    configFile: policy.configFile,
    baseline: policy.baseline && policy.baselineFile ? { file: policy.baselineFile, fingerprints: policy.baseline } : undefined,
    files: policy.files,
  };
}

/** The base commit to read the policy from, or why it cannot be read. */
export type PolicyBase = { commit: string } | { problem: string };

/**
 * The base commit to read the policy from, as a full sha: the range's base, else the event's. A base
 * the clone lacks is a problem that fails the run with the fix, never a quiet fall back to the pull
 * request's own policy.
 */
export async function policyBase(settings: Pick<Settings, 'event'>, context: Context): Promise<PolicyBase> {
  if (context.base) return { commit: context.base }; // the range's base: already resolved to a full sha
  const base = settings.event?.base;
  const fix =
    'so the pull request was judged by its own policy and the result cannot be trusted. Fetch the base (`fetch-depth: 0` on actions/checkout), or set the input `policy-from: head`';
  if (!base)
    return { problem: `this ${settings.event?.name} event names no base commit to read the policy from (policy-from: base), ${fix}.` };
  const commit = await resolveCommit(context.root, base);
  if (!commit) return { problem: `the policy could not be read from the base commit ${short(base)}, which is not in this clone, ${fix}.` };
  return { commit };
}
