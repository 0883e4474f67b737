// Action inputs -> plain settings. Only the action shell passes core.getInput and the environment in;
// nothing downstream reads either. Inputs that the config file can also set have no default in
// action.yml, so an empty input means "not set" and the file (or the schema default) applies.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import type { Mode } from '../context/context.js';
import { readEvent, type GitHubEvent } from '../context/event.js';
import { UsageError } from './errors.js';
import { prepareOutputFile } from './output-file.js';
import type { Settings } from './settings.js';
import { assertStaysInside, displayPath, isInside } from './tree.js';
import { CONFIG_VALUES, overridesFrom, type ConfigValueName } from './values.js';

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
  const event = eventName ? readEvent(eventName, readEventFile(env.GITHUB_EVENT_PATH)) : undefined;
  // Input paths are relative to the workspace (like every path in a workflow), not to `path`.
  const inWorkspace = (file: string) => resolve(workspace, file);
  const values = Object.fromEntries(Object.keys(CONFIG_VALUES).map((name) => [name, input(name)]));
  const { overrides, overrideNames } = overridesFrom(values, { label: (name: ConfigValueName) => `input ${name}`, path: inWorkspace });
  return {
    settings: {
      root,
      configPath: configInWorkspace(input('config'), workspace),
      overrides,
      overrideNames,
      // Not the OS temp dir that every job of a self-hosted runner shares (issue 10: cache poisoning).
      defaults: { deps: { 'cache-dir': join(outDir, 'security-gate-cache') } },
      mode: modeInput && modeInput !== 'auto' ? (modeInput as Mode) : undefined,
      base: input('base'),
      head: input('head'),
      event,
      git: true,
      token: input('token'),
    },
    // Reports go to RUNNER_TEMP unless asked otherwise; a path in the workspace must not be a symlink.
    sarifFile: prepareOutputFile(input('sarif-file') ?? join(outDir, 'security-gate.sarif'), workspace, 'input sarif-file'),
    jsonFile: prepareOutputFile(input('json-file') ?? join(outDir, 'security-gate.json'), workspace, 'input json-file'),
    github: githubTarget(input, env, event),
  };
}

/** The `config` input names a file of the repository: inside the workspace, also after resolving symlinks. */
function configInWorkspace(config: string | undefined, workspace: string): string | undefined {
  if (config === undefined) return undefined;
  const path = resolve(workspace, config);
  if (!isInside(workspace, path)) {
    throw new UsageError(`input config: '${config}' is outside the workspace; the config must be a file of the repository.`);
  }
  assertStaysInside(workspace, path, displayPath(workspace, path));
  return path;
}

function githubTarget(
  input: (name: string) => string | undefined,
  env: Record<string, string | undefined>,
  event: GitHubEvent | undefined,
): GitHubTarget {
  const comment = input('comment') ?? 'false';
  if (comment !== 'true' && comment !== 'false' && comment !== 'on-failure') {
    throw new UsageError(`input comment: '${comment}' must be true, false or on-failure`);
  }
  const issue = input('issue') ?? 'false';
  if (issue !== 'true' && issue !== 'false') throw new UsageError(`input issue: '${issue}' must be true or false`);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  return {
    comment,
    issue: issue === 'true',
    owner: owner || undefined,
    repo: repo || undefined,
    pullRequest: event?.pullRequest,
    fork: event?.fork === true,
    scheduled: event?.name === 'schedule' || event?.name === 'workflow_dispatch',
    runUrl: env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    // Read at call time (not when @actions/github is imported) so a test can point it at a local server.
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    token: input('token'),
  };
}

function readEventFile(path: string | undefined): unknown {
  if (!path) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read the event payload at GITHUB_EVENT_PATH (${path}): ${(error as Error).message}`);
  }
}
