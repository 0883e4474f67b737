// The built CLI as a pre-commit hook: `scan --staged` on real repositories, a real
// .git/hooks/pre-commit that refuses the commit, and the pre-commit framework's hook definition.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI, nodeBinaries, runCli } from '../support/dist.js';
import { gitRepo } from '../support/git-repo.js';

const KEY = `AKIA${'Q7RZ2M4XK6PJ3WNB'}`;
const ROOT = new URL('../..', import.meta.url);

describe.each(nodeBinaries())('security-gate scan --staged under Node $version', ({ bin }) => {
  it('exits 1 on a staged key, redacted; 0 when the key is only in the working tree or only removed', () => {
    const repo = gitRepo().commit('base', { 'app.env': 'REGION=eu\n', 'old.env': `AWS_ACCESS_KEY_ID=${KEY}\n` });
    repo.write({ 'app.env': `REGION=eu\nAWS_ACCESS_KEY_ID=${KEY}\n` });
    const unstaged = runCli(bin, ['scan', '--staged'], repo.dir);
    expect(unstaged.stderr).toBe('');
    expect(unstaged.code).toBe(0);

    repo.git('rm', '-q', 'old.env');
    expect(runCli(bin, ['scan', '--staged', '--checks', 'secrets'], repo.dir).code).toBe(0);

    repo.git('add', 'app.env');
    const staged = runCli(bin, ['scan', '--staged', '--checks', 'secrets'], repo.dir);
    expect(staged.code).toBe(1);
    expect(staged.stdout).toContain('app.env:2');
    expect(staged.stdout).toContain('staged changes');
    expect(staged.stdout).not.toContain(KEY.slice(4));
  });

  it('refuses other checks and ranges with a usage error', () => {
    const repo = gitRepo().commit('base');
    expect(runCli(bin, ['scan', '--staged', '--checks', 'deps,secrets'], repo.dir)).toMatchObject({ code: 2 });
    expect(runCli(bin, ['scan', '--staged', '--base', 'HEAD'], repo.dir).stderr).toContain('--staged scans the index');
  });

  it('as .git/hooks/pre-commit: refuses a commit that adds a key, allows one that does not', () => {
    const repo = gitRepo().commit('base', { 'README.md': '# app\n' });
    const hook = join(repo.dir, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, `#!/bin/sh\nexec "${bin}" "${CLI}" scan --staged --checks secrets\n`);
    chmodSync(hook, 0o755);
    const commit = (message: string) => spawnSync('git', ['commit', '-q', '-m', message], { cwd: repo.dir, encoding: 'utf8' });

    repo.write({ 'docs.md': 'hello\n' }).git('add', '-A');
    expect(commit('docs').status).toBe(0);

    repo.write({ 'deploy.env': `AWS_ACCESS_KEY_ID=${KEY}\n` }).git('add', '-A');
    const refused = commit('deploy');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).not.toContain(KEY.slice(4));
    expect(execFileSync('git', ['log', '--format=%s'], { cwd: repo.dir, encoding: 'utf8' }).trim().split('\n')).toEqual(['docs', 'base']);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('defines a hook that runs the package binary on the staged changes, not on file names', () => {
    const hooks = parse(readFileSync(new URL('.pre-commit-hooks.yaml', ROOT), 'utf8')) as Record<string, unknown>[];
    const pkg = JSON.parse(readFileSync(new URL('package.json', ROOT), 'utf8')) as { bin: Record<string, string> };
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ id: 'security-gate-secrets', language: 'node', pass_filenames: false });
    const [binary, ...args] = String(hooks[0]!.entry).split(' ');
    expect(Object.keys(pkg.bin)).toContain(binary);
    expect(args).toEqual(['scan', '--staged', '--checks', 'secrets']);
  });
});
