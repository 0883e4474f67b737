// Where the security policy lives. GitHub looks for SECURITY.md in the root, `.github/` and `docs/`
// (docs.github.com "Adding a security policy to your repository"), whatever the case of the name.
// The policy is read only from inside the repository: a committed symlink or a `../` path that
// leads elsewhere is refused (issue 10 item 18), so no file of the runner is read or echoed.
import { readdir, readFile, realpath } from 'node:fs/promises';
import { join, posix, relative, resolve, sep } from 'node:path';
import { isInside } from '../../config/tree.js';

export const POLICY_FOLDERS = ['', '.github', 'docs'] as const;
export const POLICY_NAME = 'security.md';

export type PolicyFile =
  | { found: true; path: string; text: string }
  /** `path` is what the report should point at: the configured path, else `SECURITY.md`. */
  | { found: false; path: string; searched: string[]; configured: boolean }
  /** The file resolves outside the root: not read. `refused` says why and what to do. */
  | { found: false; path: string; refused: string };

/** Finds and reads the policy: `versions.policy-file` when configured, else the standard places. */
export async function findPolicyFile(root: string, configured?: string): Promise<PolicyFile> {
  if (configured !== undefined) {
    const full = resolve(root, configured);
    const path = toReportPath(root, full);
    const read = await readInside(root, full);
    if (read === 'outside') return refused(path, configured);
    return read === undefined ? { found: false, path, searched: [path], configured: true } : { found: true, path, text: read };
  }
  const searched: string[] = [];
  for (const folder of POLICY_FOLDERS) {
    searched.push(folder ? `${folder}/SECURITY.md` : 'SECURITY.md');
    // Read the entries rather than guess the casing: `Security.md` and `security.md` both count.
    const name = (await listNames(join(root, folder))).find((entry) => entry.toLowerCase() === POLICY_NAME);
    if (name === undefined) continue;
    const path = folder ? `${folder}/${name}` : name;
    const read = await readInside(root, join(root, folder, name));
    if (read === 'outside') return refused(path);
    if (read !== undefined) return { found: true, path, text: read };
  }
  return { found: false, path: 'SECURITY.md', searched, configured: false };
}

function refused(path: string, configured?: string): PolicyFile {
  const fix = configured
    ? `set versions.policy-file to a file inside the repository (it is '${configured}')`
    : `make ${path} a regular file in the repository (not a symbolic link to a file outside it)`;
  return {
    found: false,
    path,
    refused: `${path} resolves to a file outside the repository, so it was not read and the Supported Versions were not checked: ${fix}`,
  };
}

async function listNames(dir: string): Promise<string[]> {
  try {
    // Sorted so that, should both `SECURITY.md` and `security.md` exist, the pick is stable.
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

/**
 * The text of `full` when it (after every symlink, in the file and in its folders) is inside
 * `root`; 'outside' when it leads elsewhere, undefined when it is missing or not a readable file.
 */
async function readInside(root: string, full: string): Promise<string | 'outside' | undefined> {
  const realRoot = await realpath(root).catch(() => resolve(root));
  if (!isInside(resolve(root), full) && !isInside(realRoot, full)) return 'outside'; // `../x`: not even looked at
  let real: string;
  try {
    real = await realpath(full);
  } catch {
    return undefined; // missing, or a dangling link: "no policy here"
  }
  if (!isInside(realRoot, real)) return 'outside';
  try {
    return await readFile(real, 'utf8'); // the resolved path, so a link swapped meanwhile is not followed
  } catch {
    return undefined; // a directory, or unreadable: all mean "no policy here"
  }
}

function toReportPath(root: string, full: string): string {
  return relative(root, full).split(sep).join(posix.sep);
}
