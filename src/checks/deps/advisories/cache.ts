// OSV records cached on disk, one folder per advisory source and one file per id
// (`<dir>/<sha256 of the source>/<id>.json`). A record is only ever served back to the source that
// supplied it: a run pointed at a hostile `deps.osv-url` cannot plant records that a later run
// against the real API reads. A cached record is reused only when its `modified` equals the one
// querybatch reports, so a warm run fetches only what changed, and only when it still passes the
// OSV schema check. In the action the default cache is under the run's own RUNNER_TEMP; point
// `deps.cache-dir` at a folder an actions/cache step keeps (see README).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../cache-file.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OsvRecord } from '../types.js';
import { checkOsvRecord } from './record.js';

/** Used when `deps.cache-dir` is not set (the CLI): survives between local runs, not between CI jobs. */
export function defaultCacheDir(): string {
  return join(tmpdir(), 'security-gate-cache');
}

/** The folder name for a source: a hash, so the URL (which may carry credentials) is never written. */
export function sourceKey(source: string): string {
  return createHash('sha256').update(source.replace(/\/+$/, '')).digest('hex').slice(0, 32);
}

export class RecordCache {
  /** This source's own folder. */
  readonly folder: string;

  constructor(
    readonly dir: string,
    /** Where the records come from: the OSV API's URL. */
    readonly source: string,
  ) {
    this.folder = join(dir, sourceKey(source));
  }

  /** The cached record when it is at this `modified` (any when `modified` is undefined is not trusted: undefined). */
  async get(id: string, modified: string | undefined): Promise<OsvRecord | undefined> {
    if (modified === undefined) return undefined;
    try {
      const { record } = checkOsvRecord(JSON.parse(await readFile(this.fileFor(id), 'utf8')));
      return record?.id === id && record.modified === modified ? record : undefined;
    } catch {
      // Missing or damaged entry: a miss, fetched again and rewritten.
      return undefined;
    }
  }

  async put(record: OsvRecord): Promise<void> {
    await writeFileAtomic(this.fileFor(record.id), JSON.stringify(record));
  }

  private fileFor(id: string): string {
    // Ids are like GHSA-xxxx or PYSEC-2023-62; keep anything else out of the path.
    return join(this.folder, `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
  }
}
