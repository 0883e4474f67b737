// The only reporter that talks to the runner and the GitHub API: writes the readable report and the
// annotations to the log, the job summary, the SARIF and JSON files and the step outputs, then the
// sticky PR comment or nightly issue. It reads no environment and prints nothing itself: the action
// shell hands it the summary path and an output sink built from @actions/core (codeql-action's
// injected logger), so tests pass a recording sink.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { GitHubTarget } from '../config/action.js';
import type { Verdict } from '../policy/verdict.js';
import { renderAnnotations } from './annotations.js';
import { createGitHubApi, GitHubApiError, GitHubPermissionError } from './github-api.js';
import { renderJson } from './json.js';
import { actionOutputs } from './outputs.js';
import { redactOutput } from './redaction.js';
import { renderSarif } from './sarif.js';
import { PageCapError, syncNightlyIssue, syncPullRequestComment } from './sticky.js';
import { renderSummary } from './summary.js';
import { renderText } from './text.js';
import { jsonForLog, neutraliseCommands } from './workflow-commands.js';
import { plural } from '../util.js';

/** Where the report goes: the step's log, its outputs and its result. `@actions/core` in the action. */
export interface OutputSink {
  /** Text for the log as it is (stdout). */
  write(text: string): void;
  /** One line for the log. */
  info(message: string): void;
  /** A warning annotation (`::warning::`). */
  warning(message: string): void;
  /** A notice annotation (`::notice::`). */
  notice(message: string): void;
  setOutput(name: string, value: string): void;
  /** An error annotation (`::error::`) and a failed step. */
  setFailed(message: string): void;
}

export interface GitHubReportOptions {
  sarifFile: string;
  jsonFile: string;
  /** The job summary file ($GITHUB_STEP_SUMMARY); no summary without one. */
  summaryFile?: string;
  github: GitHubTarget;
  toolVersion: string;
}

/** What the PR comment / nightly issue step has to say: info lines and warnings. */
interface TalkBack {
  info: string[];
  warnings: string[];
}

export async function reportToGitHub(verdict: Verdict, options: GitHubReportOptions, sink: OutputSink): Promise<void> {
  // The readable report first (GitHub's log renders ANSI colour); it is redacted and neutralised.
  sink.write(renderText(verdict, { color: true }));
  // Files, not log lines; written as the CLI prints them, so a `cat` in a later step is safe too.
  writeReport(options.sarifFile, jsonForLog(renderSarif(verdict, { toolVersion: options.toolVersion })));
  writeReport(options.jsonFile, jsonForLog(renderJson(verdict)));
  if (options.summaryFile) appendFileSync(options.summaryFile, renderSummary(verdict));
  for (const [name, value] of Object.entries(actionOutputs(verdict, { sarif: options.sarifFile, json: options.jsonFile }))) {
    sink.setOutput(name, value);
  }

  // The comment comes before the annotations so its warnings are counted in the per-level cap.
  const said = await talkBack(verdict, options.github);
  const fails = verdict.verdict === 'fail';
  // What a pull request changes in its own policy: one notice (applies after merge), counted in the cap.
  const notices = verdict.notices?.length ? [`security-gate: ${verdict.notices.join(' ')}`] : [];
  const reserved = { error: fails ? 1 : 0, warning: said.warnings.length, notice: notices.length };
  for (const line of renderAnnotations(verdict, { reserved })) sink.write(`${line}\n`);

  // API answers and URLs are not ours either: redacted and neutralised like the report.
  const safe = (message: string) => neutraliseCommands(redactOutput(verdict, message));
  for (const notice of notices) sink.notice(safe(notice));
  for (const message of said.info) sink.info(safe(message));
  for (const message of said.warnings) sink.warning(safe(message));
  if (fails) sink.setFailed(failureLine(verdict));
  else sink.info(`security-gate: pass (${plural(verdict.counts.warn, 'warning')}, ${verdict.counts.ignored} ignored)`);
}

/** The PR comment and nightly issue are extras: any failure is one warning, never a failed step or lost annotations. */
async function talkBack(verdict: Verdict, github: GitHubTarget): Promise<TalkBack> {
  const said: TalkBack = { info: [], warnings: [] };
  const wantsComment = github.comment !== 'false' && github.pullRequest !== undefined;
  const wantsIssue = github.issue && github.scheduled;
  if (!wantsComment && !wantsIssue) return said;
  if (wantsComment && github.fork) {
    said.warnings.push(
      'security-gate: this pull request comes from a fork, whose token is read-only: the PR comment is skipped. Annotations, the job summary and the SARIF file still report everything.',
    );
    return said;
  }
  if (!github.token || !github.owner || !github.repo) {
    said.warnings.push(
      'security-gate: no token or repository to comment with (set the `token` input): the PR comment / nightly issue is skipped.',
    );
    return said;
  }
  try {
    const api = createGitHubApi({ token: github.token, baseUrl: github.apiUrl });
    const repo = { owner: github.owner, repo: github.repo };
    const identity = await api.identity();
    if (wantsComment) {
      const result = await syncPullRequestComment(api, {
        ...repo,
        issueNumber: github.pullRequest!,
        verdict,
        setting: github.comment,
        runUrl: github.runUrl,
        identity,
      });
      said.info.push(`security-gate: PR comment ${result.action}${'url' in result ? ` (${result.url})` : ''}`);
    }
    if (wantsIssue) {
      const result = await syncNightlyIssue(api, { ...repo, verdict, runUrl: github.runUrl, identity });
      said.info.push(`security-gate: nightly issue ${result.action}${result.url ? ` (${result.url})` : ''}`);
    }
  } catch (error) {
    if (error instanceof GitHubPermissionError || error instanceof GitHubApiError || error instanceof PageCapError) {
      said.warnings.push(`security-gate: ${error.message}`);
    } else {
      said.warnings.push(`security-gate: the PR comment / nightly issue failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return said;
}

function failureLine(verdict: Verdict): string {
  const { fail } = verdict.counts;
  const fatal = verdict.errors.filter((error) => error.fatal);
  // Name the checks that could not vouch for their result (a check that died, a source down).
  const undone = [...new Set(fatal.map((error) => error.check))];
  const parts = [
    fail ? `${plural(fail, 'finding')} fail${fail === 1 ? 's' : ''} the policy (fail-on: ${verdict.failOn})` : '',
    fatal.length
      ? `${plural(fatal.length, 'check error')} left part of the scan undone in the ${undone.join(' and ')} check${undone.length > 1 ? 's' : ''}`
      : '',
  ];
  return `security-gate: ${parts.filter(Boolean).join('; ')}. See the annotations and the job summary.`;
}

function writeReport(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${text}\n`);
}
