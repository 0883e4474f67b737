// Action inputs -> plain settings. Only the action shell passes core.getInput and the environment in;
// nothing downstream reads either. Inputs that the config file can also set have no default in
// action.yml, so an empty input means "not set" and the file (or the schema default) applies.
import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { UsageError } from './errors.js';
import { parseChecks, parseFailOn } from './cli-args.js';
import type { Settings } from './settings.js';
import type { Mode } from '../context/context.js';
import { rangeFromEvent } from '../context/event.js';

export type GetInput = (name: string) => string;

/** Where the action may talk back to GitHub (sticky PR comment, nightly issue). */
export interface GitHubTarget {
  comment: 'true' | 'false' | 'on-failure';
  issue: boolean;
  owner?: string;
  repo?: string;
  /** The pull request number, on pull_request events. */
  pullRequest?: number;
  /** A pull request from a fork gets a read-only token: comments are skipped with one warning. */
  fork: boolean;
  scheduled: boolean;
  runUrl?: string;
  apiUrl: string;
  token?: string;
}

export interface ActionSettings {
  settings: Settings;
  sarifFile: string;
  jsonFile: string;
  github: GitHubTarget;
}

export function loadActionSettings(getInput: GetInput, env: Record<string, string | undefined>): ActionSettings {
  const input = (name: string) => getInput(name).trim() || undefined;
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const root = resolve(workspace, input('path') ?? '.');
  const eventName = env.GITHUB_EVENT_NAME;
  const modeInput = input('mode');
  if (modeInput && !['auto', 'pr', 'push', 'full'].includes(modeInput)) {
    throw new UsageError(`input mode: '${modeInput}' must be auto, pr, push or full`);
  }
  const outDir = env.RUNNER_TEMP ?? tmpdir();
  const eventPayload = readEvent(env.GITHUB_EVENT_PATH);
  const inWorkspace = (file: string) => (isAbsolute(file) ? file : join(workspace, file));
  const fromWorkspace = (file: string | undefined) => (file === undefined ? undefined : inWorkspace(file));
  return {
    settings: {
      root,
      // Input paths are relative to the workspace (like every path in a workflow), not to `path`.
      configPath: fromWorkspace(input('config')),
      overrides: {
        checks: input('checks') === undefined ? undefined : parseChecks(input('checks')!, 'input checks'),
        failOn: input('fail-on') === undefined ? undefined : parseFailOn(input('fail-on')!, 'input fail-on'),
        advisoryDb: fromWorkspace(input('advisory-db')),
        cacheDir: fromWorkspace(input('cache-dir')),
        // Not the OS temp dir that every job of a self-hosted runner shares (issue 10: cache poisoning).
        defaultCacheDir: join(outDir, 'security-gate-cache'),
        baseline: fromWorkspace(input('baseline')),
      },
      mode: modeInput && modeInput !== 'auto' ? (modeInput as Mode) : undefined,
      base: input('base'),
      head: input('head'),
      eventName,
      eventPayload,
      git: true,
      token: input('token'),
    },
    sarifFile: inWorkspace(input('sarif-file') ?? join(outDir, 'security-gate.sarif')),
    jsonFile: inWorkspace(input('json-file') ?? join(outDir, 'security-gate.json')),
    github: githubTarget(input, env, eventName, eventPayload),
  };
}

function githubTarget(
  input: (name: string) => string | undefined,
  env: Record<string, string | undefined>,
  eventName: string | undefined,
  payload: unknown,
): GitHubTarget {
  const comment = input('comment') ?? 'false';
  if (comment !== 'true' && comment !== 'false' && comment !== 'on-failure') {
    throw new UsageError(`input comment: '${comment}' must be true, false or on-failure`);
  }
  const issue = input('issue') ?? 'false';
  if (issue !== 'true' && issue !== 'false') throw new UsageError(`input issue: '${issue}' must be true or false`);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const event = (payload ?? {}) as { pull_request?: { number?: number }; number?: number };
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    comment,
    issue: issue === 'true',
    owner: owner || undefined,
    repo: repo || undefined,
    pullRequest: event.pull_request?.number ?? undefined,
    fork: eventName ? rangeFromEvent(eventName, payload).fork === true : false,
    scheduled: eventName === 'schedule' || eventName === 'workflow_dispatch',
    runUrl: env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    // Read at call time (not when @actions/github is imported) so a test can point it at a local server.
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    token: input('token'),
  };
}

function readEvent(path: string | undefined): unknown {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the event payload at GITHUB_EVENT_PATH (${path}): ${(error as Error).message}`);
  }
}
