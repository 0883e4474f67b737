// One door to the advisory sources: the offline database when `deps.advisory-db` is set, else
// the OSV API with the on-disk cache. Either way the result is an index of records by package,
// which the matcher checks locally.
import { compareStrings, plural } from '../../../util.js';
import { resolve } from 'node:path';
import type { Config } from '../../../config/schema.js';
import type { CheckError } from '../../../finding.js';
import { isMatchable } from '../match.js';
import type { Package } from '../types.js';
import { defaultCacheDir, RecordCache } from './cache.js';
import { OsvSourceError, osvDumpUrl } from './errors.js';
import { OsvApiClient, type OsvApiOptions, type OsvQuery } from './osv-api.js';
import { AdvisoryIndex, loadAdvisoryDatabase } from './osv-db.js';

export { OsvSourceError } from './errors.js';
export { defaultCacheDir, RecordCache } from './cache.js';
export { OsvApiClient, type OsvApiOptions, type OsvQuery, type SkippedRecord } from './osv-api.js';
export { AdvisoryIndex, loadAdvisoryDatabase } from './osv-db.js';

export interface AdvisorySourceOptions extends Partial<Omit<OsvApiOptions, 'url' | 'cache'>> {
  /** Resolves a relative `deps.advisory-db` or `deps.cache-dir`. */
  root: string;
  /** Overrides `deps.cache-dir` (and its default, `<os tmpdir>/security-gate-cache`); records are kept per source inside. */
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
  if (dbPath) return findOffline(matchable, resolve(options.root, dbPath), deps, options.root);

  const cacheDir = resolve(options.root, options.cacheDir ?? deps['cache-dir'] ?? defaultCacheDir());
  const client = new OsvApiClient({
    ...options,
    deadlineMs: options.deadlineMs ?? deps.timeout * 1000,
    url: deps['osv-url'],
    cache: new RecordCache(cacheDir, deps['osv-url']),
  });
  const index = new AdvisoryIndex();
  for (const record of await client.lookup(uniqueQueries(matchable))) index.add(record);
  // A record listed for one of our packages but not served leaves those packages unchecked against
  // it: fatal unless deps.on-source-error is warn. (A record served malformed is not fatal yet: see
  // the malformed-records tests.)
  const errors = client.skipped.map(({ id, problem, notFound }): CheckError => ({
    check: 'deps',
    path: deps['osv-url'],
    message: notFound
      ? `${id} from ${deps['osv-url']} was ${problem}; skipped, so no package was checked against it`
      : `${id} from ${deps['osv-url']} is not a valid OSV record (${problem}); skipped, so no package was checked against it`,
    fatal: notFound ? deps['on-source-error'] === 'fail' : false,
  }));
  return { index, errors, source: 'api', location: deps['osv-url'], requests: client.requests };
}

/**
 * The offline database. One with no record for any ecosystem the scan found checks nothing: that
 * is the wrong folder, not a clean result. One that lacks some of them leaves those packages
 * unchecked: an error for each such ecosystem (fatal unless `deps.on-source-error: warn`).
 */
async function findOffline(matchable: Package[], location: string, deps: Config['deps'], root: string): Promise<AdvisoryResult> {
  const needed = countByEcosystem(matchable);
  const loaded = await loadAdvisoryDatabase(location, {
    wanted: matchable.map((pkg) => pkg.name),
    ecosystems: needed.keys(),
    root,
    unreadableFatal: deps['on-source-error'] === 'fail',
  });
  const missing = [...needed.keys()]
    .filter((ecosystem) => !loaded.ecosystems.has(ecosystem))
    .sort((a, b) => compareStrings(a.toLowerCase(), b.toLowerCase()));
  const errors = [...loaded.errors];
  if (missing.length > 0 && missing.length === needed.size) {
    throw new OsvSourceError(
      location,
      `no advisories for ${missing.join(', ')} in ${location}: is it the right folder? ` +
        `It holds ${loaded.files === 0 ? 'no OSV records at all' : `${plural(loaded.files, 'file')}, none about these ecosystems`}. ` +
        `Give --advisory-db (or deps.advisory-db) a folder of OSV records or an all.zip: OSV publishes one per ecosystem (${missing.map(osvDumpUrl).join(', ')}).`,
    );
  }
  for (const ecosystem of missing) {
    errors.push({
      check: 'deps',
      path: location,
      message:
        `no advisories for ${ecosystem} in ${location}: its ${needed.get(ecosystem)} ${ecosystem} packages were NOT checked. ` +
        `Add ${osvDumpUrl(ecosystem)} (unzipped into a folder beside the others), or exclude those lockfiles with deps.exclude.`,
      fatal: deps['on-source-error'] === 'fail',
    });
  }
  return { index: loaded.index, errors, source: 'offline', location };
}

function countByEcosystem(packages: Package[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { ecosystem } of packages) counts.set(ecosystem, (counts.get(ecosystem) ?? 0) + 1);
  return counts;
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
