// Revisions from flags, inputs and events are resolved once, to shas, before the checks; a
// "revision" that is really a git option never reaches git as one (issue 10, item 16).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadActionSettings } from '../../src/config/action.js';
import { parseCliArgs } from '../../src/config/cli-args.js';
import { UsageError } from '../../src/config/errors.js';
import { buildContext } from '../../src/context/build.js';
import { run } from '../../src/run.js';
import { cleanupTempDirs, gitRepo, tempDir } from '../support/git-repo.js';

afterAll(cleanupTempDirs);

function releasedRepo() {
  const repo = gitRepo().commit('policy', {
    'SECURITY.md': '# Security\n\n## Supported Versions\n\n| Version | Supported |\n| --- | --- |\n| 1.x | ✅ |\n',
  });
  repo.commit('release', { 'requirements.txt': 'flask==1.0.0\n' }).tag('v1.0.0');
  return repo.commit('work', { 'src/a.py': 'print(1)\n' });
}

/** A file an attacker would like git to truncate (`git diff --output=FILE`). */
function victim(): string {
  const file = join(tempDir('sg-victim-'), 'victim.txt');
  writeFileSync(file, 'precious\n');
  return file;
}

function actionEnv(workspace: string, event: unknown): Record<string, string> {
  const dir = tempDir('sg-event-');
  writeFileSync(join(dir, 'event.json'), JSON.stringify(event));
  return { GITHUB_WORKSPACE: workspace, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(dir, 'event.json'), RUNNER_TEMP: dir };
}

const pullRequest = (base: string, head: string) => ({
  pull_request: { number: 1, base: { sha: base, repo: { full_name: 'o/r' } }, head: { sha: head, repo: { full_name: 'o/r' } } },
});

describe('a base of --output=FILE', () => {
  it('from an action input: a usage error naming it, and no file written', async () => {
    const repo = releasedRepo();
    const file = victim();
    const inputs: Record<string, string> = { base: `--output=${file}`, checks: 'deps,secrets,versions', 'advisory-db': 'x' };
    const action = loadActionSettings((name) => inputs[name] ?? '', actionEnv(repo.dir, pullRequest(repo.sha(0), repo.sha(-1))));
    await expect(run(action.settings)).rejects.toThrow(UsageError);
    await expect(run(action.settings)).rejects.toThrow(`base revision '--output=${file}' is not a commit`);
    expect(readFileSync(file, 'utf8')).toBe('precious\n');
  });

  it('from the event payload: a usage error naming the field, before anything runs', () => {
    const repo = releasedRepo();
    const file = victim();
    expect(() => loadActionSettings(() => '', actionEnv(repo.dir, pullRequest(`--output=${file}`, repo.sha(-1))))).toThrow(
      /pull_request\.base\.sha is not a commit sha/,
    );
    expect(readFileSync(file, 'utf8')).toBe('precious\n');
  });

  it('from a CLI flag, with every check: a usage error, and no file written', async () => {
    const repo = releasedRepo();
    const file = victim();
    const cli = parseCliArgs(['scan', `--base=--output=${file}`, `--head=--output=${file}2`, '--advisory-db', 'x'], repo.dir);
    if (cli.command !== 'scan') throw new Error('expected scan');
    await expect(run(cli.settings)).rejects.toThrow(/(head|base) revision '--output=.*' is not a commit/);
    expect(readFileSync(file, 'utf8')).toBe('precious\n');
    expect(existsSync(`${file}2`)).toBe(false);
  });
});

describe('one resolved range for every check', () => {
  it('turns a named base into its sha, once, for deps, secrets and versions alike', async () => {
    const repo = releasedRepo();
    repo.git('branch', 'release', repo.sha(1));
    const context = await buildContext({ root: repo.dir, overrides: {}, git: true, base: 'release' });
    expect(context).toMatchObject({ mode: 'pr', base: repo.sha(1), head: repo.sha(2) });
    expect(context.range).toEqual({
      revisions: [repo.sha(2), `^${repo.sha(1)}`],
      label: `${repo.sha(1).slice(0, 7)}..${repo.sha(2).slice(0, 7)}`,
      complete: true,
    });
  });
});
