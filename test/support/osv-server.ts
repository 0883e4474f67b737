// A local OSV API on 127.0.0.1 that speaks the real protocol (POST /v1/querybatch, GET /v1/vulns/{id})
// over the real records in test/fixtures/osv, with switchable failures: pagination, 429 with
// Retry-After, 500, a hang past the client's timeout, always down. And hostile ones: a
// next_page_token without end, an endless body, records of its own choosing for an id, answers held
// until enough requests are in flight at once. It records every request.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isAffected } from '../../src/checks/deps/match.js';
import type { OsvRecord, Package } from '../../src/checks/deps/types.js';

export const OSV_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'osv');
export const OSV_API_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'osv-api');

/** Every real record in test/fixtures/osv (JSON and PyPA YAML). */
export function fixtureRecords(): OsvRecord[] {
  const records: OsvRecord[] = [];
  for (const folder of readdirSync(OSV_FIXTURES, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of readdirSync(join(OSV_FIXTURES, folder.name)).sort()) {
      const text = readFileSync(join(OSV_FIXTURES, folder.name, file), 'utf8');
      if (file.endsWith('.json')) records.push(JSON.parse(text) as OsvRecord);
      else if (file.endsWith('.yaml')) records.push(parseYaml(text) as OsvRecord);
    }
  }
  return records;
}

export function fixtureRecord(id: string): OsvRecord {
  const record = fixtureRecords().find((candidate) => candidate.id === id);
  if (!record) throw new Error(`no fixture record ${id}`);
  return structuredClone(record);
}

/** `count` advisories shaped like a real one (minimist's), each affecting every version of npm package `name` below 99. */
export function syntheticAdvisories(name: string, count: number): OsvRecord[] {
  const template = fixtureRecord('GHSA-xvch-5gv4-984h');
  return Array.from({ length: count }, (_, index) => ({
    ...template,
    id: `GHSA-test-${name}-${index}`,
    aliases: [],
    affected: [
      {
        package: { ecosystem: 'npm', name },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '99.0.0' }] }],
      },
    ],
  }));
}

export interface RecordedExchange {
  method: string;
  url: string;
  request_body: unknown;
  response_status: number;
  response_body: unknown;
}

export function recordedExchange(name: string): RecordedExchange {
  return JSON.parse(readFileSync(join(OSV_API_FIXTURES, `${name}.json`), 'utf8')) as RecordedExchange;
}

export interface SeenRequest {
  method: string;
  path: string;
  body?: unknown;
}

interface Query {
  package: { ecosystem: string; name: string };
  version: string;
  page_token?: string;
}

export class OsvServer {
  readonly requests: SeenRequest[] = [];
  /** Split each result after this many vulns, with a next_page_token. */
  pageSize?: number;
  /** Answers given to the next requests instead of the real one, in order (e.g. a 429 once). */
  readonly failures: { status: number; retryAfter?: string }[] = [];
  /** The next this many requests get no answer at all (the client must time out). */
  hangNext = 0;
  /** Every request fails with this status. */
  down?: number;
  /** Exchanges answered verbatim when the request body equals the recorded one. */
  readonly recorded: RecordedExchange[] = [];
  /** Answers to the Nth GET /v1/vulns (1-based) instead of the record, e.g. one 429 in the middle. */
  readonly vulnFailures = new Map<number, { status: number; retryAfter?: string }>();
  /** GET /v1/vulns/{id} answers this body (any JSON, valid OSV or not) for these ids. */
  readonly served = new Map<string, unknown>();
  /** Every querybatch result carries a next_page_token, whatever the page. */
  endlessPages = false;
  /** Every answer is a body of this many bytes, streamed (with or without a Content-Length). */
  hugeBody?: { bytes: number; declareLength: boolean };
  /** Bytes of hugeBody actually sent before the client hung up. */
  hugeBytesSent = 0;
  /**
   * Answer the first `after` GET /v1/vulns at once, then hold the next ones until `until` are held
   * together (then answer them all, and hold no more). Only `holdGaveUp` (after `giveUpMs`) ends a
   * hold the client never fills, so a test fails instead of hanging.
   */
  holdVulns?: { after: number; until: number; giveUpMs: number };
  holdGaveUp = false;
  /** The most GET /v1/vulns requests held at once. */
  heldAtOnce = 0;
  private vulnCount = 0;
  private held: (() => void)[] = [];
  private holdTimer?: NodeJS.Timeout;
  private readonly hanging = new Set<ServerResponse>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private records: OsvRecord[],
  ) {}

  static async start(records: OsvRecord[] = fixtureRecords()): Promise<OsvServer> {
    const holder: { instance?: OsvServer } = {};
    const server = createServer((request, response) => void holder.instance!.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    holder.instance = new OsvServer(server, `http://127.0.0.1:${port}`, records);
    return holder.instance;
  }

  setRecords(records: OsvRecord[]): void {
    this.records = records;
  }

  count(kind: 'querybatch' | 'vulns'): number {
    return this.requests.filter((request) => request.path.startsWith(`/v1/${kind}`)).length;
  }

  async close(): Promise<void> {
    clearTimeout(this.holdTimer);
    for (const release of this.held.splice(0)) release();
    for (const response of this.hanging) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = request.url ?? '/';
    const body = text ? (JSON.parse(text) as unknown) : undefined;
    this.requests.push({ method: request.method ?? 'GET', path, body });

    if (this.hangNext > 0) {
      this.hangNext -= 1;
      this.hanging.add(response);
      return;
    }
    if (this.hugeBody) return this.sendHuge(response, this.hugeBody);
    const vulnNumber = path.startsWith('/v1/vulns/') ? ++this.vulnCount : undefined;
    const failure =
      this.down !== undefined
        ? { status: this.down }
        : (this.failures.shift() ?? (vulnNumber !== undefined ? this.vulnFailures.get(vulnNumber) : undefined));
    if (failure) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (failure.retryAfter !== undefined) headers['retry-after'] = failure.retryAfter;
      return send(response, failure.status, { code: failure.status, message: 'simulated failure' }, headers);
    }

    if (request.method === 'POST' && path === '/v1/querybatch') {
      const exchange = this.recorded.find((candidate) => JSON.stringify(candidate.request_body) === JSON.stringify(body));
      if (exchange) return send(response, exchange.response_status, exchange.response_body);
      const queries = (body as { queries: Query[] }).queries;
      return send(response, 200, { results: queries.map((query) => this.answer(query)) });
    }
    const vuln = /^\/v1\/vulns\/([^/?]+)$/.exec(path);
    if (request.method === 'GET' && vuln) {
      if (vulnNumber !== undefined) await this.hold(vulnNumber);
      const id = decodeURIComponent(vuln[1]!);
      if (this.served.has(id)) return send(response, 200, this.served.get(id));
      const record = this.records.find((candidate) => candidate.id === id);
      return record ? send(response, 200, record) : send(response, 404, { code: 5, message: 'Bug not found.' });
    }
    send(response, 404, { code: 5, message: 'not found' });
  }

  /** Like the real API: the records affecting this version, ids and `modified` only, paged when asked. */
  private answer(query: Query): { vulns?: { id: string; modified: string }[]; next_page_token?: string } {
    const pkg: Package = {
      ecosystem: query.package.ecosystem as Package['ecosystem'],
      name: query.package.name,
      version: query.version,
      lockfile: '',
      dev: false,
      direct: true,
      path: [],
      source: 'registry',
    };
    const all = this.records.filter((record) => isAffected(record, pkg)).map(({ id, modified }) => ({ id, modified }));
    const offset = query.page_token ? Number(query.page_token) : 0;
    const size = this.pageSize ?? all.length;
    const page = all.slice(offset, offset + size);
    const result: { vulns?: { id: string; modified: string }[]; next_page_token?: string } = page.length > 0 ? { vulns: page } : {};
    if (offset + size < all.length || this.endlessPages) result.next_page_token = String(offset + size);
    return result;
  }

  private async hold(vulnNumber: number): Promise<void> {
    const hold = this.holdVulns;
    if (!hold || vulnNumber <= hold.after) return;
    await new Promise<void>((resolve) => {
      this.held.push(resolve);
      this.heldAtOnce = Math.max(this.heldAtOnce, this.held.length);
      const releaseAll = () => {
        clearTimeout(this.holdTimer);
        this.holdVulns = undefined;
        for (const release of this.held.splice(0)) release();
      };
      if (this.held.length >= hold.until) releaseAll();
      else if (this.held.length === 1) {
        this.holdTimer = setTimeout(() => {
          this.holdGaveUp = true;
          releaseAll();
        }, hold.giveUpMs);
      }
    });
  }

  /** Streams `bytes` of a JSON-looking body in 64 KiB chunks, stopping as soon as the client hangs up. */
  private async sendHuge(response: ServerResponse, { bytes, declareLength }: { bytes: number; declareLength: boolean }): Promise<void> {
    const headers: Record<string, string | number> = { 'content-type': 'application/json' };
    if (declareLength) headers['content-length'] = bytes;
    response.writeHead(200, headers);
    const chunk = Buffer.alloc(64 << 10, ' ');
    chunk.write('{"results": [');
    let closed = false;
    const hungUp = new Promise<void>((resolve) => response.once('close', resolve)).then(() => (closed = true));
    while (this.hugeBytesSent < bytes && !closed) {
      const piece = chunk.subarray(0, Math.min(chunk.length, bytes - this.hugeBytesSent));
      this.hugeBytesSent += piece.length;
      if (!response.write(piece)) await Promise.race([new Promise((resolve) => response.once('drain', resolve)), hungUp]);
    }
    if (!closed) response.end();
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): void {
  response.writeHead(status, headers);
  response.end(JSON.stringify(body));
}
