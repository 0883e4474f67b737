// The OSV API client (https://google.github.io/osv.dev/api/): querybatch for ids, then one GET per
// distinct id not already cached at the same `modified`. Bounded in every direction a server could
// stretch it: each request times out, the whole lookup has a deadline (`deps.timeout`), pages of
// one batch are capped, every answer is capped in size while it streams in, and every record is
// checked against the OSV schema (a malformed one is skipped and named, the rest kept). Retries
// 429/5xx/network errors with backoff, honours Retry-After for every request of the client, and
// counts every HTTP request (tests and bench read the counts).
import * as z from 'zod';
import type { OsvRecord } from '../types.js';
import { readBoundedText, ResponseTooLarge } from './bounded-body.js';
import type { RecordCache } from './cache.js';
import { OsvSourceError, offlineAdvice } from './errors.js';
import { RequestPacer, realSleep, type Sleep } from './pacer.js';
import { checkOsvRecord } from './record.js';
import { plural } from '../../../util.js';

export interface OsvQuery {
  ecosystem: string;
  name: string;
  version: string;
}

export interface VulnRef {
  id: string;
  modified?: string;
}

/**
 * A record querybatch listed that could not be used: served malformed, or not served at all (404).
 * Skipped, and reported by the check.
 */
export interface SkippedRecord {
  id: string;
  problem: string;
  /** GET /v1/vulns/{id} answered 404 although querybatch listed the id. */
  notFound?: true;
}

export interface OsvApiOptions {
  /** Base URL, e.g. https://api.osv.dev (a mirror or a test server). */
  url: string;
  cache?: RecordCache;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  /** The whole lookup, every request and wait included (`deps.timeout`). Default 120 s. */
  deadlineMs?: number;
  /** Attempts per request, the first included. Default 3. */
  attempts?: number;
  /** First backoff delay, doubled each retry. Default 1 s. */
  retryDelayMs?: number;
  /** Upper bound on a server's Retry-After. Default 30 s. */
  maxRetryAfterMs?: number;
  /** Parallel GET /v1/vulns requests at the start. Default 8. */
  concurrency?: number;
  /** Parallel GET /v1/vulns requests at most, while the API keeps up. Default 32. */
  maxConcurrency?: number;
  /** Queries per querybatch; the API accepts at most 1000. */
  batchSize?: number;
  /** querybatch requests per batch of queries, next_page_token pages included. Default 100. */
  maxPages?: number;
  /** Largest answer read, in bytes. Default 32 MiB. */
  maxResponseBytes?: number;
  /** Waits for backoff and Retry-After (tests pass one that records the waits). */
  sleep?: Sleep;
}

const DEFAULTS = {
  timeoutMs: 30_000,
  deadlineMs: 120_000,
  attempts: 3,
  retryDelayMs: 1000,
  maxRetryAfterMs: 30_000,
  concurrency: 8,
  maxConcurrency: 32,
  maxPages: 100,
  maxResponseBytes: 32 << 20,
};

const queryBatchAnswer = z.object({
  results: z.array(
    z.object({
      vulns: z.array(z.object({ id: z.string().min(1).max(256), modified: z.string().optional() })).optional(),
      next_page_token: z.string().optional(),
    }),
  ),
});

export class OsvApiClient {
  /** Every HTTP request made, retries included. */
  requests = 0;
  batchRequests = 0;
  vulnRequests = 0;
  cacheHits = 0;
  /** Records the API served in a shape the gate cannot read. */
  readonly skipped: SkippedRecord[] = [];
  readonly pacer: RequestPacer;
  private readonly base: string;
  private readonly settings: typeof DEFAULTS;
  private readonly sleep: Sleep;
  private startedAt: number | undefined;
  private ecosystems = new Set<string>();

  constructor(private readonly options: OsvApiOptions) {
    this.base = options.url.replace(/\/+$/, '');
    const given = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
    this.settings = { ...DEFAULTS, ...given };
    this.sleep = options.sleep ?? realSleep;
    this.pacer = new RequestPacer({ initial: this.settings.concurrency, max: this.settings.maxConcurrency, sleep: this.sleep });
  }

  /** Every record that the API says affects one of these package versions (the matcher re-checks them). */
  async lookup(queries: OsvQuery[]): Promise<OsvRecord[]> {
    const refs = new Map<string, VulnRef>();
    for (const vulns of await this.queryBatch(queries)) {
      for (const vuln of vulns) if (!refs.has(vuln.id)) refs.set(vuln.id, vuln);
    }
    let failed = false;
    const records = await Promise.all(
      [...refs.values()].map(async (ref) => {
        await this.pacer.acquire();
        try {
          // Once one fetch has failed the lookup has: start no more.
          return failed ? undefined : await this.record(ref);
        } catch (error) {
          failed = true;
          throw error;
        } finally {
          this.pacer.release();
        }
      }),
    );
    return records.filter((record): record is OsvRecord => record !== undefined);
  }

  /** The vulns for each query, in order, all pages followed. */
  async queryBatch(queries: OsvQuery[]): Promise<VulnRef[][]> {
    for (const query of queries) this.ecosystems.add(query.ecosystem);
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
    for (let page = 1; pending.length > 0; page += 1) {
      if (page > this.settings.maxPages) {
        throw this.sourceError(
          `${this.base}/v1/querybatch still returned next_page_token after ${this.settings.maxPages} pages ` +
            `(${pending.length} of ${queries.length} queries unfinished): the server pages without end`,
        );
      }
      const body = {
        queries: pending.map(({ query, pageToken }) => ({
          package: { ecosystem: query.ecosystem, name: query.name },
          version: query.version,
          ...(pageToken ? { page_token: pageToken } : {}),
        })),
      };
      this.batchRequests += 1;
      const parsed = queryBatchAnswer.safeParse(await this.request('POST', '/v1/querybatch', body));
      if (!parsed.success || parsed.data.results.length !== pending.length) {
        const given = parsed.success ? parsed.data.results.length : 'no valid';
        throw this.sourceError(`${this.base}/v1/querybatch answered ${pending.length} queries with ${given} results`);
      }
      const next: typeof pending = [];
      parsed.data.results.forEach((result, position) => {
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
   * Undefined, and listed in `skipped`, when the API does not serve it (a 404: deleted between the
   * two calls, or a mirror that answers querybatch but serves no records) or serves it malformed.
   */
  async record(ref: VulnRef): Promise<OsvRecord | undefined> {
    const cached = await this.options.cache?.get(ref.id, ref.modified);
    if (cached) {
      this.cacheHits += 1;
      return cached;
    }
    this.vulnRequests += 1;
    const answer = await this.request('GET', `/v1/vulns/${encodeURIComponent(ref.id)}`, undefined, { notFound: undefined });
    if (answer === undefined) {
      this.skipped.push({ id: ref.id, problem: 'listed by querybatch but 404 Not Found on GET /v1/vulns', notFound: true });
      return undefined;
    }
    const checked = checkOsvRecord(answer);
    const problem = checked.record && checked.record.id !== ref.id ? `asked for ${ref.id}, got ${checked.record.id}` : checked.problem;
    if (problem !== undefined || !checked.record) {
      this.skipped.push({ id: ref.id, problem: problem ?? 'not an OSV record' });
      return undefined;
    }
    await this.options.cache?.put(checked.record);
    return checked.record;
  }

  private async request(method: 'GET' | 'POST', path: string, body?: unknown, options: { notFound?: undefined } = {}): Promise<unknown> {
    const url = `${this.base}${path}`;
    const { attempts, timeoutMs, maxResponseBytes } = this.settings;
    this.startedAt ??= Date.now();
    let lastProblem = '';
    let attempt = 0;
    while (attempt < attempts) {
      // Checked again right before starting: a pause may begin while this one wakes.
      while (this.pacer.paused) await this.pacer.ready();
      const remaining = this.remainingMs();
      if (remaining <= 0) throw this.deadlineError(url, attempt, lastProblem);
      attempt += 1;
      this.requests += 1;
      const waitMs = Math.min(timeoutMs, remaining);
      let retryAfterMs: number | undefined;
      try {
        const response = await fetch(url, {
          method,
          headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(waitMs),
        });
        if (response.ok) {
          const answer = JSON.parse(await readBoundedText(response, maxResponseBytes)) as unknown;
          this.pacer.answered();
          return answer;
        }
        await response.body?.cancel();
        if (response.status === 404 && 'notFound' in options) return options.notFound;
        lastProblem = `HTTP ${response.status} ${response.statusText}`.trim();
        // 4xx other than 429 will not get better by asking again.
        if (response.status !== 429 && response.status < 500) break;
        const asked = parseRetryAfter(response.headers.get('retry-after'));
        retryAfterMs = asked === undefined ? undefined : Math.min(asked, this.settings.maxRetryAfterMs);
        if (retryAfterMs !== undefined && attempt < attempts && retryAfterMs >= this.remainingMs()) {
          throw this.deadlineError(url, attempt, `${lastProblem}, Retry-After ${formatSeconds(retryAfterMs)} s`);
        }
        this.pacer.overloaded(retryAfterMs);
      } catch (error) {
        if (error instanceof OsvSourceError) throw error;
        if (error instanceof ResponseTooLarge) {
          throw this.sourceError(`${url}: ${error.message}; refused (a record or batch answer is far smaller)`);
        }
        lastProblem = describeFetchError(error, waitMs);
        if (isTimeout(error)) this.pacer.overloaded();
      }
      // A Retry-After pause is waited in pacer.ready(); otherwise back off, unless that passes the deadline.
      if (attempt < attempts && retryAfterMs === undefined) {
        const backoff = this.settings.retryDelayMs * 2 ** (attempt - 1);
        if (backoff >= this.remainingMs()) throw this.deadlineError(url, attempt, lastProblem);
        await this.sleep(backoff);
      }
    }
    throw this.sourceError(
      `cannot get advisories from the OSV API at ${url}: ${lastProblem} (${plural(attempt, 'attempt')} in ${this.elapsed()}).`,
    );
  }

  private remainingMs(): number {
    return (this.startedAt ?? Date.now()) + this.settings.deadlineMs - Date.now();
  }

  private elapsed(): string {
    return `${formatSeconds(Date.now() - (this.startedAt ?? Date.now()))} s`;
  }

  private deadlineError(url: string, attempts: number, lastProblem: string): OsvSourceError {
    const last = lastProblem ? `, the last one: ${lastProblem}` : '';
    return this.sourceError(
      `cannot get advisories from the OSV API at ${url} within deps.timeout (${formatSeconds(this.settings.deadlineMs)} s): ` +
        `${plural(attempts, 'attempt')} at this request${last}; ${plural(this.requests, 'request')} in ${this.elapsed()} in all.`,
    );
  }

  private sourceError(detail: string): OsvSourceError {
    return new OsvSourceError(this.base, `${detail}${/[.!?]$/.test(detail) ? '' : '.'} ${offlineAdvice([...this.ecosystems])}`);
  }
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

function describeFetchError(error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `no answer within ${formatSeconds(timeoutMs)} s`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}

function formatSeconds(ms: number): string {
  return String(+(ms / 1000).toFixed(ms < 10_000 ? 1 : 0));
}
