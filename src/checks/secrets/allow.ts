// What is not a secret by the repository's own say: paths never scanned (`secrets.exclude-paths`,
// `.gitleaks.toml` allowlist paths) and findings ignored by a `.gitleaksignore` fingerprint.
import { minimatch } from 'minimatch';

/**
 * `secrets.exclude-paths` globs (minimatch, dotfiles included). A pattern without a slash matches
 * a file name anywhere (`*.min.js`), and a folder pattern covers what is inside (`vendor`).
 */
export function pathFilter(globs: string[], regexes: { test(path: string): boolean }[] = []): (path: string) => boolean {
  if (globs.length === 0 && regexes.length === 0) return () => true;
  const matchers = globs.flatMap((glob) => {
    const trimmed = glob.replace(/^\.\//, '').replace(/\/$/, '');
    const options = { dot: true, matchBase: !trimmed.includes('/') };
    return [(path: string) => minimatch(path, trimmed, options), (path: string) => minimatch(path, `${trimmed}/**`, { dot: true })];
  });
  return (path) => !matchers.some((matches) => matches(path)) && !regexes.some((regex) => regex.test(path));
}

/**
 * `.gitleaksignore`: one fingerprint per line, `commit:path:rule:line` (history scans) or
 * `path:rule:line` (working-tree scans); `#` starts a comment. Rule ids differ between gitleaks
 * and this tool, so an entry also matches any rule at the same commit, path and line.
 */
export class GitleaksIgnore {
  private readonly exact = new Set<string>();
  private readonly anyRule = new Set<string>();

  constructor(text: string) {
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (!line || line.startsWith('#')) continue;
      const parts = line.split(':');
      if (parts.length < 3) continue;
      const lineNumber = parts.pop()!;
      const rule = parts.pop()!;
      const commit = parts.length > 1 && /^[0-9a-f]{7,40}$/.test(parts[0]!) ? parts.shift()! : '';
      const path = parts.join(':');
      this.exact.add(key(commit, path, rule, lineNumber));
      this.anyRule.add(key(commit, path, '', lineNumber));
    }
  }

  get size(): number {
    return this.exact.size;
  }

  ignores(found: { commit?: string; path: string; rule: string; line: number }): boolean {
    if (this.exact.size === 0) return false;
    for (const commit of candidates(found.commit)) {
      if (this.exact.has(key(commit, found.path, found.rule, String(found.line)))) return true;
      if (this.anyRule.has(key(commit, found.path, '', String(found.line)))) return true;
    }
    return false;
  }
}

/** gitleaks writes full shas; accept the short ones people paste too. */
function candidates(commit: string | undefined): string[] {
  if (!commit) return [''];
  return [commit, commit.slice(0, 7), commit.slice(0, 8), commit.slice(0, 12)];
}

function key(commit: string, path: string, rule: string, line: string): string {
  return `${commit}\u0000${path}\u0000${rule}\u0000${line}`;
}
