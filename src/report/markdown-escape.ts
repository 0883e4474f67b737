// Escaping for text placed in GitHub-flavoured markdown (job summary, PR comment, issue).
// Finding fields come from repositories and advisories: they may hold pipes, newlines, HTML or
// markdown that would break a table or inject markup, so every one passes through here.

/** Plain text as inline markdown: one line, no raw HTML, no emphasis or links, no @mentions. */
export function text(value: string): string {
  return (
    oneLine(value)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/([\\`*_[\]~#])/g, '\\$1')
      // An @mention in a finding (npm scopes, author emails) would ping people from a comment.
      .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
  );
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

// Line breaks become spaces; other control characters (NUL shows as U+FFFD) are dropped.
function oneLine(value: string): string {
  return value.replace(/\r\n?|\n/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}
