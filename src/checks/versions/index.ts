// The supported-versions check: does SECURITY.md's "Supported Versions" table match the releases
// (git tags)? Reads the policy, reads the tags, and hands both to the pure rules in check.ts.
import type { Check } from '../check.js';
import type { Config } from '../../config/schema.js';
import type { Context } from '../../context/context.js';
import { GitError, isGitRepository } from '../../context/git.js';
import type { CheckError, CheckResult, Finding } from '../../finding.js';
import { policyFindings, policyMissingFinding } from './check.js';
import { changedInRange } from './introduced.js';
import { findPolicyFile } from './policy-file.js';
import { readSupportTable } from './table.js';
import { listReleases, type Release } from './tags.js';

export const versionsCheck: Check = async (context, config) => {
  // The policy and the tags belong to the repository, whatever folder of it is scanned.
  const policy = await findPolicyFile(context.repoRoot, config.versions['policy-file']);
  const stats: Record<string, number | string> = { releases: 0, rows: 0, policyFile: policy.found ? policy.path : 'none' };
  if (!policy.found) {
    // The stats say what happened: the releases are still counted, and no policy file was read.
    stats.releases = (await readReleases(context, config, policy.path, [], {}))?.length ?? 0;
    if ('refused' in policy) return result([], [{ check: 'versions', path: policy.path, message: policy.refused, fatal: true }], stats);
    const missing = policyMissingFinding(policy.path, policy.searched, policy.configured);
    return result(await withIntroduced([missing], context, policy.path, []), [], stats);
  }

  const document = readSupportTable(policy.text, context.now);
  stats.rows = document.table?.rows.length ?? 0;

  const errors: CheckError[] = [];
  const tags = await readReleases(context, config, policy.path, errors, stats);
  const findings = policyFindings({ policyFile: policy.path, text: policy.text, document, releases: tags, now: context.now });
  return result(await withIntroduced(findings, context, policy.path, tags ?? []), errors, stats);
};

/**
 * The releases to check the table against; undefined when tag-based rules must not run
 * (no git, or no release tags: a clean result from zero releases would be a lie).
 */
async function readReleases(
  context: Context,
  config: Config,
  policyFile: string,
  errors: CheckError[],
  stats: Record<string, number | string>,
): Promise<Release[] | undefined> {
  const repository = context.git ? await isGitRepository(context.root) : undefined;
  if (!repository) {
    stats.note = `${repository === false ? 'not a git repository' : 'git disabled'}: checked the table alone, not against release tags`;
    return undefined;
  }
  if (!context.tags.complete) {
    // A shallow clone whose tags could not be fetched: no releases is not "no releases".
    errors.push({ check: 'versions', path: policyFile, fatal: true, message: context.tags.problem ?? 'the clone lacks its tags' });
    return undefined;
  }
  const settings = config.versions;
  let releases: Release[];
  try {
    releases = await listReleases(context.root, {
      tagPattern: settings['tag-pattern'],
      includePrereleases: settings['include-prereleases'],
    });
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    errors.push({ check: 'versions', path: policyFile, message: `could not list git tags: ${error.message}` });
    return undefined;
  }
  stats.releases = releases.length;
  if (releases.length > 0) return releases;
  const pattern = settings['tag-pattern'];
  stats.note = pattern
    ? `no tag matches versions.tag-pattern ${pattern}: the table was not checked against releases`
    : 'no release tags (like v1.2.3): the table was not checked against releases';
  return undefined;
}

async function withIntroduced(findings: Finding[], context: Context, policyFile: string, releases: Release[]): Promise<Finding[]> {
  if (findings.length === 0) return findings;
  const introduced = await changedInRange(context, policyFile, releases);
  return introduced === undefined ? findings : findings.map((finding) => ({ ...finding, introduced }));
}

function result(findings: Finding[], errors: CheckError[], stats: Record<string, number | string>): CheckResult {
  return { check: 'versions', findings, errors, stats };
}
