// pip requirements files (https://pip.pypa.io/en/stable/reference/requirements-file-format/).
// Only `==`/`===` pins name one version; anything else is listed with a note and not matched.
import { posix } from 'node:path';
import { LockfileError, type LockfileFormat, type Package, type ParseContext } from '../types.js';
import { normalizePyPIName } from '../names.js';
import { REQUIREMENT_NAME } from './pep508.js';

const UNPINNED = 'unpinned requirement, not matched';

export const requirementsFile: LockfileFormat = {
  name: 'requirements.txt',
  ecosystem: 'PyPI',
  fileNames: ['requirements*.txt', 'requirements/**/*.txt'],
  parse: parseWithIncludes,
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
  const physical = text.split(/\r?\n/);
  for (let i = 0; i < physical.length; i++) {
    const start = i + 1;
    let content = physical[i]!;
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
        entries.push({ flag, target: include[3]!, line });
      }
      // An editable install from version control is a dependency nobody pinned to a release: listed,
      // not matched. Local paths (`-e .`) are the project's own code. Other options (-i, --hash on
      // its own line, -f ...) name no package.
      const editable = /^(?:-e|--editable)(?:\s*=\s*|\s+)((?:git|hg|svn|bzr)\+\S+)$/i.exec(content);
      if (editable) entries.push({ pkg: editableRequirement(editable[1]!, file, line) });
      continue;
    }
    const pkg = parseRequirement(content, file, line);
    if (pkg) entries.push({ pkg });
  }
  return entries;
}

const SPECIFIER = /^(~=|===|==|!=|<=|>=|<|>)\s*([^\s,;]+)$/;

/** One requirement specifier (PEP 508), without per-requirement options like `--hash`. */
function parseRequirement(content: string, file: string, line: number): Package | undefined {
  // A bare path or URL (a wheel, an sdist) names no package by itself.
  if (/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(content) || (!content.includes('@') && /\.(whl|zip|tar\.gz)$/i.test(content)))
    return undefined;
  const requirement = content.replace(/\s--?[A-Za-z][\s\S]*$/, '');
  const [spec] = splitMarker(requirement);
  const name = REQUIREMENT_NAME.exec(spec);
  if (!name) throw new LockfileError(file, line, `cannot read requirement '${clip(content)}'`);
  const base = { ecosystem: 'PyPI' as const, name: normalizePyPIName(name[1]!), lockfile: file, line, dev: false, direct: true };
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
      if ((specifier[1] === '==' || specifier[1] === '===') && !specifier[2]!.includes('*')) version = specifier[2]!;
    }
  }
  return version
    ? { ...base, version, path: [base.name], source: 'registry' }
    : { ...base, version: '', path: [base.name], source: 'registry', note: UNPINNED };
}

/** `git+https://host/owner/repo.git@ref#egg=name`: the name from `#egg=`, else the repository's. */
function editableRequirement(url: string, file: string, line: number): Package {
  const egg = /[#&]egg=([^&\s]+)/.exec(url)?.[1];
  const repository = url
    .split(/[#?]/, 1)[0]!
    .replace(/@[^/@]*$/, '')
    .replace(/\.git$/, '');
  const name = normalizePyPIName(egg ?? repository.slice(repository.lastIndexOf('/') + 1));
  const source = /^git\+/i.test(url) ? 'git' : 'tarball';
  return {
    ecosystem: 'PyPI',
    name,
    version: '',
    lockfile: file,
    line,
    dev: false,
    direct: true,
    path: [name],
    source,
    note: 'editable install from version control, not matched',
  };
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
 * Parses a requirements file and every file it includes with `-r`/`-c`, relative to the including
 * file (pip's rule), through `readSibling`: packages from an included file name that file and line.
 * A file reached twice (a cycle or a diamond) is read once. An include that is a URL or does not
 * exist is listed as a note (its packages are not checked, and counted so); one that leads outside
 * the scanned folder is refused with a LockfileError at the include's line.
 */
async function parseWithIncludes(text: string, file: string, { readSibling }: ParseContext): Promise<Package[]> {
  const folder = posix.dirname(file);
  const packages: Package[] = [];
  // Depth-first, in the order pip reads them, with an explicit stack (an include chain can be long).
  // `relative` is a file's path from the top file's folder: what readSibling takes.
  const top = posix.basename(file);
  const seen = new Set([top]);
  const stack = [{ relative: top, entries: parseOne(text, file), index: 0 }];
  while (stack.length) {
    const frame = stack.at(-1)!;
    const entry = frame.entries[frame.index++];
    if (!entry) {
      stack.pop();
      continue;
    }
    if ('pkg' in entry) {
      packages.push(entry.pkg);
      continue;
    }
    const current = posix.join(folder, frame.relative);
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.target)) {
      packages.push(includeNote(entry, current, `${entry.flag} include of a URL, not followed`));
      continue;
    }
    const target = posix.normalize(posix.join(posix.dirname(frame.relative), entry.target));
    if (seen.has(target)) continue;
    seen.add(target);
    let included: string | undefined;
    try {
      included = await readSibling(target);
    } catch (error) {
      if (error instanceof LockfileError) throw new LockfileError(current, entry.line, `${entry.flag} ${entry.target}: ${error.detail}`);
      throw error;
    }
    const path = posix.join(folder, target);
    if (included === undefined) packages.push(includeNote(entry, current, `${entry.flag} include '${path}' cannot be read`));
    else stack.push({ relative: target, entries: parseOne(included, path), index: 0 });
  }
  return packages;
}
