// go.mod (https://go.dev/ref/mod#go-mod-file). There is no maintained JS parser for it and the
// grammar is small: directives, `verb (` blocks, `//` comments, quoted or bare tokens.
// Versions are reported without the `v` prefix, as OSV's Go records and osv-scanner do.
import { LockfileError, type LockfileFormat, type Package } from '../types.js';

const DIRECTIVES = new Set(['module', 'go', 'toolchain', 'godebug', 'require', 'exclude', 'replace', 'retract', 'tool', 'ignore']);

interface Statement {
  verb: string;
  args: string[];
  comment: string;
  line: number;
}

export const goMod: LockfileFormat = {
  name: 'go.mod',
  ecosystem: 'Go',
  fileNames: ['go.mod'],
  async parse(text, file) {
    const statements = readStatements(text, file);
    const replaces = statements.filter((s) => s.verb === 'replace').map((s) => readReplace(s, file));
    const packages: Package[] = [];
    for (const statement of statements.filter((s) => s.verb === 'require')) {
      const [path, version] = statement.args;
      if (statement.args.length !== 2 || path === undefined || version === undefined) {
        throw new LockfileError(file, statement.line, 'require needs a module path and a version');
      }
      const direct = !/^indirect(;|$)/.test(statement.comment);
      const base = { ecosystem: 'Go' as const, lockfile: file, line: statement.line, dev: false, direct, path: [path] };
      const replace = replaces.find((r) => r.oldPath === path && (r.oldVersion === undefined || r.oldVersion === version));
      if (!replace) packages.push({ ...base, name: path, version: withoutV(version), source: 'registry' });
      else if (replace.newVersion === undefined) {
        // A local directory replaces the module: nothing to match by version.
        packages.push({ ...base, name: path, version: '', source: 'file', note: `replaced by local directory ${replace.newPath}` });
      } else {
        packages.push({
          ...base,
          name: replace.newPath,
          path: [replace.newPath],
          version: withoutV(replace.newVersion),
          source: 'registry',
        });
      }
    }
    const stdlib = toolchainPackage(statements, file);
    if (stdlib) packages.push(stdlib);
    return packages;
  },
};

function withoutV(version: string): string {
  return version.replace(/^v/, '');
}

/**
 * The Go standard library as a `stdlib` package, like osv-scalibr: the `toolchain` directive names the
 * exact toolchain, the `go` directive only the minimum. Go names pre-releases `1.21rc2`; OSV's stdlib
 * ranges spell them as SemVer, `1.21.0-rc.2`.
 */
function toolchainPackage(statements: Statement[], file: string): Package | undefined {
  const toolchain = statements.find((s) => s.verb === 'toolchain' && s.args[0] !== 'default');
  const go = statements.find((s) => s.verb === 'go');
  const chosen = toolchain ?? go;
  if (!chosen) return undefined;
  const raw = (chosen.args[0] ?? '').replace(/^go/, '');
  const match = /^(\d+)\.(\d+)(?:\.(\d+))?(?:(rc|beta)(\d+))?(?:-.*)?$/.exec(raw);
  if (!match) throw new LockfileError(file, chosen.line, `cannot read Go version '${chosen.args[0] ?? ''}'`);
  const version = `${match[1]}.${match[2]}.${match[3] ?? '0'}${match[4] ? `-${match[4]}.${match[5]}` : ''}`;
  return {
    ecosystem: 'Go',
    name: 'stdlib',
    version,
    lockfile: file,
    line: chosen.line,
    dev: false,
    direct: true,
    path: ['stdlib'],
    source: 'registry',
    note: chosen === go ? 'Go version from the go directive (the minimum the module needs)' : undefined,
  };
}

function readReplace(statement: Statement, file: string) {
  const arrow = statement.args.indexOf('=>');
  const left = statement.args.slice(0, arrow);
  const right = statement.args.slice(arrow + 1);
  if (arrow === -1 || left.length < 1 || left.length > 2 || right.length < 1 || right.length > 2) {
    throw new LockfileError(file, statement.line, 'replace needs `old [version] => new [version]`');
  }
  return { oldPath: left[0]!, oldVersion: left[1], newPath: right[0]!, newVersion: right[1] };
}

function readStatements(text: string, file: string): Statement[] {
  const statements: Statement[] = [];
  let block: { verb: string; line: number } | undefined;
  text.split(/\r?\n/).forEach((content, index) => {
    const line = index + 1;
    const { tokens, comment } = tokenize(content, file, line);
    if (tokens.length === 0) return;
    if (block) {
      if (tokens.length === 1 && tokens[0] === ')') block = undefined;
      else statements.push({ verb: block.verb, args: tokens, comment, line });
      return;
    }
    const [verb = '', ...args] = tokens;
    if (!DIRECTIVES.has(verb)) throw new LockfileError(file, line, `unknown directive '${verb}'`);
    if (args.length === 1 && args[0] === '(') block = { verb, line };
    else if (args.length === 0) throw new LockfileError(file, line, `directive '${verb}' needs arguments`);
    else statements.push({ verb, args, comment, line });
  });
  if (block) throw new LockfileError(file, block.line, `'${block.verb} (' block is never closed`);
  return statements;
}

/** Splits a line into bare, "quoted" and `raw` tokens; returns the text of a trailing // comment. */
function tokenize(content: string, file: string, line: number): { tokens: string[]; comment: string } {
  const tokens: string[] = [];
  let i = 0;
  while (i < content.length) {
    const c = content[i];
    if (c === ' ' || c === '\t' || c === '\r') i++;
    else if (content.startsWith('//', i)) return { tokens, comment: content.slice(i + 2).trim() };
    else if (c === '"' || c === '`') {
      let end = i + 1;
      while (end < content.length && content[end] !== c) end += c === '"' && content[end] === '\\' ? 2 : 1;
      if (end >= content.length) throw new LockfileError(file, line, 'unterminated quoted string');
      tokens.push(content.slice(i + 1, end));
      i = end + 1;
    } else if (c === '(' || c === ')') {
      tokens.push(c);
      i++;
    } else {
      // Go's lexer splits on space, tab and CR only; anything else belongs to the token.
      let end = i + 1;
      while (end < content.length && !' \t\r()"`'.includes(content[end]!) && !content.startsWith('//', end)) end++;
      tokens.push(content.slice(i, end));
      i = end;
    }
  }
  return { tokens, comment: '' };
}
