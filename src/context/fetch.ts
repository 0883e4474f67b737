// Completing a shallow clone (actions/checkout's default: one commit, no tags) from `origin`. Only
// context/range.ts calls these, once and before the checks (which run concurrently and would
// otherwise race on the clone's lock files); checks never fetch.
import { FULL_SHA, gitMaybe, isShallowRepository } from './git.js';

/** One attempt to complete a shallow clone from `origin`; the caller rechecks what is there. */
export async function unshallowFromOrigin(root: string, revs: (string | undefined)[], token: string | undefined): Promise<void> {
  const shas = revs.filter((rev): rev is string => rev !== undefined && FULL_SHA.test(rev));
  const env = await originAuth(root, token);
  if (env === null) return;
  // Fetching by sha works on GitHub (protocol v2); the plain unshallow covers servers that refuse it.
  const fetch = ['fetch', '--quiet', '--no-tags', '--unshallow', '--end-of-options', 'origin'];
  const withShas = shas.length > 0 ? await gitMaybe(root, [...fetch, ...shas], { env }) : undefined;
  if (withShas === undefined && (await isShallowRepository(root))) await gitMaybe(root, fetch, { env });
}

/**
 * All tags from `origin`. In a clone that is still shallow, `depth: 1` brings each tagged commit
 * without its history (release tags only need the commit). False when there is no `origin` or
 * the fetch failed.
 */
export async function fetchTagsFromOrigin(root: string, token: string | undefined, options: { depth?: number } = {}): Promise<boolean> {
  const env = await originAuth(root, token);
  if (env === null) return false;
  const depth = options.depth === undefined ? [] : [`--depth=${options.depth}`];
  const args = ['fetch', '--quiet', ...depth, '--end-of-options', 'origin', '+refs/tags/*:refs/tags/*'];
  return (await gitMaybe(root, args, { env })) !== undefined;
}

/**
 * null when there is no `origin` to fetch from. The token goes in an auth header through git's
 * environment config (GIT_CONFIG_COUNT, git 2.31+), the way actions/checkout configures it, so it
 * never appears in a command line, a URL or .git/config.
 */
async function originAuth(root: string, token: string | undefined): Promise<NodeJS.ProcessEnv | undefined | null> {
  const url = (await gitMaybe(root, ['remote', 'get-url', 'origin']))?.trim();
  if (!url) return null;
  const https = /^(https:\/\/[^/]+\/)/.exec(url);
  if (!token || !https) return undefined;
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `http.${https[1]}.extraheader`, GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` };
}
