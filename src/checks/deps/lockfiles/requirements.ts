// pip requirements files (https://pip.pypa.io/en/stable/reference/requirements-file-format/).
// Only `==`/`===` pins name one version; anything else is listed with a note and not matched.
import { readFile as readFileFromDisk } from 'node:fs/promises';
import { posix, resolve, relative, sep } from 'node:path';
import { LockfileError, type LockfileFormat, type Package } from '../types.js';
import { normalizePyPIName } from './pep503.js';

const UNPINNED = 'unpinned requirement, not matched';

export const requirementsFile: LockfileFormat = {
  name: 'requirements.txt',
  ecosystem: 'PyPI',
  matches: (file) => /^requirements[^/]*\.txt$/i.test(posix.basename(file)) || /(^|\/)requirements\/(.+\/)?[^/]+\.txt$/i.test(file),
  parse(text, file) {
    return parseOne(text, file).flatMap((entry) =>
      'pkg' in entry ? [entry.pkg] : [includeNote(entry, file, `${entry.flag} include not followed here (the inventory follows it)`)],
    );
  },
};

interface Include {
  flag: '-r' | '-c';
  target: string;
  line: number;
}

type Entry = { pkg: Package } | Include;

/** A logical line: backslash continuations joined, with the line it starts on. */
function logicalLines(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const start = i + 1;
    let content = physical[i];
    while (content.endsWith('\\') && i + 1 < physical.length) content = content.slice(0, -1) + physical[++i];
    out.push({ text: content.replace(/(^|\s)#.*$/, '').trim(), line: start });
  }
  return out;
}

function parseOne(text: string, file: string): Entry[] {
  const entries: Entry[] = [];
  for (const { text: content, line } of logicalLines(text)) {
    if (content === '') continue;
    if (content.startsWith('-')) {
      const include = /^(?:-(r|c)\s*|--(requirement|constraint)(?:\s*=\s*|\s+))(\S+)$/.exec(content);
      if (include) {
        const flag = include[1] === 'c' || include[2] === 'constraint' ? '-c' : '-r';
        entries.push({ flag, target: include[3], line });
      }
      // Other options (-i, --index-url, -e, --hash on its own line, -f ...) name no pinned package.
      continue;
    }
    const pkg = parseRequirement(content, file, line);
    if (pkg) entries.push({ pkg });
  }
  return entries;
}

const NAME = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*/;
const SPECIFIER = /^(~=|===|==|!=|<=|>=|<|>)\s*([^\s,;]+)$/;

/** One requirement specifier (PEP 508), without per-requirement options like `--hash`. */
function parseRequirement(content: string, file: string, line: number): Package | undefined {
  // A bare path or URL (a wheel, an sdist) names no package by itself.
  if (/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(content) || (!content.includes('@') && /\.(whl|zip|tar\.gz)$/i.test(content)))
    return undefined;
  const requirement = content.replace(/\s--?[A-Za-z][\s\S]*$/, '');
  const [spec] = splitMarker(requirement);
  const name = NAME.exec(spec);
  if (!name) throw new LockfileError(file, line, `cannot read requirement '${clip(content)}'`);
  const base = { ecosystem: 'PyPI' as const, name: normalizePyPIName(name[1]), lockfile: file, line, dev: false, direct: true };
  const rest = spec.slice(name[0].length).trim();
  if (rest.startsWith('@')) {
    const url = rest.slice(1).trim();
    const source = /^git\+/i.test(url) ? 'git' : /^file:/i.test(url) ? 'file' : 'tarball';
    return { ...base, version: '', path: [base.name], source, note: 'direct URL requirement, not matched' };
  }
  const specifiers = rest.replace(/^\((.*)\)$/, '$1').trim();
  let version = '';
  if (specifiers !== '') {
    for (const part of specifiers.split(',')) {
      const specifier = SPECIFIER.exec(part.trim());
      if (!specifier) throw new LockfileError(file, line, `cannot read version specifier '${clip(part.trim())}'`);
      if ((specifier[1] === '==' || specifier[1] === '===') && !specifier[2].includes('*')) version = specifier[2];
    }
  }
  return version
    ? { ...base, version, path: [base.name], source: 'registry' }
    : { ...base, version: '', path: [base.name], source: 'registry', note: UNPINNED };
}

/** PEP 508: the environment marker follows the first `;`. */
function splitMarker(requirement: string): [string, string] {
  const at = requirement.indexOf(';');
  return at === -1 ? [requirement.trim(), ''] : [requirement.slice(0, at).trim(), requirement.slice(at + 1).trim()];
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function includeNote(include: Include, file: string, note: string): Package {
  return {
    ecosystem: 'PyPI',
    name: include.target,
    version: '',
    lockfile: file,
    line: include.line,
    dev: false,
    direct: true,
    path: [include.target],
    source: 'file',
    note,
  };
}

/**
 * Parses a requirements file and every file it includes with `-r`/`-c`, relative to the including file.
 * `file` is relative to `root` (forward slashes); packages from an included file name that file and line.
 * A file reached twice (a cycle or a diamond) is read once; an include that leaves `root`, is a URL or
 * cannot be read is listed as a note instead of failing the whole file.
 */
export async function parseRequirementsWithIncludes(
  root: string,
  file: string,
  readFile: (absolutePath: string) => Promise<string> = (path) => readFileFromDisk(path, 'utf8'),
): Promise<Package[]> {
  const seen = new Set<string>();
  const packages: Package[] = [];
  const visit = async (relativeFile: string, text: string): Promise<void> => {
    seen.add(relativeFile);
    for (const entry of parseOne(text, relativeFile)) {
      if ('pkg' in entry) {
        packages.push(entry.pkg);
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.target)) {
        packages.push(includeNote(entry, relativeFile, `${entry.flag} include of a URL, not followed`));
        continue;
      }
      const target = posix.normalize(posix.join(posix.dirname(relativeFile), entry.target));
      const absolute = resolve(root, target);
      const inside = relative(resolve(root), absolute);
      if (inside.startsWith('..') || inside.startsWith(sep) || posix.isAbsolute(entry.target)) {
        packages.push(includeNote(entry, relativeFile, `${entry.flag} include outside the repository, not followed`));
        continue;
      }
      if (seen.has(target)) continue;
      let included: string;
      try {
        included = await readFile(absolute);
      } catch {
        packages.push(includeNote(entry, relativeFile, `${entry.flag} include '${target}' cannot be read`));
        continue;
      }
      await visit(target, included);
    }
  };
  await visit(file, await readFile(resolve(root, file)));
  return packages;
}
