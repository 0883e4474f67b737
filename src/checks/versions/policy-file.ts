// Where the security policy lives. GitHub looks for SECURITY.md in the root, `.github/` and `docs/`
// (docs.github.com "Adding a security policy to your repository"), whatever the case of the name.
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, posix, relative, sep } from 'node:path';

export const POLICY_FOLDERS = ['', '.github', 'docs'] as const;
export const POLICY_NAME = 'security.md';

export type PolicyFile =
  | { found: true; path: string; text: string }
  /** `path` is what the report should point at: the configured path, else `SECURITY.md`. */
  | { found: false; path: string; searched: string[]; configured: boolean };

/** Finds and reads the policy: `versions.policy-file` when configured, else the standard places. */
export async function findPolicyFile(root: string, configured?: string): Promise<PolicyFile> {
  if (configured !== undefined) {
    const full = isAbsolute(configured) ? configured : join(root, configured);
    const path = toReportPath(root, full);
    const text = await readText(full);
    return text === undefined ? { found: false, path, searched: [path], configured: true } : { found: true, path, text };
  }
  const searched: string[] = [];
  for (const folder of POLICY_FOLDERS) {
    searched.push(folder ? `${folder}/SECURITY.md` : 'SECURITY.md');
    // Read the entries rather than guess the casing: `Security.md` and `security.md` both count.
    const name = (await listNames(join(root, folder))).find((entry) => entry.toLowerCase() === POLICY_NAME);
    if (name === undefined) continue;
    const text = await readText(join(root, folder, name));
    if (text !== undefined) return { found: true, path: folder ? `${folder}/${name}` : name, text };
  }
  return { found: false, path: 'SECURITY.md', searched, configured: false };
}

async function listNames(dir: string): Promise<string[]> {
  try {
    // Sorted so that, should both `SECURITY.md` and `security.md` exist, the pick is stable.
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined; // missing, a directory, or unreadable: all mean "no policy here"
  }
}

function toReportPath(root: string, full: string): string {
  return relative(root, full).split(sep).join(posix.sep);
}
