// A local stand-in for the GitHub REST API (issues, issue comments and `GET /user`), on 127.0.0.1
// with a random port, so tests drive the real octokit client over real HTTP. It keeps issues,
// comments and labels in memory, answers with real-shaped JSON, paginates with `Link` headers like
// GitHub (https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api), and
// records every request. It can play a fork's read-only token (403 on writes) or a missing
// repository (404), and the token's identity: an installation token (GITHUB_TOKEN: writes as
// github-actions[bot], and `GET /user` answers 403) or a personal access token (writes as its user,
// whom `GET /user` names).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/repos/acme/app/issues/7/comments`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Whether an Authorization header was sent (its value is never stored). */
  authorized: boolean;
}

export interface ServerUser {
  login: string;
  id: number;
  type: 'User' | 'Bot';
}

export interface ServerComment {
  id: number;
  issueNumber: number;
  body: string;
  user: ServerUser;
  createdAt: string;
  updatedAt: string;
}

export interface ServerIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  isPullRequest: boolean;
  user: ServerUser;
}

export interface GitHubServerOptions {
  owner?: string;
  repo?: string;
  /** Answer 403 "Resource not accessible by integration" to every write, like a fork PR's token. */
  readOnly?: boolean;
  /** Answer 404 to everything, like a token that cannot see the repository. */
  notFound?: boolean;
  /** Answer this status to every request (e.g. 500, 502). */
  failWith?: number;
  /** Never answer (the client's timeout must end the call). */
  hang?: boolean;
  /** Answer 403 with `x-ratelimit-remaining: 0`, as GitHub does when the rate limit is spent. */
  rateLimited?: boolean;
  /** Who the token writes as: a Bot is an installation token (the default, BOT), a User a personal access token. */
  tokenUser?: ServerUser;
}

export const BOT: ServerUser = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' };
export const HUMAN: ServerUser = { login: 'octocat', id: 583231, type: 'User' };
/** Someone else: types the marker into a comment of their own. */
export const STRANGER: ServerUser = { login: 'mallory', id: 6660666, type: 'User' };

/** GitHub's limit on an issue or comment body (characters). */
export const MAX_BODY = 65_536;

export interface GitHubServer {
  /** Base URL to give as GITHUB_API_URL / baseUrl, e.g. http://127.0.0.1:41234 */
  url: string;
  owner: string;
  repo: string;
  options: GitHubServerOptions;
  requests: RecordedRequest[];
  issues: Map<number, ServerIssue>;
  comments: ServerComment[];
  labels: Set<string>;
  /** Adds an issue or pull request (as it would exist before the run); returns its number. */
  addIssue(issue: Partial<Omit<ServerIssue, 'number'>>): number;
  addComment(issueNumber: number, body: string, user?: ServerUser): ServerComment;
  commentsOn(issueNumber: number): ServerComment[];
  close(): Promise<void>;
}

export async function startGitHubServer(options: GitHubServerOptions = {}): Promise<GitHubServer> {
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'app';
  const issues = new Map<number, ServerIssue>();
  const comments: ServerComment[] = [];
  const labels = new Set<string>();
  const requests: RecordedRequest[] = [];
  let nextIssue = 1;
  let nextComment = 1_000_001;
  let clock = Date.parse('2026-11-24T12:00:00Z');
  const stamp = () => new Date((clock += 1_000)).toISOString().replace(/\.\d{3}Z$/, 'Z');

  const server = createServer((request, response) => {
    readBody(request)
      .then((raw) => handle(request, response, raw))
      .catch((error: unknown) => send(response, 500, { message: `test server: ${String(error)}` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const htmlRepo = `https://github.com/${owner}/${repo}`;
  const apiRepo = `${url}/repos/${owner}/${repo}`;

  const commentJson = (comment: ServerComment) => ({
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${apiRepo}/issues/comments/${comment.id}`,
    html_url: `${htmlRepo}/${issues.get(comment.issueNumber)?.isPullRequest ? 'pull' : 'issues'}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${apiRepo}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userJson(comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user.type === 'Bot' ? 'NONE' : 'OWNER',
  });

  const issueJson = (issue: ServerIssue) => ({
    id: 500_000 + issue.number,
    node_id: `I_${issue.number}`,
    number: issue.number,
    url: `${apiRepo}/issues/${issue.number}`,
    html_url: `${htmlRepo}/${issue.isPullRequest ? 'pull' : 'issues'}/${issue.number}`,
    title: issue.title,
    body: issue.body,
    state: issue.state,
    state_reason: issue.stateReason,
    labels: issue.labels.map((name, index) => ({ id: 9000 + index, name, color: 'd73a4a', default: false })),
    user: userJson(issue.user),
    comments: comments.filter((comment) => comment.issueNumber === issue.number).length,
    ...(issue.isPullRequest
      ? { pull_request: { url: `${apiRepo}/pulls/${issue.number}`, html_url: `${htmlRepo}/pull/${issue.number}` } }
      : {}),
  });

  function handle(request: IncomingMessage, response: ServerResponse, raw: string): void {
    const parsed = new URL(request.url ?? '/', url);
    const method = request.method ?? 'GET';
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return send(response, 400, { message: 'Problems parsing JSON' });
    }
    requests.push({
      method,
      path: parsed.pathname,
      query: Object.fromEntries(parsed.searchParams),
      body,
      authorized: typeof request.headers.authorization === 'string' && request.headers.authorization.length > 0,
    });

    if (options.hang) return;
    if (options.rateLimited) {
      return send(response, 403, { message: 'API rate limit exceeded for installation ID 1.' }, { 'x-ratelimit-remaining': '0' });
    }
    if (options.failWith) return send(response, options.failWith, { message: 'Server Error' });
    if (options.notFound) return send(response, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    const tokenUser = options.tokenUser ?? BOT;
    if (parsed.pathname === '/user' && method === 'GET') {
      // An installation token may not read /user (https://docs.github.com/rest/users/users#get-the-authenticated-user).
      if (tokenUser.type === 'Bot') {
        return send(response, 403, {
          message: 'Resource not accessible by integration',
          documentation_url: 'https://docs.github.com/rest/users/users#get-the-authenticated-user',
          status: '403',
        });
      }
      return send(response, 200, { ...userJson(tokenUser), name: null, email: null });
    }
    if (method !== 'GET' && options.readOnly) {
      return send(response, 403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest/issues/comments#create-an-issue-comment',
        status: '403',
      });
    }

    const prefix = `/repos/${owner}/${repo}/issues`;
    if (!parsed.pathname.startsWith(prefix)) return send(response, 404, { message: 'Not Found' });
    const rest = parsed.pathname.slice(prefix.length);
    const input = (body ?? {}) as Record<string, unknown>;
    let match: RegExpMatchArray | null;

    if (rest === '' && method === 'GET') {
      const state = parsed.searchParams.get('state') ?? 'open';
      const wanted = (parsed.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const list = [...issues.values()]
        .filter((issue) => state === 'all' || issue.state === state)
        .filter((issue) => wanted.every((label) => issue.labels.includes(label)))
        .sort((a, b) => b.number - a.number); // GitHub's default: newest first
      return sendPage(response, parsed, list.map(issueJson));
    }
    if (rest === '' && method === 'POST') {
      if (typeof input.title !== 'string' || !input.title) return validation(response, 'title', 'missing_field');
      if (tooLong(input.body)) return validation(response, 'body', 'custom', 'body is too long (maximum is 65536 characters)');
      const names = Array.isArray(input.labels) ? input.labels.map(String) : [];
      names.forEach((name) => labels.add(name)); // GitHub creates missing labels for users with push access
      const number = addIssue({ title: input.title, body: String(input.body ?? ''), labels: names, user: tokenUser });
      return send(response, 201, issueJson(issues.get(number)!));
    }
    if ((match = rest.match(/^\/(\d+)$/))) {
      const issue = issues.get(Number(match[1]));
      if (!issue) return send(response, 404, { message: 'Not Found' });
      if (method === 'GET') return send(response, 200, issueJson(issue));
      if (method === 'PATCH') {
        if (tooLong(input.body)) return validation(response, 'body', 'custom', 'body is too long (maximum is 65536 characters)');
        if (typeof input.title === 'string') issue.title = input.title;
        if (typeof input.body === 'string') issue.body = input.body;
        if (input.state === 'open' || input.state === 'closed') {
          issue.state = input.state;
          issue.stateReason = input.state === 'closed' ? String(input.state_reason ?? 'completed') : 'reopened';
        }
        return send(response, 200, issueJson(issue));
      }
    }
    if ((match = rest.match(/^\/(\d+)\/comments$/))) {
      const issueNumber = Number(match[1]);
      if (!issues.has(issueNumber)) return send(response, 404, { message: 'Not Found' });
      if (method === 'GET') return sendPage(response, parsed, commentsOn(issueNumber).map(commentJson));
      if (method === 'POST') {
        if (typeof input.body !== 'string' || !input.body) return validation(response, 'body', 'missing_field');
        if (tooLong(input.body)) return validation(response, 'body', 'custom', 'body is too long (maximum is 65536 characters)');
        return send(response, 201, commentJson(addComment(issueNumber, input.body, tokenUser)));
      }
    }
    if ((match = rest.match(/^\/comments\/(\d+)$/))) {
      const comment = comments.find((candidate) => candidate.id === Number(match![1]));
      if (!comment) return send(response, 404, { message: 'Not Found' });
      if (method === 'GET') return send(response, 200, commentJson(comment));
      if (method === 'PATCH') {
        if (typeof input.body !== 'string') return validation(response, 'body', 'missing_field');
        if (tooLong(input.body)) return validation(response, 'body', 'custom', 'body is too long (maximum is 65536 characters)');
        comment.body = input.body;
        comment.updatedAt = stamp();
        return send(response, 200, commentJson(comment));
      }
    }
    return send(response, 404, { message: 'Not Found' });
  }

  /** Slices `list` by `per_page` (default 30, max 100) and `page`, with GitHub's Link header. */
  function sendPage(response: ServerResponse, parsed: URL, list: unknown[]): void {
    const perPage = Math.min(100, Math.max(1, Number(parsed.searchParams.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(parsed.searchParams.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(list.length / perPage));
    const link = (target: number, rel: string) => {
      const next = new URL(parsed.pathname + parsed.search, url);
      next.searchParams.set('per_page', String(perPage));
      next.searchParams.set('page', String(target));
      return `<${next.href}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    send(response, 200, list.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
  }

  function addIssue(issue: Partial<Omit<ServerIssue, 'number'>>): number {
    const number = nextIssue++;
    issues.set(number, {
      number,
      title: issue.title ?? `Issue ${number}`,
      body: issue.body ?? '',
      state: issue.state ?? 'open',
      stateReason: issue.stateReason ?? null,
      labels: issue.labels ?? [],
      isPullRequest: issue.isPullRequest ?? false,
      user: issue.user ?? HUMAN,
    });
    issue.labels?.forEach((name) => labels.add(name));
    return number;
  }

  function addComment(issueNumber: number, body: string, user: ServerUser = HUMAN): ServerComment {
    const at = stamp();
    const comment = { id: nextComment++, issueNumber, body, user, createdAt: at, updatedAt: at };
    comments.push(comment);
    return comment;
  }

  function commentsOn(issueNumber: number): ServerComment[] {
    return comments.filter((comment) => comment.issueNumber === issueNumber);
  }

  return {
    url,
    owner,
    repo,
    options,
    requests,
    issues,
    comments,
    labels,
    addIssue,
    addComment,
    commentsOn,
    /** Stops the server; calling it again is harmless. */
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function userJson(user: ServerUser) {
  return { login: user.login, id: user.id, type: user.type, html_url: `https://github.com/${user.login}` };
}

function tooLong(body: unknown): boolean {
  return typeof body === 'string' && [...body].length > MAX_BODY;
}

function validation(response: ServerResponse, field: string, code: string, message?: string): void {
  send(response, 422, {
    message: 'Validation Failed',
    errors: [{ resource: 'Issue', field, code, ...(message ? { message } : {}) }],
    documentation_url: 'https://docs.github.com/rest/issues/issues',
  });
}

function send(response: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(data);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-github-request-id': 'TEST:0001',
    ...headers,
  });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
