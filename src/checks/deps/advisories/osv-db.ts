// The offline advisory database (`deps.advisory-db`): a folder of OSV records (JSON, or YAML as
// PyPA publishes them), searched recursively, or an OSV ecosystem export `all.zip`
// (https://osv-vulnerabilities.storage.googleapis.com/<ecosystem>/all.zip). Indexed in memory by
// ecosystem and name. A record that cannot be read is an error naming the file; the rest load.
import { readFile, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import fg from 'fast-glob';
import { unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import type { CheckError } from '../../../finding.js';
import { packageKey } from '../match.js';
import type { OsvRecord } from '../types.js';
import { OsvSourceError } from './errors.js';

/** Records by (ecosystem, normalised name); a record naming several packages is listed under each. */
export class AdvisoryIndex {
  private readonly byPackage = new Map<string, OsvRecord[]>();
  private readonly ids = new Set<string>();

  add(record: OsvRecord): void {
    if (this.ids.has(record.id)) return;
    this.ids.add(record.id);
    const keys = new Set<string>();
    for (const entry of record.affected ?? []) {
      if (entry.package) keys.add(packageKey(entry.package.ecosystem, entry.package.name));
    }
    for (const key of keys) {
      const list = this.byPackage.get(key);
      if (list) list.push(record);
      else this.byPackage.set(key, [record]);
    }
  }

  recordsFor(ecosystem: string, name: string): OsvRecord[] {
    return this.byPackage.get(packageKey(ecosystem, name)) ?? [];
  }

  get size(): number {
    return this.ids.size;
  }
}

export interface LoadedDatabase {
  index: AdvisoryIndex;
  errors: CheckError[];
  /** Files (or zip entries) read. */
  files: number;
}

export interface LoadOptions {
  /**
   * Names (any ecosystem) the scan needs. When given, a JSON record whose text names none of
   * them is skipped before parsing: most of a 50,000-record database is about other packages.
   */
  wanted?: Iterable<string>;
  /** Root for the paths in error messages (default: the database path). */
  root?: string;
}

/** Loads a folder or an all.zip; throws OsvSourceError when the path itself cannot be read. */
export async function loadAdvisoryDatabase(path: string, options: LoadOptions = {}): Promise<LoadedDatabase> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    throw new OsvSourceError(
      path,
      `the advisory database ${path} does not exist: set deps.advisory-db to a folder of OSV records or an OSV all.zip`,
    );
  }
  const wanted = options.wanted ? new Set([...options.wanted].map(looseName)) : undefined;
  const index = new AdvisoryIndex();
  const errors: CheckError[] = [];
  const display = (file: string) => (options.root ? relative(options.root, file) || file : file);
  let files = 0;

  const addText = (text: string, file: string) => {
    files += 1;
    const yaml = /\.ya?ml$/i.test(file);
    if (!yaml && wanted && !mentionsWanted(text, wanted)) return;
    try {
      const record = (yaml ? parseYaml(text) : JSON.parse(text)) as unknown;
      const problem = recordProblem(record);
      if (problem) errors.push({ check: 'deps', path: file, message: `not an OSV record: ${problem}; fix or remove the file` });
      else index.add(record as OsvRecord);
    } catch (error) {
      errors.push({ check: 'deps', path: file, message: `cannot parse advisory: ${(error as Error).message.split('\n')[0]}` });
    }
  };

  if (isFolder) {
    const found = await fg(['**/*.json', '**/*.yaml', '**/*.yml'], { cwd: path, absolute: true, dot: false, onlyFiles: true });
    for (const file of found.sort()) addText(await readFile(file, 'utf8'), display(file));
  } else {
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(await readFile(path), { filter: (entry) => /\.(json|ya?ml)$/i.test(entry.name) });
    } catch (error) {
      throw new OsvSourceError(
        path,
        `cannot read the advisory database ${path} as a zip (${(error as Error).message}): give a folder of OSV records or an OSV all.zip`,
      );
    }
    const decoder = new TextDecoder();
    for (const name of Object.keys(entries).sort()) addText(decoder.decode(entries[name]), `${display(path)}!${name}`);
  }
  return { index, errors, files };
}

function recordProblem(record: unknown): string | undefined {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return 'expected an object';
  const { id, affected } = record as Partial<OsvRecord>;
  if (typeof id !== 'string' || id === '') return 'missing `id`';
  if (affected !== undefined && !Array.isArray(affected)) return '`affected` is not a list';
  return undefined;
}

/** Case- and separator-insensitive, so the prefilter never drops a record the exact match would keep. */
function looseName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const NAME_FIELD = /"name"\s*:\s*"([^"\\]*(?:\\.[^"\\]*)*)"/g;

function mentionsWanted(text: string, wanted: Set<string>): boolean {
  for (const match of text.matchAll(NAME_FIELD)) {
    const raw = match[1]!;
    // An escaped name is rare; decode it properly rather than guess.
    const name = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    if (wanted.has(looseName(name))) return true;
  }
  return false;
}
