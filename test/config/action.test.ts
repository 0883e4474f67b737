// Action inputs -> settings: config keys become a partial config in the file's own keys; paths are
// the workspace's; report paths and the config path never go through a symlink out of the workspace.
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadActionSettings } from '../../src/config/action.js';
import { ConfigError, UsageError } from '../../src/config/errors.js';
import { loadConfig } from '../../src/config/load.js';
import { workingTree } from '../../src/config/tree.js';
import { gitRepo, tempDir } from '../support/git-repo.js';

function settingsFor(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return loadActionSettings((name) => inputs[name] ?? '', env);
}

function usageErrorOf(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('action inputs', () => {
  it('turns inputs that set config keys into a partial config in the file keys, named for errors', () => {
    const workspace = tempDir();
    const { settings } = settingsFor(
      { checks: 'deps, secrets', 'fail-on': 'High', 'advisory-db': 'osv/all.zip', 'cache-dir': '/cache', 'policy-from': 'head' },
      { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: tempDir() },
    );
    expect(settings.overrides).toEqual({
      checks: ['deps', 'secrets'],
      'fail-on': 'high',
      'policy-from': 'head',
      deps: { 'advisory-db': join(workspace, 'osv/all.zip'), 'cache-dir': '/cache' },
    });
    expect(settings.overrideNames).toEqual({
      checks: 'input checks',
      'fail-on': 'input fail-on',
      'policy-from': 'input policy-from',
      'deps.advisory-db': 'input advisory-db',
      'deps.cache-dir': 'input cache-dir',
    });
  });

  it('leaves out inputs that are not set, so the file applies', () => {
    const { settings } = settingsFor({}, { GITHUB_WORKSPACE: tempDir(), RUNNER_TEMP: tempDir() });
    expect(settings.overrides).toEqual({});
  });

  it('writes reports to RUNNER_TEMP by default', () => {
    const temp = tempDir();
    const action = settingsFor({}, { GITHUB_WORKSPACE: tempDir(), RUNNER_TEMP: temp });
    expect(action.sarifFile).toBe(join(temp, 'security-gate.sarif'));
    expect(action.jsonFile).toBe(join(temp, 'security-gate.json'));
  });

  it('creates the folder of a report path before the scan', () => {
    const workspace = tempDir();
    const action = settingsFor({ 'sarif-file': 'reports/gate/out.sarif' }, { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: tempDir() });
    expect(action.sarifFile).toBe(join(workspace, 'reports/gate/out.sarif'));
    expect(existsSync(join(workspace, 'reports/gate'))).toBe(true);
  });

  it('refuses a report path that is a symlink committed in the repository', () => {
    const repo = gitRepo();
    const target = join(tempDir(), 'victim.txt');
    writeFileSync(target, 'precious\n');
    symlinkSync(target, join(repo.dir, 'results.sarif'));
    repo.commit('a link', {});
    const error = usageErrorOf(() =>
      settingsFor({ 'sarif-file': 'results.sarif' }, { GITHUB_WORKSPACE: repo.dir, RUNNER_TEMP: tempDir() }),
    );
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toMatch(
      /^input sarif-file: .*results\.sarif is a symlink; the gate never writes through a link in the repository/,
    );
  });

  it('refuses a report path that leads out of the workspace through a symlinked folder', () => {
    const repo = gitRepo();
    const outside = tempDir();
    symlinkSync(outside, join(repo.dir, 'out'));
    const error = usageErrorOf(() =>
      settingsFor({ 'json-file': 'out/report.json' }, { GITHUB_WORKSPACE: repo.dir, RUNNER_TEMP: tempDir() }),
    );
    expect(error.message).toMatch(/^input json-file: .*out\/report\.json leads outside the repository through a symlinked folder/);
  });

  it('allows a report path outside the workspace (the workflow chose it)', () => {
    const elsewhere = join(tempDir(), 'gate.json');
    const action = settingsFor({ 'json-file': elsewhere }, { GITHUB_WORKSPACE: tempDir(), RUNNER_TEMP: tempDir() });
    expect(action.jsonFile).toBe(elsewhere);
  });

  it('takes a config path inside the workspace, and refuses one outside it or linked out of it', () => {
    const workspace = tempDir();
    mkdirSync(join(workspace, '.github'));
    writeFileSync(join(workspace, '.github/gate.yml'), 'fail-on: low\n');
    const env = { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: tempDir() };
    expect(settingsFor({ config: '.github/gate.yml' }, env).settings.configPath).toBe(join(workspace, '.github/gate.yml'));

    const outside = join(tempDir(), 'other.yml');
    writeFileSync(outside, 'fail-on: low\n');
    expect(usageErrorOf(() => settingsFor({ config: outside }, env)).message).toMatch(
      /^input config: '.*other\.yml' is outside the workspace; the config must be a file of the repository\.$/,
    );
    expect(usageErrorOf(() => settingsFor({ config: '../x.yml' }, env)).message).toMatch(/is outside the workspace/);

    symlinkSync(outside, join(workspace, 'linked.yml'));
    expect(usageErrorOf(() => settingsFor({ config: 'linked.yml' }, env)).message).toMatch(
      /^linked\.yml: is a symlink that leads outside the repository/,
    );
  });
});

describe('the advisory cache of the action (issue 10, item 3)', () => {
  const configOf = async (workspace: string, inputs: Record<string, string>, env: Record<string, string>) => {
    const { settings } = settingsFor(inputs, env);
    const request = { overrides: settings.overrides, overrideNames: settings.overrideNames, root: workspace };
    return (await loadConfig(workingTree(workspace), { ...request, ...(settings.defaults ? { defaults: settings.defaults } : {}) })).config;
  };

  it("keeps the advisory cache under the run's own RUNNER_TEMP by default, not the temp dir every job shares", async () => {
    const workspace = tempDir();
    const runnerTemp = tempDir();
    const config = await configOf(workspace, {}, { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: runnerTemp });
    expect(config.deps['cache-dir']).toBe(join(runnerTemp, 'security-gate-cache'));
  });

  it('lets the config file, then the cache-dir input, choose another cache', async () => {
    const workspace = tempDir();
    const env = { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: tempDir() };
    mkdirSync(join(workspace, '.github'));
    writeFileSync(join(workspace, '.github/security-gate.yml'), 'deps:\n  cache-dir: .osv-cache\n');
    expect((await configOf(workspace, {}, env)).deps['cache-dir']).toBe('.osv-cache');
    expect((await configOf(workspace, { 'cache-dir': 'kept/cache' }, env)).deps['cache-dir']).toBe(join(workspace, 'kept/cache'));
  });
});
