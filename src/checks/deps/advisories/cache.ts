// OSV records cached on disk, one file per id (`<dir>/<id>.json`). A cached record is reused only
// when its `modified` equals the one querybatch reports, so a warm run fetches only what changed.
// In the action, point `deps.cache-dir` at a folder an actions/cache step keeps (see README).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OsvRecord } from '../types.js';

/** Used when `deps.cache-dir` is not set: survives between local runs, not between CI jobs. */
export function defaultCacheDir(): string {
  return join(tmpdir(), 'security-gate-cache');
}

export class RecordCache {
  constructor(readonly dir: string) {}

  /** The cached record when it is at this `modified` (any when `modified` is undefined is not trusted: undefined). */
  async get(id: string, modified: string | undefined): Promise<OsvRecord | undefined> {
    if (modified === undefined) return undefined;
    try {
      const record = JSON.parse(await readFile(this.fileFor(id), 'utf8')) as OsvRecord;
      return record.id === id && record.modified === modified ? record : undefined;
    } catch {
      // Missing or damaged entry: a miss, fetched again and rewritten.
      return undefined;
    }
  }

  async put(record: OsvRecord): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    // Write then rename, so a concurrent or interrupted run never reads half a file.
    const file = this.fileFor(record.id);
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(partial, JSON.stringify(record));
    await rename(partial, file);
  }

  private fileFor(id: string): string {
    // Ids are like GHSA-xxxx or PYSEC-2023-62; keep anything else out of the path.
    return join(this.dir, `${id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
  }
}
