// The added lines of the commits of a range (resolved before the checks, in context/range.ts),
// streamed from ONE `git log` process: no per-commit git calls, no buffering of the history. Git
// writes into the pipe while we match, so reading and scanning overlap. This only reads git.
import type { CommitRange } from '../../context/context.js';
import { gitChunks } from '../../context/git.js';
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
 * The `git log` command line for a range. Revisions go on stdin (a repository can have more refs
 * than a command line holds); `--all` is an option. `--cc` gives each merge commit a combined diff
 * (what the merge added relative to every parent: see diff-parser.ts), `-M` shows a moved file
 * by its changed lines only, and the format carries each commit's message. `pathspec` limits the
 * walk to the scanned folder; `--full-history` then keeps every commit that touched it (git would
 * otherwise skip a side branch whose merge left the folder as it was: a key added and removed on
 * that branch).
 */
export function historyArgs(range: CommitRange, pathspec: string[]): string[] {
  const all = range.revisions.includes('--all');
  return [
    ...DIFF_CONFIG,
    '-c', 'log.showSignature=false',
    'log', '--cc', ...DIFF_OPTIONS, '--no-notes', `--format=${COMMIT_FORMAT}`,
    ...(pathspec.length > 0 ? ['--full-history'] : []),
    all ? '--all' : '--stdin',
    '--end-of-options',
    '--', ...pathspec,
  ]; // prettier-ignore
}

/**
 * Streams the added lines of every commit in `range`, in batches (one per chunk of git's output,
 * so the async overhead is per chunk, not per line). `stats` fills in as the stream goes.
 */
export async function* addedLines(
  cwd: string,
  range: CommitRange,
  pathspec: string[],
  options: DiffParserOptions,
  stats?: (stats: HistoryStats) => void,
): AsyncGenerator<AddedLine[]> {
  const revisions = range.revisions.filter((rev) => rev !== '--all');
  if (range.revisions.length === 0) {
    stats?.(new DiffParser(options).stats);
    return;
  }
  yield* parseDiffStream(
    gitChunks(cwd, historyArgs(range, pathspec), revisions.length > 0 ? `${revisions.join('\n')}\n` : undefined),
    options,
    stats,
  );
}

/** Feeds git's raw bytes to a DiffParser and yields its added lines per chunk: the parser decodes only what it keeps. */
export async function* parseDiffStream(
  chunks: AsyncIterable<Buffer>,
  options: DiffParserOptions,
  stats?: (stats: DiffStats) => void,
): AsyncGenerator<AddedLine[]> {
  const parser = new DiffParser(options);
  for await (const chunk of chunks) {
    parser.push(chunk);
    const batch = parser.take();
    stats?.(parser.stats);
    if (batch.length > 0) yield batch;
  }
  parser.end();
  const last = parser.take();
  stats?.(parser.stats);
  if (last.length > 0) yield last;
}
