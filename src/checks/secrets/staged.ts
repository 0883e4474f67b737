// `--staged` (a pre-commit hook): the lines `git add` staged, i.e. the index against HEAD (against
// nothing before the first commit), rename-aware, with no commit yet to attribute them to. What
// is only in the working tree is not about to be committed and is not read.
import { gitChunks } from '../../context/git.js';
import type { AddedLine, DiffParserOptions, DiffStats } from './diff-parser.js';
import { DIFF_CONFIG, DIFF_OPTIONS, parseDiffStream } from './history.js';

export function stagedArgs(pathspec: string[]): string[] {
  return [...DIFF_CONFIG, 'diff', '--cached', ...DIFF_OPTIONS, '--end-of-options', '--', ...pathspec];
}

export function stagedLines(
  cwd: string,
  pathspec: string[],
  options: DiffParserOptions,
  stats?: (stats: DiffStats) => void,
): AsyncGenerator<AddedLine[]> {
  return parseDiffStream(gitChunks(cwd, stagedArgs(pathspec)), options, stats);
}
