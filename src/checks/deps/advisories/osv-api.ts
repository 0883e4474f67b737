// The OSV API client (https://google.github.io/osv.dev/api/): querybatch for ids, then one GET per
// distinct id not already cached at the same `modified`. Retries 429/5xx/network errors with
// backoff, times out each request, and counts every HTTP request (tests and bench read it).
import type { OsvRecord } from '../types.js';
import type { RecordCache } from './cache.js';
import { OsvSourceError } from './errors.js';

export interface OsvQuery {
  ecosystem: string;
  name: string;
  version: string;
}

export interface VulnRef {
  id: string;
  modified?: string;
}

export interface OsvApiOptions {
  /** Base URL, e.g. https://api.osv.dev (a mirror or a test server). */
  url: string;
  cache?: RecordCache;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  /** Attempts per request, the first included. Default 3. */
  attempts?: number;
  /** First backoff delay, doubled each retry. Default 1 s. */
  retryDelayMs?: number;
  /** Upper bound on a server's Retry-After. Default 30 s. */
  maxRetryAfterMs?: number;
  /** Parallel GET /v1/vulns requests. Default 8. */
  concurrency?: number;
  /** Queries per querybatch; the API accepts at most 1000. */
  batchSize?: number;
}

export class OsvApiClient {
  /** Every HTTP request made, retries included. */
  requests = 0;
  batchRequests = 0;
  vulnRequests = 0;
  cacheHits = 0;
  private readonly base: string;

  constructor(private readonly options: OsvApiOptions) {
    this.base = options.url.replace(/\/+$/, '');
  }

  /** Every record that the API says affects one of these package versions (the matcher re-checks them). */
  async lookup(queries: OsvQuery[]): Promise<OsvRecord[]> {
    const refs = new Map<string, VulnRef>();
    for (const vulns of await this.queryBatch(queries)) {
      for (const vuln of vulns) if (!refs.has(vuln.id)) refs.set(vuln.id, vuln);
    }
    const records = await mapBounded([...refs.values()], this.options.concurrency ?? 8, (ref) => this.record(ref));
    return records.filter((record): record is OsvRecord => record !== undefined);
  }

  /** The vulns for each query, in order, all pages followed. */
  async queryBatch(queries: OsvQuery[]): Promise<VulnRef[][]> {
    const size = Math.min(this.options.batchSize ?? 1000, 1000);
    const results: VulnRef[][] = [];
    for (let start = 0; start < queries.length; start += size) {
      results.push(...(await this.queryAllPages(queries.slice(start, start + size))));
    }
    return results;
  }

  private async queryAllPages(queries: OsvQuery[]): Promise<VulnRef[][]> {
    const results: VulnRef[][] = queries.map(() => []);
    // Each result pages on its own: re-ask only the queries that returned a next_page_token.
    let pending = queries.map((query, index) => ({ index, query, pageToken: undefined as string | undefined }));
    while (pending.length > 0) {
      const body = {
        queries: pending.map(({ query, pageToken }) => ({
          package: { ecosystem: query.ecosystem, name: query.name },
          version: query.version,
          ...(pageToken ? { page_token: pageToken } : {}),
        })),
      };
      this.batchRequests += 1;
      const response = (await this.request('POST', '/v1/querybatch', body)) as QueryBatchResponse;
      if (!Array.isArray(response?.results) || response.results.length !== pending.length) {
        throw new OsvSourceError(
          this.base,
          `${this.base}/v1/querybatch answered ${pending.length} queries with ${response?.results?.length ?? 'no'} results`,
        );
      }
      const next: typeof pending = [];
      response.results.forEach((result, position) => {
        const item = pending[position]!;
        for (const vuln of result.vulns ?? []) results[item.index]!.push({ id: vuln.id, modified: vuln.modified });
        if (result.next_page_token) next.push({ ...item, pageToken: result.next_page_token });
      });
      pending = next;
    }
    return results;
  }

  /**
   * The full record: from the cache when it is at the same `modified`, else GET /v1/vulns/{id}.
   * Undefined when the API no longer has it (deleted between the two calls).
   */
  async record(ref: VulnRef): Promise<OsvRecord | undefined> {
    const cached = await this.options.cache?.get(ref.id, ref.modified);
    if (cached) {
      this.cacheHits += 1;
      return cached;
    }
    this.vulnRequests += 1;
    const record = (await this.request('GET', `/v1/vulns/${encodeURIComponent(ref.id)}`, undefined, { notFound: undefined })) as
      OsvRecord | undefined;
    if (record === undefined) return undefined;
    if (typeof record?.id !== 'string') throw new OsvSourceError(this.base, `${this.base}/v1/vulns/${ref.id} did not return an OSV record`);
    await this.options.cache?.put(record);
    return record;
  }

  private async request(method: 'GET' | 'POST', path: string, body?: unknown, options: { notFound?: undefined } = {}): Promise<unknown> {
    const url = `${this.base}${path}`;
    const attempts = this.options.attempts ?? 3;
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    let lastProblem = '';
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      this.requests += 1;
      let retryAfterMs: number | undefined;
      try {
        const response = await fetch(url, {
          method,
          headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.ok) return await response.json();
        await response.body?.cancel();
        if (response.status === 404 && 'notFound' in options) return options.notFound;
        lastProblem = `HTTP ${response.status} ${response.statusText}`.trim();
        // 4xx other than 429 will not get better by asking again.
        if (response.status !== 429 && response.status < 500) break;
        retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
      } catch (error) {
        lastProblem = describeFetchError(error, timeoutMs);
      }
      if (attempt < attempts) {
        const backoff = (this.options.retryDelayMs ?? 1000) * 2 ** (attempt - 1);
        await sleep(Math.min(retryAfterMs ?? backoff, this.options.maxRetryAfterMs ?? 30_000));
      }
    }
    throw new OsvSourceError(
      this.base,
      `cannot get advisories from the OSV API at ${url} (${lastProblem}). ` +
        'Check the network or proxy of the runner, set deps.osv-url to a reachable mirror, ' +
        'or set deps.advisory-db to an offline OSV database (a folder of records or an all.zip).',
    );
  }
}

interface QueryBatchResponse {
  results: { vulns?: { id: string; modified?: string }[]; next_page_token?: string }[];
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${timeoutMs / 1000} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Like Promise.all over `items.map(work)`, with at most `limit` running at once. */
async function mapBounded<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
