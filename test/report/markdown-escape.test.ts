import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { code, row, text } from '../../src/report/markdown-escape.js';

type Node = { type: string; value?: string; children?: Node[] };

function parse(markdown: string): Node {
  return fromMarkdown(markdown, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] }) as Node;
}

function plain(node: Node): string {
  return node.value ?? (node.children ?? []).map(plain).join('');
}

function types(node: Node): string[] {
  return [node.type, ...(node.children ?? []).flatMap(types)];
}

/** A two-column table whose first body row holds the given cells; returns the cells GitHub would see. */
function cellsOf(cells: string[]): string[] {
  const markdown = [row(['A', 'B']), row(['---', '---']), row(cells)].join('\n');
  const table = parse(markdown).children![0]!;
  expect(table.type).toBe('table');
  expect(table.children).toHaveLength(2);
  return table.children![1]!.children!.map(plain);
}

describe('markdown escaping', () => {
  it('reads back any text exactly as plain text in a table cell, with no markup', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        // The one control-character policy of the reports: C0 (but line breaks, which become spaces), DEL and C1.
        const flat = (value: string) =>
          value.replace(/\r\n?|\n/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '');
        const [first, second] = cellsOf([text(a), code(b)]);
        // Cells are trimmed by GFM; a code span keeps its text (CommonMark strips one padding space
        // each side). Mentions become code spans, so text reads back exactly, with nothing inserted.
        expect(first).toBe(flat(a).trim());
        expect(second!.trim()).toBe(flat(b).trim());
      }),
      { numRuns: 200 },
    );
  });

  it('leaves no HTML, links or emphasis from hostile text', () => {
    const markdown = text('<script>x</script> [link](https://evil) **bold** _em_ `tick` ~~gone~~ # head');
    const nodeTypes = types(parse(markdown));
    for (const type of ['html', 'link', 'strong', 'emphasis', 'inlineCode', 'delete', 'heading']) expect(nodeTypes).not.toContain(type);
  });

  it('defuses @mentions as code spans, where GitHub notifies nobody, and leaves package@version and emails as written', () => {
    expect(text('ping @octocat and a@b')).toBe('ping `@octocat` and a@b');
    expect(text('@babel/core@7.0.0: bad, (@acme/team)')).toBe('`@babel/core@7.0.0`: bad, (`@acme/team`)');
    expect(text('follow-redirects@1.15.0 by dev@example.com')).toBe('follow-redirects@1.15.0 by dev@example.com');
    expect(text('a_b @x_y')).toBe('a\\_b `@x_y`');
  });

  it('fences a code span with a longer backtick run than it contains', () => {
    expect(code('a `b` c')).toBe('``a `b` c``');
    expect(code('`x')).toBe('`` `x ``');
  });
});
