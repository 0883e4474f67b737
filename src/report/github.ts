// The only reporter that talks to the runner and the GitHub API: prints annotations, writes the job
// summary, the SARIF and JSON files and the step outputs, then the sticky PR comment or nightly issue.
// Everything it writes was rendered (and redacted) upstream.
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GitHubTarget } from '../config/action.js';
import type { Verdict } from '../policy/verdict.js';
import { renderAnnotations } from './annotations.js';
import { createGitHubApi, GitHubApiError, GitHubPermissionError } from './github-api.js';
import { renderJson } from './json.js';
import { actionOutputs } from './outputs.js';
import { renderSarif } from './sarif.js';
import { syncNightlyIssue, syncPullRequestComment } from './sticky.js';
import { renderSummary } from './summary.js';
import { renderText } from './text.js';

export interface GitHubReportOptions {
  sarifFile: string;
  jsonFile: string;
  github: GitHubTarget;
  toolVersion: string;
}

export async function reportToGitHub(verdict: Verdict, options: GitHubReportOptions): Promise<void> {
  // The readable report first (GitHub's log renders ANSI colour), then the annotation commands.
  process.stdout.write(renderText(verdict, { color: true }));
  for (const line of renderAnnotations(verdict)) process.stdout.write(`${line}\n`);

  writeReport(options.sarifFile, JSON.stringify(renderSarif(verdict, { toolVersion: options.toolVersion }), null, 2));
  writeReport(options.jsonFile, JSON.stringify(renderJson(verdict), null, 2));
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(renderSummary(verdict), true).write();
  for (const [name, value] of Object.entries(actionOutputs(verdict, { sarif: options.sarifFile, json: options.jsonFile }))) {
    core.setOutput(name, value);
  }

  await talkBack(verdict, options.github);

  if (verdict.verdict === 'fail') core.setFailed(failureLine(verdict));
  else core.info(`security-gate: pass (${verdict.counts.warn} warnings, ${verdict.counts.ignored} ignored)`);
}

/** The PR comment and nightly issue are extras: any API failure is one warning, never a failed step. */
async function talkBack(verdict: Verdict, github: GitHubTarget): Promise<void> {
  const wantsComment = github.comment !== 'false' && github.pullRequest !== undefined;
  const wantsIssue = github.issue && github.scheduled;
  if (!wantsComment && !wantsIssue) return;
  if (wantsComment && github.fork) {
    core.warning(
      'security-gate: this pull request comes from a fork, whose token is read-only: the PR comment is skipped. Annotations, the job summary and the SARIF file still report everything.',
    );
    return;
  }
  if (!github.token || !github.owner || !github.repo) {
    core.warning(
      'security-gate: no token or repository to comment with (set the `token` input): the PR comment / nightly issue is skipped.',
    );
    return;
  }
  const api = createGitHubApi({ token: github.token, baseUrl: github.apiUrl });
  const repo = { owner: github.owner, repo: github.repo };
  try {
    if (wantsComment) {
      const result = await syncPullRequestComment(api, {
        ...repo,
        issueNumber: github.pullRequest!,
        verdict,
        setting: github.comment,
        runUrl: github.runUrl,
      });
      core.info(`security-gate: PR comment ${result.action}${'url' in result ? ` (${result.url})` : ''}`);
    }
    if (wantsIssue) {
      const result = await syncNightlyIssue(api, { ...repo, verdict, runUrl: github.runUrl });
      core.info(`security-gate: nightly issue ${result.action}${result.url ? ` (${result.url})` : ''}`);
    }
  } catch (error) {
    if (error instanceof GitHubPermissionError || error instanceof GitHubApiError) core.warning(`security-gate: ${error.message}`);
    else throw error;
  }
}

function failureLine(verdict: Verdict): string {
  const { fail } = verdict.counts;
  const fatal = verdict.errors.filter((error) => error.fatal).length;
  const parts = [
    fail ? `${fail} finding${fail === 1 ? '' : 's'} fail${fail === 1 ? 's' : ''} the policy (fail-on: ${verdict.failOn})` : '',
    fatal ? `${fatal} check error${fatal === 1 ? '' : 's'} left part of the scan undone` : '',
  ];
  return `security-gate: ${parts.filter(Boolean).join('; ')}. See the annotations and the job summary.`;
}

function writeReport(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${text}\n`);
}
