import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadAdvisoryDatabase,
  OsvApiClient,
  OsvSourceError,
  RecordCache,
  type OsvQuery,
} from '../../../src/checks/deps/advisories/index.js';
import type { OsvRecord } from '../../../src/checks/deps/types.js';
import { cleanupTempDirs, tempDir } from '../../support/git-repo.js';
import { fixtureRecords, OSV_FIXTURES, OsvServer, recordedExchange } from '../../support/osv-server.js';

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
    const cache = new RecordCache(tempDir('sg-osv-cache-'));
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

  it('fails clearly when the database path does not exist or is not a zip', async () => {
    await expect(loadAdvisoryDatabase('/nonexistent/osv')).rejects.toThrow(/does not exist.*deps\.advisory-db/);
    const notZip = join(tempDir('sg-osv-bad-'), 'all.zip');
    writeFileSync(notZip, 'hello');
    await expect(loadAdvisoryDatabase(notZip)).rejects.toBeInstanceOf(OsvSourceError);
  });
});
