// One door to the advisory sources: the offline database when `deps.advisory-db` is set, else
// the OSV API with the on-disk cache. Either way the result is an index of records by package,
// which the matcher checks locally.
import { resolve } from 'node:path';
import type { Config } from '../../../config/schema.js';
import type { CheckError } from '../../../finding.js';
import { isMatchable } from '../match.js';
import type { Package } from '../types.js';
import { defaultCacheDir, RecordCache } from './cache.js';
import { OsvApiClient, type OsvApiOptions, type OsvQuery } from './osv-api.js';
import { AdvisoryIndex, loadAdvisoryDatabase } from './osv-db.js';

export { OsvSourceError } from './errors.js';
export { defaultCacheDir, RecordCache } from './cache.js';
export { OsvApiClient, type OsvApiOptions, type OsvQuery } from './osv-api.js';
export { AdvisoryIndex, loadAdvisoryDatabase } from './osv-db.js';

export interface AdvisorySourceOptions extends Partial<Omit<OsvApiOptions, 'url' | 'cache'>> {
  /** Resolves a relative `deps.advisory-db` or `deps.cache-dir`. */
  root: string;
  /** Overrides `deps.cache-dir` (and its default, `<os tmpdir>/security-gate-cache`). */
  cacheDir?: string;
}

export interface AdvisoryResult {
  index: AdvisoryIndex;
  errors: CheckError[];
  source: 'api' | 'offline';
  /** The URL or the database path, for messages. */
  location: string;
  /** HTTP requests made (API only). */
  requests?: number;
}

/** Where advisories come from for this config: for error messages before anything is asked. */
export function sourceLocation(deps: Config['deps'], root: string): string {
  return deps['advisory-db'] ? resolve(root, deps['advisory-db']) : deps['osv-url'];
}

/** Records that may affect these packages; throws OsvSourceError when the source cannot answer. */
export async function findAdvisories(packages: Package[], deps: Config['deps'], options: AdvisorySourceOptions): Promise<AdvisoryResult> {
  const matchable = packages.filter(isMatchable);
  const dbPath = deps['advisory-db'];
  if (dbPath) {
    const location = resolve(options.root, dbPath);
    const loaded = await loadAdvisoryDatabase(location, { wanted: matchable.map((pkg) => pkg.name), root: options.root });
    return { index: loaded.index, errors: loaded.errors, source: 'offline', location };
  }

  const cacheDir = resolve(options.root, options.cacheDir ?? deps['cache-dir'] ?? defaultCacheDir());
  const client = new OsvApiClient({ ...options, url: deps['osv-url'], cache: new RecordCache(cacheDir) });
  const index = new AdvisoryIndex();
  for (const record of await client.lookup(uniqueQueries(matchable))) index.add(record);
  return { index, errors: [], source: 'api', location: deps['osv-url'], requests: client.requests };
}

/** One query per distinct (ecosystem, name, version): a monorepo lists the same package many times. */
export function uniqueQueries(packages: Package[]): OsvQuery[] {
  const seen = new Map<string, OsvQuery>();
  for (const { ecosystem, name, version } of packages) {
    const key = `${ecosystem}\u0000${name}\u0000${version}`;
    if (!seen.has(key)) seen.set(key, { ecosystem, name, version });
  }
  return [...seen.values()];
}
