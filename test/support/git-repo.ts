// A builder for real git repositories in a temp dir: every test that needs history uses this.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const created: string[] = [];

export interface CommitOptions {
  author?: string;
  email?: string;
  /** ISO date for both author and committer, so runs are reproducible. */
  date?: string;
  /** Paths to delete in this commit. */
  remove?: string[];
}

export class GitRepo {
  readonly shas: string[] = [];
  private clock = Date.parse('2025-01-01T00:00:00Z');

  constructor(readonly dir: string) {}

  git(...args: string[]): string {
    return execFileSync('git', args, {
      cwd: this.dir,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 1 << 30,
    });
  }

  /** Writes files (text) and commits them; returns this for chaining. */
  commit(message: string, files: Record<string, string> = {}, options: CommitOptions = {}): this {
    this.write(files);
    for (const path of options.remove ?? []) this.git('rm', '-q', '--', path);
    this.git('add', '-A');
    this.clock += 60_000;
    const date = options.date ?? new Date(this.clock).toISOString();
    execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
      cwd: this.dir,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: options.author ?? 'Ada Tester',
        GIT_AUTHOR_EMAIL: options.email ?? 'ada@example.com',
        GIT_COMMITTER_NAME: options.author ?? 'Ada Tester',
        GIT_COMMITTER_EMAIL: options.email ?? 'ada@example.com',
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
      },
      stdio: 'ignore',
    });
    this.shas.push(this.git('rev-parse', 'HEAD').trim());
    return this;
  }

  /** Writes files into the work tree without committing. */
  write(files: Record<string, string>): this {
    for (const [path, text] of Object.entries(files)) {
      const full = join(this.dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
    }
    return this;
  }

  tag(name: string, rev = 'HEAD'): this {
    this.git('tag', name, rev);
    return this;
  }

  branch(name: string, rev = 'HEAD'): this {
    this.git('checkout', '-q', '-b', name, rev);
    return this;
  }

  checkout(rev: string): this {
    this.git('checkout', '-q', rev);
    return this;
  }

  /** The sha of the n-th commit made through this builder (0 = first). Negative counts from the end. */
  sha(n: number): string {
    const sha = this.shas.at(n);
    if (!sha) throw new Error(`no commit #${n} (have ${this.shas.length})`);
    return sha;
  }

  /** A shallow clone of this repository (file:// so --depth is honoured), without tags by default. */
  shallowClone(depth = 1, options: { tags?: boolean; branch?: string } = {}): GitRepo {
    const dir = tempDir('sg-shallow-');
    const args = ['clone', '-q', `--depth=${depth}`, ...(options.tags ? [] : ['--no-tags'])];
    if (options.branch) args.push('--branch', options.branch);
    execFileSync('git', [...args, `file://${this.dir}`, dir], { stdio: 'ignore' });
    return new GitRepo(dir);
  }
}

export function tempDir(prefix = 'sg-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** A new repository with one branch `main`; call `.commit()` to add history. */
export function gitRepo(): GitRepo {
  const dir = tempDir('sg-repo-');
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { stdio: 'ignore' });
  const repo = new GitRepo(dir);
  repo.git('config', 'user.name', 'Ada Tester');
  repo.git('config', 'user.email', 'ada@example.com');
  repo.git('config', 'commit.gpgsign', 'false');
  repo.git('config', 'tag.gpgsign', 'false');
  return repo;
}

/** Removes every temp dir made by this module (call from afterAll if a suite makes many). */
export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}
