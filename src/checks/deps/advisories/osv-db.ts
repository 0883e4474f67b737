// The offline advisory database (`deps.advisory-db`): a folder of OSV records (JSON, or YAML as
// PyPA publishes them), searched recursively, or an OSV ecosystem export `all.zip`
// (https://osv-vulnerabilities.storage.googleapis.com/<ecosystem>/all.zip). Indexed in memory by
// ecosystem and name. A record that cannot be read is an error naming the file; the rest load.
import { readFile, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import fg from 'fast-glob';
import { parse as parseYaml } from 'yaml';
import type { CheckError } from '../../../finding.js';
import { packageKey } from '../match.js';
import { normalizePyPIName } from '../names.js';
import type { OsvRecord } from '../types.js';
import { OsvSourceError } from './errors.js';
import { checkOsvRecord } from './record.js';
import { firstLine } from '../../../util.js';
import { readZipEntries, ZipError } from './zip.js';

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
  /**
   * Of the `ecosystems` asked about, those with at least one record in the database, counting
   * records the name prefilter skipped. When none were asked: the ecosystems of the records parsed.
   */
  ecosystems: Set<string>;
}

export interface LoadOptions {
  /**
   * Names (any ecosystem) the scan needs. When given, a JSON record whose text names none of
   * them is skipped before parsing: most of a 50,000-record database is about other packages.
   */
  wanted?: Iterable<string>;
  /** Ecosystems the scan needs: `ecosystems` in the result says which of them the database covers. */
  ecosystems?: Iterable<string>;
  /** Root for the paths in error messages (default: the database path). */
  root?: string;
  /**
   * `fatal` of the error for a record that cannot be read (not JSON or YAML, or a zip entry that
   * cannot be inflated): what it says was not checked. Unset: the errors carry no `fatal`.
   */
  unreadableFatal?: boolean;
}

/** Loads a folder or an all.zip; throws OsvSourceError when the path itself cannot be read. */
export async function loadAdvisoryDatabase(path: string, options: LoadOptions = {}): Promise<LoadedDatabase> {
  let isFolder: boolean;
  try {
    isFolder = (await stat(path)).isDirectory();
  } catch {
    throw new OsvSourceError(
      path,
      `the advisory database ${path} does not exist: give --advisory-db (or deps.advisory-db) a folder of OSV records or an OSV all.zip`,
    );
  }
  // Names compared as PEP 503 does (case, separators, surrounding space): at least as loose as any
  // ecosystem's own comparison, so the prefilter never drops a record the exact match would keep.
  const wanted = options.wanted ? new Set([...options.wanted].map(normalizePyPIName)) : undefined;
  const coverage = new EcosystemCoverage(options.ecosystems);
  const index = new AdvisoryIndex();
  const errors: CheckError[] = [];
  const display = (file: string) => (options.root ? relative(options.root, file) || file : file);
  let files = 0;
  const unreadable = (path: string, message: string): CheckError => ({
    check: 'deps',
    path,
    message: `${message}; skipped, so no package was checked against it: fix or remove the file`,
    ...(options.unreadableFatal !== undefined && { fatal: options.unreadableFatal }),
  });

  const addText = (text: string, file: string) => {
    files += 1;
    const yaml = /\.ya?ml$/i.test(file);
    if (!yaml && wanted && !mentionsWanted(text, wanted)) {
      coverage.addText(text);
      return;
    }
    let value: unknown;
    try {
      value = yaml ? parseYaml(text) : JSON.parse(text);
    } catch (error) {
      errors.push(unreadable(file, `cannot parse advisory: ${firstLine(error)}`));
      return;
    }
    const checked = checkOsvRecord(value);
    if (checked.record) {
      index.add(checked.record);
      coverage.addRecord(checked.record);
    } else {
      const named = checked.id ? `${checked.id}: ` : '';
      errors.push({
        check: 'deps',
        path: file,
        message: `${named}not an OSV record (${checked.problem}); skipped, so no package was checked against it: fix or remove the file`,
      });
    }
  };

  if (isFolder) {
    const found = await fg(['**/*.json', '**/*.yaml', '**/*.yml'], { cwd: path, absolute: true, dot: false, onlyFiles: true });
    for (const file of found.sort()) addText(await readFile(file, 'utf8'), display(file));
  } else {
    const where = display(path);
    try {
      // Each entry is inflated on its own as the loop asks for it: memory holds one at a time.
      for (const entry of readZipEntries(await readFile(path), (name) => /\.(json|ya?ml)$/i.test(name))) {
        if (entry.data) addText(entry.data.toString('utf8'), `${where}!${entry.name}`);
        else errors.push(unreadable(`${where}!${entry.name}`, `cannot unzip advisory: ${entry.problem}`));
      }
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      throw new OsvSourceError(
        path,
        `cannot read the advisory database ${path} as a zip (${error.message}): give a folder of OSV records or an OSV all.zip`,
      );
    }
  }
  return { index, errors, files, ecosystems: coverage.found };
}

/** Which of the ecosystems the scan needs have any record, cheaply: a record skipped unparsed is searched as text. */
class EcosystemCoverage {
  readonly found = new Set<string>();
  private readonly needed: Set<string> | undefined;

  constructor(needed: Iterable<string> | undefined) {
    this.needed = needed ? new Set(needed) : undefined;
  }

  addRecord(record: OsvRecord): void {
    for (const entry of record.affected ?? []) if (entry.package) this.add(entry.package.ecosystem);
  }

  addText(text: string): void {
    // Only for the ecosystems asked about, and only until each has been seen once.
    if (!this.needed || this.found.size === this.needed.size) return;
    for (const match of text.matchAll(ECOSYSTEM_FIELD)) this.add(match[1]!);
  }

  private add(ecosystem: string): void {
    // "Debian:12", "Ubuntu:Pro:22.04:LTS": the part before the first colon names the ecosystem.
    const name = ecosystem.split(':')[0]!;
    if (!this.needed || this.needed.has(name)) this.found.add(name);
  }
}

const ECOSYSTEM_FIELD = /"ecosystem"\s*:\s*"([^"\\]*)"/g;

const NAME_FIELD = /"name"\s*:\s*"([^"\\]*(?:\\.[^"\\]*)*)"/g;

function mentionsWanted(text: string, wanted: Set<string>): boolean {
  for (const match of text.matchAll(NAME_FIELD)) {
    const raw = match[1]!;
    // An escaped name is rare; decode it properly rather than guess.
    const name = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
    if (wanted.has(normalizePyPIName(name))) return true;
  }
  return false;
}
