// Completing a shallow clone (actions/checkout's default: one commit, no tags) before the checks
// run, so they read a whole range instead of guessing. One place, run once and before the checks
// (which run concurrently and would otherwise race on the clone's lock files).
import type { Context } from './context.js';
import { gitMaybe, isShallowRepository } from './git.js';

export interface CloneNeeds {
  /** The commits of the range (secrets) or the base's files (deps in pr/push mode). */
  history: boolean;
  /** Release tags (versions). */
  tags: boolean;
}

/**
 * In a shallow clone with an `origin`, fetch what the checks need: the whole history (with the
 * range's own shas, for servers that serve them) and the tags. Failures are left to the checks,
 * which detect what is still missing and fail loudly with the fix.
 */
export async function completeShallowClone(context: Context, needs: CloneNeeds): Promise<void> {
  if (!context.git || !(await isShallowRepository(context.root))) return;
  if (needs.history) await unshallowFromOrigin(context.root, [context.base, context.head], context.token);
  if (needs.tags) await fetchTagsFromOrigin(context.root, context.token);
}

/** One attempt to complete a shallow clone from `origin`; the caller rechecks what is there. */
export async function unshallowFromOrigin(root: string, revs: (string | undefined)[], token: string | undefined): Promise<void> {
  const shas = revs.filter((rev): rev is string => rev !== undefined && /^[0-9a-f]{40}$/.test(rev));
  const env = await originAuth(root, token);
  if (env === null) return;
  // Fetching by sha works on GitHub (protocol v2); the plain unshallow covers servers that refuse it.
  const fetch = ['fetch', '--quiet', '--no-tags', '--unshallow', 'origin'];
  const withShas = shas.length > 0 ? await gitMaybe(root, [...fetch, ...shas], { env }) : undefined;
  if (withShas === undefined && (await isShallowRepository(root))) await gitMaybe(root, fetch, { env });
}

/** Release tags only point at commits: depth 1 brings each tagged commit without its history. */
export async function fetchTagsFromOrigin(root: string, token: string | undefined): Promise<void> {
  const env = await originAuth(root, token);
  if (env === null) return;
  await gitMaybe(root, ['fetch', '--quiet', '--depth=1', 'origin', '+refs/tags/*:refs/tags/*'], { env });
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
