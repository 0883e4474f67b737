// Git is always spawned with an argument array (never a shell string), so no path or ref
// from a user or an event payload is ever interpreted by a shell.
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${subcommand(args)} failed (exit ${code}): ${stderr.trim().split('\n')[0] ?? ''}`);
    this.name = 'GitError';
  }
}

/** `log` in `-c x=y log -p`: the first word that is neither an option nor a `-c` value. */
function subcommand(args: string[]): string {
  return args.find((arg, index) => !arg.startsWith('-') && args[index - 1] !== '-c') ?? '';
}

export const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

/** Runs git and returns stdout; throws GitError on a non-zero exit. */
export interface GitOptions {
  input?: string;
  /** Extra environment, e.g. GIT_CONFIG_* for an auth header (never a token on the command line). */
  env?: NodeJS.ProcessEnv;
}

export function git(cwd: string, args: string[], options: GitOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    // stdin is a pipe only when there is input: git may exit before reading it (EPIPE otherwise).
    const env = options.env ? { ...GIT_ENV, ...options.env } : GIT_ENV;
    const child = spawn('git', args, { cwd, env, stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr!.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new GitError(args, null, error.message)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8')));
    });
    if (child.stdin) {
      child.stdin.on('error', () => {}); // git closing stdin early is reported through its exit code
      child.stdin.end(options.input);
    }
  });
}

/** Like `git` but returns undefined instead of throwing: for questions whose "no" is an exit code. */
export async function gitMaybe(cwd: string, args: string[], options: GitOptions = {}): Promise<string | undefined> {
  try {
    return await git(cwd, args, options);
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}

/**
 * Streams git's stdout line by line without buffering the whole output (history can be huge).
 * The iterator throws GitError after the last line if git exits non-zero.
 */
export async function* gitLines(cwd: string, args: string[]): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  for await (const chunk of gitChunks(cwd, args)) {
    const lines = (partial + decoder.write(chunk)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
  partial += decoder.end();
  if (partial !== '') yield partial;
}

export async function isGitRepository(cwd: string): Promise<boolean> {
  return (await gitMaybe(cwd, ['rev-parse', '--is-inside-work-tree']))?.trim() === 'true';
}

export async function isShallowRepository(cwd: string): Promise<boolean> {
  return (await gitMaybe(cwd, ['rev-parse', '--is-shallow-repository']))?.trim() === 'true';
}

/** The top folder of the repository that holds `cwd` (absolute), or undefined outside one. */
export async function repositoryRoot(cwd: string): Promise<string | undefined> {
  return (await gitMaybe(cwd, ['rev-parse', '--show-toplevel']))?.trim() || undefined;
}

/**
 * The full sha of a revision, or undefined when it does not exist in this clone. Every revision a
 * user or an event names goes through here first, and only the sha goes on to other git commands:
 * `--end-of-options` keeps a "revision" such as `--output=FILE` from being read as an option
 * (issue 10, item 16).
 */
/** A full commit id: 40 hex digits (SHA-1) or 64 (SHA-256), lower case as git prints them. */
export const FULL_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

export async function resolveCommit(cwd: string, rev: string): Promise<string | undefined> {
  const sha = (await gitMaybe(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]))?.trim();
  return sha && FULL_SHA.test(sha) ? sha : undefined;
}

/**
 * A file's bytes at a commit, as text, or undefined when the file does not exist there. `path` is
 * relative to `cwd` (git reads `REV:./path` from the current folder, so a scan of a subfolder
 * reads the same file at the base). `rev` must be a sha from resolveCommit.
 */
export async function showFile(cwd: string, rev: string, path: string): Promise<string | undefined> {
  return gitMaybe(cwd, ['cat-file', 'blob', '--end-of-options', `${rev}:./${path}`]);
}

/** Output lines (no trailing empty line), or undefined when git exits non-zero. For short outputs. */
export async function gitLinesMaybe(cwd: string, args: string[]): Promise<string[] | undefined> {
  const out = await gitMaybe(cwd, args);
  if (out === undefined) return undefined;
  const lines = out.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/**
 * Streams git's stdout as raw byte chunks (history can be huge: nothing is buffered or decoded
 * here). `input` goes to its stdin; without it stdin is closed, so a git that exits at once
 * cannot break a pipe. Throws GitError after the last chunk if git exits non-zero.
 */
export async function* gitChunks(cwd: string, args: string[], input?: string): AsyncGenerator<Buffer> {
  const child = spawn('git', args, { cwd, env: GIT_ENV, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
  const stderr: Buffer[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
  // Settles with the exit code, or the spawn error (git missing, no such folder), never unhandled.
  const exited = new Promise<number | null | Error>((resolve) => {
    child.on('error', resolve);
    child.on('close', resolve);
  });
  if (child.stdin) {
    child.stdin.on('error', () => undefined); // git may exit before reading all of stdin; the exit code tells
    child.stdin.end(input);
  }
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) yield chunk;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (code instanceof Error) throw new GitError(args, null, code.message);
  if (code !== 0 && code !== null) throw new GitError(args, code, Buffer.concat(stderr).toString('utf8'));
}
