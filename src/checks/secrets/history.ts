// Reading the commits of a range: `git rev-list` lists them once (resolved before the checks, in
// context/range.ts), then `git log --no-walk --stdin` streams the added lines of a list of them, so
// a long history can be read as several lists at once (parallel-scan.ts). Nothing is buffered: git
// writes into the pipe while we match, so reading and scanning overlap. This only reads git.
import { git, gitChunks } from '../../context/git.js';
import { COMMIT_FORMAT, DiffParser, type AddedLine, type DiffParserOptions, type DiffStats } from './diff-parser.js';

export type HistoryStats = DiffStats;

/** Config that would change what `git log -p` prints, pinned so the parser always reads the same shape. */
export const DIFF_CONFIG = [
  '-c', 'core.quotepath=false',
  '-c', 'diff.noprefix=false',
  '-c', 'diff.mnemonicPrefix=false',
  '-c', 'diff.relative=false',
]; // prettier-ignore

/** Diff options shared by every git source: added lines only, raw bytes, paths as `a/` and `b/`, renames detected. */
export const DIFF_OPTIONS = ['-U0', '-M', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/'];

/**
 * What to walk: `--all` (every ref and HEAD), or revisions given on stdin (a head and `^exclusions`;
 * a repository can have more refs than a command line holds).
 */
export interface Walk {
  all: boolean;
  /** One revision per line, for stdin: `sha`, `^sha` or `^refs/...`. */
  revisions: string[];
}

/**
 * The `git rev-list` command line for a walk, in the order `git log` shows commits. `pathspec`
 * limits the walk to the scanned folder; `--full-history` then keeps every commit that touched it
 * (git would otherwise skip a side branch whose merge left the folder as it was: a key added and
 * removed on that branch). `--ignore-missing`: an exclusion the clone does not have (a tip the
 * incremental cache remembers from a deleted branch) excludes nothing rather than failing.
 */
export function revListArgs(walk: Walk, pathspec: string[]): string[] {
  return [
    'rev-list',
    ...(pathspec.length > 0 ? ['--full-history'] : []),
    '--ignore-missing',
    ...(walk.all ? ['--all'] : []),
    ...(walk.revisions.length > 0 ? ['--stdin'] : []),
    '--end-of-options',
    '--', ...pathspec,
  ]; // prettier-ignore
}

/**
 * The `git log` command line that prints a list of commits (on stdin, in that order). `--cc` gives
 * each merge commit a combined diff (what the merge added relative to every parent: see
 * diff-parser.ts), `-M` shows a moved file by its changed lines only, and the format carries each
 * commit's message. With `--no-walk` the pathspec limits each diff, not which commits are shown:
 * the list came from a rev-list with the same pathspec.
 */
export function logArgs(pathspec: string[]): string[] {
  return [
    ...DIFF_CONFIG,
    '-c', 'log.showSignature=false',
    'log', '--cc', ...DIFF_OPTIONS, '--no-notes', `--format=${COMMIT_FORMAT}`,
    '--no-walk=unsorted', '--stdin',
    '--end-of-options',
    '--', ...pathspec,
  ]; // prettier-ignore
}

/**
 * The commits of a walk, newest first as `git log` shows them, as one newline-ended line per
 * commit: a string, so a history of a million commits is one allocation, not a million.
 */
export class CommitList {
  /** Offsets of each line's start, and one past the end. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
    if (this.starts.at(-1) !== text.length) throw new Error('a commit list ends with a newline');
  }

  get length(): number {
    return this.starts.length - 1;
  }

  /** Commits [from, to) as stdin for `git log --no-walk --stdin`. */
  slice(from: number, to: number): string {
    return this.text.slice(this.starts[from], this.starts[to]);
  }
}

export async function listCommits(cwd: string, walk: Walk, pathspec: string[]): Promise<CommitList> {
  const input = walk.revisions.length > 0 ? `${walk.revisions.join('\n')}\n` : undefined;
  return new CommitList(await git(cwd, revListArgs(walk, pathspec), input === undefined ? {} : { input }));
}

/**
 * Streams the added lines of a list of commits (stdin text from CommitList.slice), in batches
 * that never cut a run of lines where git's output happened to be chunked (see RunBatcher).
 * `stats` fills in as the stream goes.
 */
export function commitLines(
  cwd: string,
  commits: string,
  pathspec: string[],
  options: DiffParserOptions,
  stats?: (stats: HistoryStats) => void,
): AsyncGenerator<AddedLine[]> {
  return parseDiffStream(gitChunks(cwd, logArgs(pathspec), commits), options, stats);
}

/** Feeds git's raw bytes to a DiffParser and yields its added lines: the parser decodes only what it keeps. */
export async function* parseDiffStream(
  chunks: AsyncIterable<Buffer>,
  options: DiffParserOptions,
  stats?: (stats: DiffStats) => void,
): AsyncGenerator<AddedLine[]> {
  const parser = new DiffParser(options);
  for await (const chunk of chunks) {
    parser.push(chunk);
    stats?.(parser.stats);
    yield* parser.takeBatches();
  }
  parser.end();
  stats?.(parser.stats);
  yield* parser.takeBatches();
}
