// Where a report may be written (`--output`, inputs `sarif-file` and `json-file`): never through a
// symlink committed in the repository, which could point at any file the runner's user can write
// (issue 10, item 18). Checked, and its folder created, before the scan: a wrong path fails at once,
// not after minutes of scanning (issue 12).
import { lstatSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.js';
import { isInside, realPathOf } from './tree.js';

/**
 * Checks an output path and creates its folder; returns the absolute path. Inside `workspace` (the
 * repository) the path must not be a symlink and must not lead out through a symlinked folder. A
 * path outside it (RUNNER_TEMP, /tmp) was chosen by whoever runs the gate and is used as given.
 */
export function prepareOutputFile(path: string, workspace: string, label: string): string {
  const full = resolve(workspace, path);
  if (isInside(workspace, full)) {
    if (isSymlink(full)) {
      throw new UsageError(
        `${label}: ${path} is a symlink; the gate never writes through a link in the repository. Name a plain file path.`,
      );
    }
    const real = realPathOf(full);
    if (real !== undefined && !isInside(realPathOf(workspace) ?? workspace, real)) {
      throw new UsageError(
        `${label}: ${path} leads outside the repository through a symlinked folder; the gate never writes through a link in the repository. Name a plain path.`,
      );
    }
  }
  try {
    mkdirSync(dirname(full), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`${label}: cannot create the folder ${dirname(full)} for ${path} (${code}); name a folder you can write to.`);
  }
  return full;
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}
