import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  findAdvisories,
  loadAdvisoryDatabase,
  OsvApiClient,
  OsvSourceError,
  RecordCache,
  type OsvQuery,
} from '../../../src/checks/deps/advisories/index.js';
import { findVulnerabilities } from '../../../src/checks/deps/findings.js';
import { runDepsCheck } from '../../../src/checks/deps/index.js';
import type { OsvRecord, Package } from '../../../src/checks/deps/types.js';
import { configSchema, type Config } from '../../../src/config/schema.js';
import { evaluate } from '../../../src/policy/verdict.js';
import { cleanupTempDirs, tempDir } from '../../support/git-repo.js';
import { testContext } from '../../support/context.js';
import { fixtureRecord, fixtureRecords, OSV_FIXTURES, OsvServer, recordedExchange, syntheticAdvisories } from '../../support/osv-server.js';
import { pkg } from './support.js';

afterAll(cleanupTempDirs);

const fast = { retryDelayMs: 1, maxRetryAfterMs: 20, timeoutMs: 2_000 };
const q = (name: string, version: string, ecosystem = 'npm'): OsvQuery => ({ ecosystem, name, version });

describe('the OSV API client against a local OSV server', () => {
  let server: OsvServer;
  beforeEach(async () => {
    server = await OsvServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('sends the same request body as osv-scanner (recorded exchange: ansi-html@0.0.1)', async () => {
    const exchange = recordedExchange('querybatch-example-2');
    server.recorded.push(exchange);
    const client = new OsvApiClient({ url: server.url, ...fast });
    const results = await client.queryBatch([q('ansi-html', '0.0.1')]);
    expect(server.requests[0]).toEqual({ method: 'POST', path: '/v1/querybatch', body: exchange.request_body });
    expect(results).toEqual([[{ id: 'GHSA-whgm-jr23-g3j9', modified: '2023-11-08T04:05:08.868477Z' }]]);
  });

  it('keeps results in query order over a large recorded batch (98 Debian and PyPI queries)', async () => {
    const exchange = recordedExchange('querybatch-example-1');
    server.recorded.push(exchange);
    const queries = (exchange.request_body as { queries: { package: { ecosystem: string; name: string }; version: string }[] }).queries.map(
      (query) => q(query.package.name, query.version, query.package.ecosystem),
    );
    const results = await new OsvApiClient({ url: server.url, ...fast }).queryBatch(queries);
    const expected = (exchange.response_body as { results: { vulns?: { id: string }[] }[] }).results;
    expect(results).toHaveLength(98);
    expect(results.map((vulns) => vulns.map((vuln) => vuln.id))).toEqual(
      expected.map((result) => (result.vulns ?? []).map((vuln) => vuln.id)),
    );
  });

  it('fetches each distinct advisory once and returns the full records', async () => {
    const client = new OsvApiClient({ url: server.url, ...fast });
    const records = await client.lookup([q('lodash', '4.17.11'), q('lodash-es', '4.17.11'), q('qs', '6.5.2'), q('left-pad', '1.0.0')]);
    expect(records.map((record) => record.id).sort()).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-hrpp-h998-j3pp', 'GHSA-jf85-cpcp-j695']);
    expect(records.find((record) => record.id === 'GHSA-hrpp-h998-j3pp')?.affected).toHaveLength(9);
    expect(server.count('querybatch')).toBe(1);
    expect(server.count('vulns')).toBe(3);
    expect(client.requests).toBe(4);
  });

  it('splits at 1000 queries a batch: ⌈N/1000⌉ batches plus one GET per distinct advisory', async () => {
    const queries = Array.from({ length: 2500 }, (_, index) => q(`pkg-${index}`, '1.0.0'));
    queries[1500] = q('minimist', '1.2.5');
    queries[2400] = q('minimist', '0.2.3');
    const client = new OsvApiClient({ url: server.url, ...fast });
    const records = await client.lookup(queries);
    const batches = server.requests.filter((request) => request.path === '/v1/querybatch');
    expect(batches.map((request) => (request.body as { queries: unknown[] }).queries.length)).toEqual([1000, 1000, 500]);
    expect(records.map((record) => record.id)).toEqual(['GHSA-xvch-5gv4-984h']);
    expect(client.requests).toBe(3 + 1);
  });

  it('follows next_page_token for just the queries that have more pages', async () => {
    server.pageSize = 1;
    const client = new OsvApiClient({ url: server.url, ...fast });
    const results = await client.queryBatch([q('lodash', '4.17.11'), q('ws', '8.0.0'), q('left-pad', '1.0.0')]);
    expect(results[0]!.map((vuln) => vuln.id).sort()).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-jf85-cpcp-j695']);
    expect(results[1]!.map((vuln) => vuln.id)).toEqual(['GHSA-3h5v-q93c-6h6q']);
    expect(results[2]).toEqual([]);
    const second = server.requests[1]!.body as { queries: { package: { name: string }; page_token?: string }[] };
    expect(second.queries).toEqual([{ package: { ecosystem: 'npm', name: 'lodash' }, version: '4.17.11', page_token: '1' }]);
  });

  it('waits and retries after a 429 with Retry-After, and after a 500', async () => {
    server.failures.push({ status: 429, retryAfter: '1' }, { status: 500 });
    const client = new OsvApiClient({ url: server.url, ...fast });
    const records = await client.lookup([q('minimist', '1.2.5')]);
    expect(records.map((record) => record.id)).toEqual(['GHSA-xvch-5gv4-984h']);
    expect(server.count('querybatch')).toBe(3);
    expect(client.requests).toBe(4);
  });

  it('gives up on a request that hangs past the timeout, then succeeds on the retry', async () => {
    server.hangNext = 1;
    const client = new OsvApiClient({ url: server.url, ...fast, timeoutMs: 200 });
    const records = await client.lookup([q('minimist', '1.2.5')]);
    expect(records).toHaveLength(1);
    expect(server.count('querybatch')).toBe(2);
  });

  it('names the URL and what to do when the service stays down', async () => {
    server.down = 503;
    const client = new OsvApiClient({ url: server.url, ...fast, attempts: 3 });
    const error = await client.lookup([q('minimist', '1.2.5')]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OsvSourceError);
    expect((error as OsvSourceError).location).toBe(server.url);
    expect((error as Error).message).toMatch(/HTTP 503.*deps\.advisory-db/);
    expect(server.requests).toHaveLength(3);
  });

  it('explains a connection refused (nothing listening)', async () => {
    const url = server.url;
    await server.close();
    const error = await new OsvApiClient({ url, ...fast }).lookup([q('qs', '6.5.2')]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OsvSourceError);
    expect((error as Error).message).toContain(`${url}/v1/querybatch`);
    server = await OsvServer.start(); // for afterEach
  });

  it('skips an advisory the API lists but no longer serves (404 on GET)', async () => {
    server.setRecords(fixtureRecords().filter((record) => record.id !== 'GHSA-jf85-cpcp-j695'));
    server.recorded.push({
      method: 'POST',
      url: '',
      request_body: { queries: [{ package: { ecosystem: 'npm', name: 'lodash' }, version: '4.17.11' }] },
      response_status: 200,
      response_body: {
        results: [
          {
            vulns: [
              { id: 'GHSA-jf85-cpcp-j695', modified: 'x' },
              { id: 'GHSA-35jh-r3h4-6jhm', modified: 'y' },
            ],
          },
        ],
      },
    });
    const records = await new OsvApiClient({ url: server.url, ...fast }).lookup([q('lodash', '4.17.11')]);
    expect(records.map((record) => record.id)).toEqual(['GHSA-35jh-r3h4-6jhm']);
    expect(server.count('vulns')).toBe(2);
  });

  it('does not retry a 400', async () => {
    server.failures.push({ status: 400 });
    const error = await new OsvApiClient({ url: server.url, ...fast }).queryBatch([q('qs', '6.5.2')]).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('HTTP 400');
    expect(server.requests).toHaveLength(1);
  });

  it('asks for no record on a warm cache, and again only for a record whose modified changed', async () => {
    const cache = new RecordCache(tempDir('sg-osv-cache-'), server.url);
    const queries = [q('lodash', '4.17.11'), q('qs', '6.5.2')];
    const cold = new OsvApiClient({ url: server.url, ...fast, cache });
    await cold.lookup(queries);
    expect(cold.vulnRequests).toBe(3);

    const warm = new OsvApiClient({ url: server.url, ...fast, cache });
    const records = await warm.lookup(queries);
    expect(records).toHaveLength(3);
    expect(warm.vulnRequests).toBe(0);
    expect(warm.requests).toBe(1); // the querybatch still runs

    server.setRecords(
      fixtureRecords().map((record) => (record.id === 'GHSA-hrpp-h998-j3pp' ? { ...record, modified: '2026-11-01T00:00:00Z' } : record)),
    );
    const changed = new OsvApiClient({ url: server.url, ...fast, cache });
    const again = await changed.lookup(queries);
    expect(changed.vulnRequests).toBe(1);
    expect(again.find((record) => record.id === 'GHSA-hrpp-h998-j3pp')?.modified).toBe('2026-11-01T00:00:00Z');
  });
});

describe('the offline advisory database', () => {
  it('loads a folder of JSON and YAML records recursively, indexed by ecosystem and name', async () => {
    const { index, errors, files } = await loadAdvisoryDatabase(OSV_FIXTURES);
    expect(errors).toEqual([]);
    expect(files).toBe(39);
    expect(index.size).toBe(39);
    expect(
      index
        .recordsFor('npm', 'lodash')
        .map((record) => record.id)
        .sort(),
    ).toEqual(['GHSA-35jh-r3h4-6jhm', 'GHSA-jf85-cpcp-j695']);
    expect(
      index
        .recordsFor('npm', 'axios')
        .map((record) => record.id)
        .sort(),
    ).toEqual(['GHSA-8hc4-vh64-cxmj', 'GHSA-wf5p-g6vw-rhxx']);
    expect(
      index
        .recordsFor('PyPI', 'Requests')
        .map((record) => record.id)
        .sort(),
    ).toEqual(['PYSEC-2018-28', 'PYSEC-2023-74']);
    expect(index.recordsFor('Go', 'stdlib')).toHaveLength(3);
    expect(index.recordsFor('PyPI', 'lodash')).toEqual([]);
  });

  it('reads an OSV all.zip, and names a broken record without losing the others', async () => {
    const dir = tempDir('sg-osv-zip-');
    const entries: Record<string, Uint8Array> = {};
    for (const record of fixtureRecords().filter((candidate) => candidate.id.startsWith('GHSA-')))
      entries[`${record.id}.json`] = strToU8(JSON.stringify(record));
    entries['GHSA-broken.json'] = strToU8('{"id": "GHSA-broken", "affected": [');
    entries['not-a-record.json'] = strToU8('[1, 2]');
    const zip = join(dir, 'all.zip');
    writeFileSync(zip, zipSync(entries));

    const { index, errors } = await loadAdvisoryDatabase(zip);
    expect(index.size).toBe(21);
    expect(index.recordsFor('npm', 'event-stream').map((record) => record.id)).toEqual(['GHSA-mh6f-8j2x-4483']);
    expect(errors).toEqual([
      expect.objectContaining({
        check: 'deps',
        path: `${zip}!GHSA-broken.json`,
        message: expect.stringContaining('cannot parse advisory'),
      }),
      expect.objectContaining({ path: `${zip}!not-a-record.json`, message: expect.stringContaining('not an OSV record') }),
    ]);
  });

  it('reads an all.zip as Go writes a dump past 65,535 records: ZIP64 end records, sizes only in the central directory', async () => {
    const records = fixtureRecords().filter((candidate) => candidate.id.startsWith('GHSA-'));
    const entries = Object.fromEntries(records.map((record) => [`${record.id}.json`, strToU8(JSON.stringify(record))]));
    const dir = tempDir('sg-osv-zip64-');
    writeFileSync(join(dir, 'deflated.zip'), asGoWritesIt(zipSync(entries, { level: 6 })));
    writeFileSync(join(dir, 'stored.zip'), asGoWritesIt(zipSync(entries, { level: 0 })));
    for (const name of ['deflated.zip', 'stored.zip']) {
      const { index, errors, files } = await loadAdvisoryDatabase(join(dir, name));
      expect(errors, name).toEqual([]);
      expect(files, name).toBe(21);
      expect(index.recordsFor('npm', 'qs')[0], name).toEqual(fixtureRecord('GHSA-hrpp-h998-j3pp'));
    }
  });

  it('names a damaged entry of an all.zip and still reads the others', async () => {
    const records = fixtureRecords().filter((candidate) => candidate.id.startsWith('GHSA-'));
    const zip = Buffer.from(zipSync(Object.fromEntries(records.map((record) => [`${record.id}.json`, strToU8(JSON.stringify(record))]))));
    // Overwrite the deflated bytes of the first entry (its local header is at 0).
    const start = 30 + zip.readUInt16LE(26) + zip.readUInt16LE(28);
    zip.fill(0xff, start, start + 16);
    const path = join(tempDir('sg-osv-damaged-'), 'all.zip');
    writeFileSync(path, zip);
    const { index, errors } = await loadAdvisoryDatabase(path);
    expect(index.size).toBe(20);
    expect(errors).toEqual([
      { check: 'deps', path: `${path}!${records[0]!.id}.json`, message: expect.stringMatching(/^cannot unzip advisory: /) },
    ]);
  });

  it('skips records about other packages before parsing them when told which names matter', async () => {
    const dir = tempDir('sg-osv-dir-');
    mkdirSync(join(dir, 'npm'));
    const record = JSON.parse(
      readFileSync(join(OSV_FIXTURES, 'github-advisory-database', 'GHSA-8hc4-vh64-cxmj.json'), 'utf8'),
    ) as OsvRecord;
    writeFileSync(join(dir, 'npm', 'a.json'), JSON.stringify(record));
    writeFileSync(
      join(dir, 'npm', 'b.json'),
      JSON.stringify({ ...record, id: 'OTHER-1', affected: [{ package: { ecosystem: 'npm', name: 'other' } }] }),
    );
    const { index } = await loadAdvisoryDatabase(dir, { wanted: ['axios'] });
    expect(index.recordsFor('npm', 'axios').map((found) => found.id)).toEqual(['GHSA-8hc4-vh64-cxmj']);
    expect(index.size).toBe(1);
  });

  it('keeps a record the matcher would match whatever the spacing: the prefilter compares names as PyPI does', async () => {
    const dir = tempDir('sg-osv-prefilter-');
    const record = fixtureRecord('PYSEC-2023-74');
    const spaced = {
      ...record,
      affected: record.affected!.map((entry) => ({ ...entry, package: { ...entry.package!, name: ' Requests ' } })),
    };
    writeFileSync(join(dir, 'PYSEC-2023-74.json'), JSON.stringify(spaced));
    const { index } = await loadAdvisoryDatabase(dir, { wanted: ['requests'] });
    expect(index.recordsFor('PyPI', 'requests').map((found) => found.id)).toEqual(['PYSEC-2023-74']);
  });

  it('fails clearly when the database path does not exist or is not a zip', async () => {
    await expect(loadAdvisoryDatabase('/nonexistent/osv')).rejects.toThrow(/does not exist.*deps\.advisory-db/);
    const notZip = join(tempDir('sg-osv-bad-'), 'all.zip');
    writeFileSync(notZip, 'hello');
    await expect(loadAdvisoryDatabase(notZip)).rejects.toBeInstanceOf(OsvSourceError);
  });
});

/**
 * A zip as Go's archive/zip writes OSV's dumps: a data descriptor flag with sizes and CRC left out
 * of the local headers, and (past 65,535 entries) ZIP64 end records whose classic fields say 0xFFFF.
 */
function asGoWritesIt(zip: Uint8Array): Buffer {
  const bytes = Buffer.from(zip);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  for (let at = directoryOffset, index = 0; index < entries; index += 1) {
    const local = bytes.readUInt32LE(at + 42);
    bytes.writeUInt16LE(bytes.readUInt16LE(at + 8) | 8, at + 8);
    bytes.writeUInt16LE(bytes.readUInt16LE(local + 6) | 8, local + 6);
    bytes.fill(0, local + 14, local + 26); // CRC, compressed and uncompressed size
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  const zip64End = Buffer.alloc(56);
  zip64End.writeUInt32LE(0x06064b50, 0);
  zip64End.writeBigUInt64LE(44n, 4);
  zip64End.writeUInt16LE(45, 12);
  zip64End.writeUInt16LE(45, 14);
  zip64End.writeBigUInt64LE(BigInt(entries), 24);
  zip64End.writeBigUInt64LE(BigInt(entries), 32);
  zip64End.writeBigUInt64LE(BigInt(directorySize), 40);
  zip64End.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(end), 8);
  locator.writeUInt32LE(1, 16);
  const classicEnd = Buffer.from(bytes.subarray(end));
  classicEnd.writeUInt16LE(0xffff, 8);
  classicEnd.writeUInt16LE(0xffff, 10);
  classicEnd.writeUInt32LE(0xffffffff, 12);
  classicEnd.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([bytes.subarray(0, end), zip64End, locator, classicEnd]);
}

const depsConfig = (input: Partial<Config['deps']> = {}): Config['deps'] => configSchema.parse({ deps: input }).deps;
const rules = (packages: Package[], index: Parameters<typeof findVulnerabilities>[1]) =>
  findVulnerabilities(packages, index)
    .map((finding) => `${finding.rule} ${(finding.details as { package: string }).package}`)
    .sort();

describe('the advisory cache keeps each source apart (issue 10, item 3)', () => {
  it('a hostile OSV server cannot poison the cache: a later run against the real one still finds the vulnerability', async () => {
    const cacheDir = tempDir('sg-shared-cache-');
    const real = fixtureRecord('GHSA-xvch-5gv4-984h');
    const hostile = await OsvServer.start();
    const genuine = await OsvServer.start();
    try {
      // Same id and `modified` as the real record: a cache keyed by id and modified alone takes it for the real one.
      hostile.served.set(real.id, { ...real, affected: [{ package: { ecosystem: 'npm', name: 'minimist' }, versions: [] }] });
      const minimist = [pkg('npm', 'minimist', '1.2.5')];
      const options = { root: cacheDir, cacheDir, retryDelayMs: 1 };
      const poisoned = await findAdvisories(minimist, depsConfig({ 'osv-url': hostile.url }), options);
      expect(rules(minimist, poisoned.index)).toEqual([]);

      const later = await findAdvisories(minimist, depsConfig({ 'osv-url': genuine.url }), options);
      expect(rules(minimist, later.index)).toEqual(['GHSA-xvch-5gv4-984h minimist']);
      expect(genuine.count('vulns')).toBe(1);

      // Each source keeps its own entries, in a folder named by a hash (a URL may carry credentials).
      const again = await findAdvisories(minimist, depsConfig({ 'osv-url': genuine.url }), options);
      expect(rules(minimist, again.index)).toEqual(['GHSA-xvch-5gv4-984h minimist']);
      expect(genuine.count('vulns')).toBe(1);
      expect(readdirSync(cacheDir)).toHaveLength(2);
      expect(readdirSync(cacheDir).join(' ')).not.toContain('127.0.0.1');
    } finally {
      await hostile.close();
      await genuine.close();
    }
  });

  it('treats a cached entry that is not a valid OSV record as a miss', async () => {
    const server = await OsvServer.start();
    try {
      const cache = new RecordCache(tempDir('sg-osv-cache-'), server.url);
      const real = fixtureRecord('GHSA-xvch-5gv4-984h');
      await cache.put(real);
      expect(await cache.get(real.id, real.modified)).toEqual(real);
      mkdirSync(cache.folder, { recursive: true });
      writeFileSync(join(cache.folder, `${real.id}.json`), JSON.stringify({ ...real, affected: { npm: 'minimist' } }));
      expect(await cache.get(real.id, real.modified)).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

describe('malformed advisory records (issue 10, item 6)', () => {
  // lodash 4.17.1 is affected by GHSA-jf85 (fixed 4.17.12) and GHSA-35jh (fixed 4.17.21); minimist 1.2.5 by GHSA-xvch; qs 6.5.2 by GHSA-hrpp.
  const packages = [pkg('npm', 'lodash', '4.17.1'), pkg('npm', 'minimist', '1.2.5'), pkg('npm', 'qs', '6.5.2')];
  /** GHSA-35jh with `versions` as a string (substring match: "4.17.15" contains "4.17.1"), GHSA-hrpp with `ranges` an object (a TypeError). */
  const malformed = () => ({
    'GHSA-35jh-r3h4-6jhm': {
      ...fixtureRecord('GHSA-35jh-r3h4-6jhm'),
      affected: [{ package: { ecosystem: 'npm', name: 'lodash' }, versions: '4.17.15' }],
    },
    'GHSA-hrpp-h998-j3pp': {
      ...fixtureRecord('GHSA-hrpp-h998-j3pp'),
      affected: [{ package: { ecosystem: 'npm', name: 'qs' }, ranges: { type: 'SEMVER', events: [{ introduced: '0' }] } }],
    },
  });

  it('from the API: skips each one, names it by id and source, and keeps every valid finding', async () => {
    const server = await OsvServer.start();
    try {
      for (const [id, body] of Object.entries(malformed())) server.served.set(id, body);
      const result = await findAdvisories(packages, depsConfig({ 'osv-url': server.url, 'cache-dir': tempDir('sg-cache-') }), {
        root: '/',
        retryDelayMs: 1,
      });
      expect(rules(packages, result.index)).toEqual(['GHSA-jf85-cpcp-j695 lodash', 'GHSA-xvch-5gv4-984h minimist']);
      expect(result.errors).toEqual([
        {
          check: 'deps',
          path: server.url,
          message: expect.stringMatching(
            /^GHSA-35jh-r3h4-6jhm from http:\S+ is not a valid OSV record \(affected\[0\]\.versions: .*expected array/,
          ),
          fatal: false,
        },
        {
          check: 'deps',
          path: server.url,
          message: expect.stringMatching(/^GHSA-hrpp-h998-j3pp .*\(affected\[0\]\.ranges: /),
          fatal: false,
        },
      ]);
    } finally {
      await server.close();
    }
  });

  it('from an offline database (a folder or an all.zip): skips each one, names it by id and file, and keeps every valid finding', async () => {
    const dir = tempDir('sg-osv-malformed-');
    const entries: Record<string, Uint8Array> = {};
    for (const record of fixtureRecords()) entries[`${record.id}.json`] = strToU8(JSON.stringify(record));
    for (const [id, body] of Object.entries(malformed())) entries[`${id}.json`] = strToU8(JSON.stringify(body));
    mkdirSync(join(dir, 'db'));
    for (const [name, bytes] of Object.entries(entries)) writeFileSync(join(dir, 'db', name), bytes);
    writeFileSync(join(dir, 'all.zip'), zipSync(entries));

    for (const database of ['db', 'all.zip']) {
      const result = await findAdvisories(packages, depsConfig({ 'advisory-db': database }), { root: dir });
      expect(rules(packages, result.index), database).toEqual(['GHSA-jf85-cpcp-j695 lodash', 'GHSA-xvch-5gv4-984h minimist']);
      const at = database === 'db' ? 'db/' : 'all.zip!';
      expect(result.errors, database).toEqual([
        {
          check: 'deps',
          path: `${at}GHSA-35jh-r3h4-6jhm.json`,
          message: expect.stringMatching(/^GHSA-35jh-r3h4-6jhm: not an OSV record \(affected\[0\]\.versions/),
        },
        {
          check: 'deps',
          path: `${at}GHSA-hrpp-h998-j3pp.json`,
          message: expect.stringMatching(/^GHSA-hrpp-h998-j3pp: not an OSV record \(affected\[0\]\.ranges: /),
        },
      ]);
    }
  });
});

describe('advisories that cannot be read fail closed (review of deps, items 2 and 3)', () => {
  const lodash = [pkg('npm', 'lodash', '4.17.1')];

  it('names an advisory querybatch lists but GET answers 404, by id and source: fatal unless deps.on-source-error is warn', async () => {
    const server = await OsvServer.start();
    try {
      server.setRecords(fixtureRecords().filter((record) => record.id !== 'GHSA-jf85-cpcp-j695'));
      server.recorded.push({
        method: 'POST',
        url: '',
        request_body: { queries: [{ package: { ecosystem: 'npm', name: 'lodash' }, version: '4.17.1' }] },
        response_status: 200,
        response_body: { results: [{ vulns: [{ id: 'GHSA-jf85-cpcp-j695' }, { id: 'GHSA-35jh-r3h4-6jhm' }] }] },
      });
      for (const onSourceError of ['fail', 'warn'] as const) {
        const deps = depsConfig({ 'osv-url': server.url, 'cache-dir': tempDir('sg-cache-'), 'on-source-error': onSourceError });
        const result = await findAdvisories(lodash, deps, { root: '/', retryDelayMs: 1 });
        expect(rules(lodash, result.index), onSourceError).toEqual(['GHSA-35jh-r3h4-6jhm lodash']);
        expect(result.errors, onSourceError).toEqual([
          {
            check: 'deps',
            path: server.url,
            message: `GHSA-jf85-cpcp-j695 from ${server.url} was listed by querybatch but 404 Not Found on GET /v1/vulns; skipped, so no package was checked against it`,
            fatal: onSourceError === 'fail',
          },
        ]);
      }
      // The whole check fails on it.
      const repo = tempDir('sg-404-check-');
      writeFileSync(
        join(repo, 'package-lock.json'),
        JSON.stringify({
          lockfileVersion: 3,
          packages: { '': { dependencies: { lodash: '4.17.1' } }, 'node_modules/lodash': { version: '4.17.1' } },
        }),
      );
      const config = configSchema.parse({ deps: { 'osv-url': server.url, 'cache-dir': tempDir('sg-cache-') } });
      const result = await runDepsCheck(testContext({ root: repo, git: false }), config, { retryDelayMs: 1 });
      expect(result.errors).toEqual([expect.objectContaining({ fatal: true, message: expect.stringContaining('GHSA-jf85-cpcp-j695') })]);
      expect(evaluate({ results: [result], config, mode: 'full', range: 'test', now: new Date() }).verdict).toBe('fail');
    } finally {
      await server.close();
    }
  });

  it('makes an offline record that is not JSON, or a zip entry that cannot be inflated, fatal unless deps.on-source-error is warn', async () => {
    const dir = tempDir('sg-osv-unreadable-');
    const entries: Record<string, Uint8Array> = {};
    for (const record of fixtureRecords().filter((candidate) => candidate.id.startsWith('GHSA-')))
      entries[`${record.id}.json`] = strToU8(JSON.stringify(record));
    // Truncated, about lodash (a record naming none of the scanned packages is skipped before parsing).
    entries['GHSA-broken.json'] = strToU8('{"id": "GHSA-broken", "affected": [{"package": {"ecosystem": "npm", "name": "lodash"}}');
    mkdirSync(join(dir, 'db'));
    for (const [name, bytes] of Object.entries(entries)) writeFileSync(join(dir, 'db', name), bytes);
    // A zip whose first entry's deflated bytes are damaged.
    const zip = Buffer.from(zipSync(entries));
    const start = 30 + zip.readUInt16LE(26) + zip.readUInt16LE(28);
    zip.fill(0xff, start, start + 16);
    writeFileSync(join(dir, 'damaged.zip'), zip);
    const firstEntry = Object.keys(entries)[0]!;

    for (const onSourceError of ['fail', 'warn'] as const) {
      const folder = await findAdvisories(lodash, depsConfig({ 'advisory-db': 'db', 'on-source-error': onSourceError }), { root: dir });
      expect(folder.errors, onSourceError).toEqual([
        {
          check: 'deps',
          path: 'db/GHSA-broken.json',
          message: expect.stringMatching(
            /^cannot parse advisory: .*; skipped, so no package was checked against it: fix or remove the file$/,
          ),
          fatal: onSourceError === 'fail',
        },
      ]);
      const zipped = await findAdvisories(lodash, depsConfig({ 'advisory-db': 'damaged.zip', 'on-source-error': onSourceError }), {
        root: dir,
      });
      expect(zipped.errors, onSourceError).toEqual([
        {
          check: 'deps',
          path: `damaged.zip!${firstEntry}`,
          message: expect.stringMatching(/^cannot unzip advisory: .*; skipped, so no package was checked against it/),
          fatal: onSourceError === 'fail',
        },
        expect.objectContaining({ path: 'damaged.zip!GHSA-broken.json', fatal: onSourceError === 'fail' }),
      ]);
    }
  });
});

describe('a crafted advisory zip is refused before it is inflated (review of deps, item 4)', () => {
  it('refuses entries that inflate past the budget (16 times the zip, at least 64 MiB), naming the file', async () => {
    // Three records of 24 MiB of spaces each: 72 MiB from a zip of about 75 KiB.
    const record = strToU8(`{"id": "GHSA-bomb", "details": "${' '.repeat(24 << 20)}"}`);
    const path = join(tempDir('sg-osv-bomb-'), 'all.zip');
    writeFileSync(path, zipSync({ 'a.json': record, 'b.json': record, 'c.json': record }));
    const error = await loadAdvisoryDatabase(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OsvSourceError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^cannot read the advisory database ${path} as a zip \\(its entries would inflate to 72 MiB, more than 64 MiB .*refused as a zip bomb\\)`,
      ),
    );
  });

  it('refuses two directory entries that point at the same compressed bytes, naming the file and both entries', async () => {
    const record = strToU8(JSON.stringify(fixtureRecord('GHSA-xvch-5gv4-984h')));
    const zip = Buffer.from(zipSync({ 'a.json': record, 'b.json': record }));
    // The second central directory entry points at the first entry's local header (offset 0).
    const directory = zip.readUInt32LE(zip.length - 22 + 16);
    const second = directory + 46 + zip.readUInt16LE(directory + 28) + zip.readUInt16LE(directory + 30) + zip.readUInt16LE(directory + 32);
    expect(zip.readUInt32LE(second + 42)).toBeGreaterThan(0);
    zip.writeUInt32LE(0, second + 42);
    const path = join(tempDir('sg-osv-overlap-'), 'all.zip');
    writeFileSync(path, zip);
    const error = await loadAdvisoryDatabase(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OsvSourceError);
    expect((error as Error).message).toContain(
      `cannot read the advisory database ${path} as a zip (entries a.json and b.json share compressed bytes`,
    );
    // Unpatched, the same zip reads: the refusal is about the overlap, not the duplicate record.
    zip.writeUInt32LE(30 + 'a.json'.length + zip.readUInt32LE(18), second + 42);
    writeFileSync(path, zip);
    expect((await loadAdvisoryDatabase(path)).errors).toEqual([]);
  });
});

describe('the OSV API client bounded against a hostile server (issue 10, item 10)', () => {
  let server: OsvServer;
  beforeEach(async () => {
    server = await OsvServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('ends a next_page_token without end with a named error after a bounded number of pages', async () => {
    server.endlessPages = true;
    const error = await new OsvApiClient({ url: server.url, ...fast }).lookup([q('minimist', '1.2.5')]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OsvSourceError);
    expect((error as Error).message).toMatch(
      /querybatch still returned next_page_token after 100 pages \(1 of 1 queries unfinished\): the server pages without end\. To scan without the API/,
    );
    expect(server.count('querybatch')).toBe(100);
    expect(server.count('vulns')).toBe(0);
  });

  it('ends the whole lookup at its deadline, saying how many attempts it made and how long it took', async () => {
    server.hangNext = 1000;
    // Each request may wait 30 s (the default), the lookup 0.3 s in all.
    const client = new OsvApiClient({ url: server.url, retryDelayMs: 1, deadlineMs: 300 });
    const error = await client.lookup([q('minimist', '1.2.5')]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OsvSourceError);
    expect((error as Error).message).toMatch(
      /within deps\.timeout \(0\.3 s\): 1 attempt at this request, the last one: no answer within 0\.3 s; 1 request in [\d.]+ s in all/,
    );
    expect(server.count('querybatch')).toBe(1);
  });

  it('says how many attempts it made, and in how long, when every attempt times out', async () => {
    server.hangNext = 1000;
    const error = await new OsvApiClient({ url: server.url, ...fast, timeoutMs: 100, attempts: 2 })
      .lookup([q('minimist', '1.2.5')])
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/: no answer within 0\.1 s \(2 attempts in [\d.]+ s\)\./);
    expect(server.count('querybatch')).toBe(2);
  });

  it('refuses a 500 MB answer while it streams in, and does not ask again', async () => {
    server.hugeBody = { bytes: 500 << 20, declareLength: false };
    const error = await new OsvApiClient({ url: server.url, ...fast }).queryBatch([q('qs', '6.5.2')]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OsvSourceError);
    expect((error as Error).message).toContain('the answer is larger than 32 MiB; refused');
    expect(server.count('querybatch')).toBe(1);
    expect(server.hugeBytesSent).toBeLessThan(100 << 20);
  });

  it('refuses an answer whose Content-Length is past the limit before reading it', async () => {
    server.hugeBody = { bytes: 500 << 20, declareLength: true };
    const client = new OsvApiClient({ url: server.url, ...fast, maxResponseBytes: 1 << 20 });
    const error = await client.queryBatch([q('qs', '6.5.2')]).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain('the answer is larger than 1 MiB; refused');
    expect(server.hugeBytesSent).toBeLessThan(100 << 20);
  });
});

describe('parallel record fetches adapt to the API (issue 13, item 5)', () => {
  let server: OsvServer;
  beforeEach(async () => {
    server = await OsvServer.start([...fixtureRecords(), ...syntheticAdvisories('many', 60)]);
  });
  afterEach(async () => {
    await server.close();
  });

  it('raises the number of parallel fetches above 8 while the API answers, up to its bound', async () => {
    // After 30 answers, the server holds requests until 16 are waiting at once: only a client running more than 8 fills that.
    server.holdVulns = { after: 30, until: 16, giveUpMs: 3000 };
    const client = new OsvApiClient({ url: server.url, ...fast, timeoutMs: 10_000 });
    const found = await client.lookup([q('many', '1.0.0')]);
    expect(found).toHaveLength(60);
    expect(server.holdGaveUp).toBe(false);
    expect(server.heldAtOnce).toBe(16);
    expect(server.count('vulns')).toBe(60);
    expect(client.pacer.peak).toBeGreaterThan(16);
    expect(client.pacer.peak).toBeLessThanOrEqual(32);
  });

  it('honours a 429 Retry-After for every request: none starts during the pause, and the window halves', async () => {
    server.vulnFailures.set(5, { status: 429, retryAfter: '7' });
    const pauses: { ms: number; startedDuring: number; limit: number; peak: number }[] = [];
    const client: OsvApiClient = new OsvApiClient({
      url: server.url,
      ...fast,
      maxRetryAfterMs: 60_000,
      // Stands in for the 7 s wait: lets every other request run for many turns of the event loop, and counts those that start.
      sleep: async (ms) => {
        const before = client.requests;
        const { limit, peak } = client.pacer;
        for (let turn = 0; turn < 100; turn += 1) await new Promise((resolve) => setImmediate(resolve));
        pauses.push({ ms, startedDuring: client.requests - before, limit, peak });
      },
    });
    const found = await client.lookup([q('many', '1.0.0')]);
    expect(found).toHaveLength(60);
    expect(pauses).toEqual([expect.objectContaining({ ms: 7000, startedDuring: 0 })]);
    expect(pauses[0]!.limit).toBeLessThan(pauses[0]!.peak);
    expect(server.count('vulns')).toBe(61); // the throttled one asked again, once
  });
});

describe('the advisory source on a first run (issue 12)', () => {
  const packages = [pkg('npm', 'minimist', '1.2.5'), pkg('PyPI', 'flask', '1.0.0')];

  it('fails on an empty offline database folder instead of passing', async () => {
    const dir = tempDir('sg-empty-db-');
    const error = await findAdvisories(packages, depsConfig({ 'advisory-db': dir }), { root: dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OsvSourceError);
    expect((error as OsvSourceError).location).toBe(dir);
    expect((error as Error).message).toContain(
      `no advisories for npm, PyPI in ${dir}: is it the right folder? It holds no OSV records at all.`,
    );
    expect((error as Error).message).toContain('https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip');
  });

  it('fails on an all.zip with no record for the ecosystems found (Go records only)', async () => {
    const dir = tempDir('sg-go-db-');
    const entries: Record<string, Uint8Array> = {};
    for (const record of fixtureRecords().filter((candidate) => candidate.id.startsWith('GO-')))
      entries[`${record.id}.json`] = strToU8(JSON.stringify(record));
    writeFileSync(join(dir, 'all.zip'), zipSync(entries));
    await expect(findAdvisories(packages, depsConfig({ 'advisory-db': 'all.zip' }), { root: dir })).rejects.toThrow(
      `no advisories for npm, PyPI in ${join(dir, 'all.zip')}: is it the right folder? It holds 5 files, none about these ecosystems.`,
    );
  });

  it('makes an empty database fail the dependencies check, like an unreachable API', async () => {
    const dir = tempDir('sg-empty-db-check-');
    mkdirSync(join(dir, 'osv'));
    writeFileSync(join(dir, 'requirements.txt'), 'flask==1.0.0\n');
    const config = configSchema.parse({ deps: { 'advisory-db': 'osv' } });
    const result = await runDepsCheck(testContext({ root: dir, git: false }), config);
    expect(result.errors).toEqual([
      { check: 'deps', path: join(dir, 'osv'), message: expect.stringContaining('no advisories for PyPI in'), fatal: true },
    ]);
    expect(evaluate({ results: [result], config, mode: 'full', range: 'test', now: new Date() }).verdict).toBe('fail');
  });

  it('checks the ecosystems a database covers and names the one it does not', async () => {
    const dir = tempDir('sg-npm-db-');
    for (const record of fixtureRecords().filter((candidate) => candidate.id.startsWith('GHSA-')))
      writeFileSync(join(dir, `${record.id}.json`), JSON.stringify(record));
    const result = await findAdvisories(packages, depsConfig({ 'advisory-db': dir }), { root: dir });
    expect(rules(packages, result.index)).toEqual(['GHSA-xvch-5gv4-984h minimist']);
    expect(result.errors).toEqual([
      {
        check: 'deps',
        path: dir,
        message: expect.stringMatching(
          /^no advisories for PyPI in .*: its 1 PyPI packages were NOT checked\. Add https:\S+\/PyPI\/all\.zip/,
        ),
        fatal: true,
      },
    ]);
    const lenient = await findAdvisories(packages, depsConfig({ 'advisory-db': dir, 'on-source-error': 'warn' }), { root: dir });
    expect(lenient.errors).toEqual([expect.objectContaining({ fatal: false })]);
  });

  it('passes cleanly when the database covers the ecosystem but has no advisory about these packages', async () => {
    const dir = tempDir('sg-npm-only-db-');
    for (const record of fixtureRecords().filter((candidate) => candidate.id.startsWith('GHSA-')))
      writeFileSync(join(dir, `${record.id}.json`), JSON.stringify(record));
    const clean = [pkg('npm', 'left-pad', '1.0.0')];
    const result = await findAdvisories(clean, depsConfig({ 'advisory-db': dir }), { root: dir });
    expect(result.errors).toEqual([]);
    expect(result.index.size).toBe(0); // every record was skipped unparsed, and still counted for npm
  });

  it('tells a machine without a route to the API to pass --advisory-db first, where databases come from, then the config keys', async () => {
    const server = await OsvServer.start();
    const url = server.url;
    await server.close();
    const error = await findAdvisories(packages, depsConfig({ 'osv-url': url, 'cache-dir': tempDir('sg-cache-') }), {
      root: '/',
      retryDelayMs: 1,
    }).catch((caught: unknown) => caught);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^cannot get advisories from the OSV API at http:\S+\/v1\/querybatch: fetch failed.* \(3 attempts in [\d.]+ s\)\./,
    );
    const flag = message.indexOf('pass --advisory-db DIR|all.zip');
    expect(flag).toBeGreaterThan(0);
    expect(message.indexOf('https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip')).toBeGreaterThan(flag);
    expect(message).toContain('https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip');
    expect(message.indexOf('deps.advisory-db')).toBeGreaterThan(flag);
  });

  it('bounds the advisory phase by deps.timeout', async () => {
    const server = await OsvServer.start();
    try {
      server.hangNext = 1000;
      const config = depsConfig({ 'osv-url': server.url, 'cache-dir': tempDir('sg-cache-'), timeout: 0.3 });
      const error = await findAdvisories(packages, config, { root: '/', retryDelayMs: 1 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(OsvSourceError);
      expect((error as Error).message).toMatch(/within deps\.timeout \(0\.3 s\): 1 attempt at this request/);
    } finally {
      await server.close();
    }
  });
});
