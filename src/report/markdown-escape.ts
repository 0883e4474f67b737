// Escaping for text placed in GitHub-flavoured markdown (job summary, PR comment, issue).
// Finding fields come from repositories and advisories: they may hold pipes, newlines, HTML or
// markdown that would break a table or inject markup, so every one passes through here. Escapes are
// backslashes and entities, which GitHub renders away: identifiers read and copy as written.
import { oneLine } from './control.js';

/**
 * Where GitHub sees an @mention (its MentionFilter): `@` at the start or after a character that is
 * not a letter, digit or `_`, then a name (`@octocat`, a team `@org/team`, an npm scope
 * `@babel/core@7.0.0`). `follow-redirects@1.15.0` and `dev@example.com` are not mentions.
 */
const MENTION = /(?<![A-Za-z0-9_])@[A-Za-z0-9][A-Za-z0-9_./@+-]*/g;

/**
 * Plain text as inline markdown: one line, no raw HTML, no emphasis or links, and no @mention: a
 * mention-shaped word becomes a code span, where GitHub notifies nobody and the word stays copyable.
 */
export function text(value: string): string {
  const flat = oneLine(value);
  let markdown = '';
  let done = 0;
  for (const mention of flat.matchAll(MENTION)) {
    markdown += escapeInline(flat.slice(done, mention.index)) + code(mention[0]);
    done = mention.index + mention[0].length;
  }
  return markdown + escapeInline(flat.slice(done));
}

function escapeInline(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]~#])/g, '\\$1');
}

/** Plain text as an inline code span; a backtick run inside gets a longer fence (CommonMark §6.1). */
export function code(value: string): string {
  const flat = oneLine(value);
  if (flat === '') return ''; // `` is not an empty code span but two literal backticks.
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/**
 * Markdown (built with `text`/`code`) made safe for one table cell: GFM splits cells on every
 * unescaped `|`, even inside code spans, and `\|` is the escape it honours there too.
 */
export function cell(markdown: string): string {
  return oneLine(markdown).replace(/\|/g, '\\|');
}

/** Plain text cut to `max` characters on one line, with `…` where it was cut (for table cells). */
export function shorten(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A table row from cells of markdown. */
export function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}
