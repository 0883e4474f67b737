// The repository's own policy files that a check reads besides the config file. The pipeline reads
// them once, from the same place as the config (the base commit on a pull request, so a pull request
// cannot exempt itself), and hands the checks their text as plain data: checks never read them from
// disk, and plain data can cross into a worker thread.
import type { PolicyTree } from './tree.js';

/** gitleaks' custom rules and allowlists, and its list of ignored findings. */
export const POLICY_FILE_NAMES = ['.gitleaks.toml', '.gitleaksignore'] as const;

export type PolicyFileName = (typeof POLICY_FILE_NAMES)[number];

/** Each policy file's text, by its path relative to the scanned root; undefined when the file does not exist. */
export type PolicyFiles = Readonly<Partial<Record<PolicyFileName, string>>>;

export async function readPolicyFiles(tree: PolicyTree): Promise<PolicyFiles> {
  const files: Partial<Record<PolicyFileName, string>> = {};
  for (const name of POLICY_FILE_NAMES) {
    const text = await tree.read(name);
    if (text !== undefined) files[name] = text;
  }
  return files;
}
