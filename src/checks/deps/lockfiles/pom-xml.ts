// A small XML reader for pom.xml: elements, text, comments, CDATA, processing instructions,
// DOCTYPE and the five predefined entities plus character references. No XML library is
// installed; a pom needs nothing beyond this subset (no DTD-defined entities, no mixed content
// that matters). Attributes are skipped: the pom elements we read carry none that matter.
import { LockfileError } from '../types.js';

export interface XmlElement {
  name: string;
  line: number;
  children: XmlElement[];
  text: string;
}

export function parseXml(text: string, file: string): XmlElement {
  const root: XmlElement = { name: '#document', line: 1, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let i = 0;
  let line = 1;
  const advanceTo = (end: number) => {
    for (let k = i; k < end; k++) if (text.charCodeAt(k) === 10) line++;
    i = end;
  };
  const skipPast = (terminator: string, what: string) => {
    const end = text.indexOf(terminator, i);
    if (end === -1) throw new LockfileError(file, line, `unterminated ${what}`);
    advanceTo(end + terminator.length);
  };
  while (i < text.length) {
    const top = stack[stack.length - 1];
    if (text[i] !== '<') {
      const end = text.indexOf('<', i) === -1 ? text.length : text.indexOf('<', i);
      top.text += decodeEntities(text.slice(i, end), file, line);
      advanceTo(end);
    } else if (text.startsWith('<!--', i)) skipPast('-->', 'comment');
    else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i);
      if (end === -1) throw new LockfileError(file, line, 'unterminated CDATA section');
      top.text += text.slice(i + 9, end);
      advanceTo(end + 3);
    } else if (text.startsWith('<?', i)) skipPast('?>', 'processing instruction');
    else if (text.startsWith('<!', i)) skipDoctype();
    else if (text.startsWith('</', i)) {
      const match = /^<\/\s*([^\s>]+)\s*>/.exec(text.slice(i, i + 300));
      if (!match) throw new LockfileError(file, line, 'malformed closing tag');
      if (stack.length === 1 || localName(match[1]) !== top.name) {
        throw new LockfileError(file, line, `closing tag </${match[1]}> does not match <${top.name}>`);
      }
      stack.pop();
      advanceTo(i + match[0].length);
    } else {
      const startLine = line;
      const end = tagEnd(i);
      const tag = text.slice(i + 1, end);
      const match = /^([A-Za-z_][\w.:-]*)/.exec(tag);
      if (!match) throw new LockfileError(file, line, 'malformed tag');
      const element: XmlElement = { name: localName(match[1]), line: startLine, children: [], text: '' };
      if (stack.length === 1 && root.children.length > 0) throw new LockfileError(file, line, 'more than one root element');
      top.children.push(element);
      if (!tag.trimEnd().endsWith('/')) stack.push(element);
      advanceTo(end + 1);
    }
  }
  if (stack.length > 1) {
    const open = stack[stack.length - 1];
    throw new LockfileError(file, open.line, `<${open.name}> is never closed`);
  }
  if (root.children.length === 0) throw new LockfileError(file, 1, 'no XML root element');
  return root.children[0];

  /** The `>` that ends a tag, skipping quoted attribute values. */
  function tagEnd(from: number): number {
    let quote = '';
    for (let k = from + 1; k < text.length; k++) {
      const c = text[k];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '<') break;
      else if (c === '>') return k;
    }
    throw new LockfileError(file, line, 'unterminated tag');
  }

  function skipDoctype(): void {
    let depth = 0;
    for (let k = i; k < text.length; k++) {
      if (text[k] === '[') depth++;
      else if (text[k] === ']') depth--;
      else if (text[k] === '>' && depth <= 0) return advanceTo(k + 1);
    }
    throw new LockfileError(file, line, 'unterminated <!DOCTYPE>');
  }
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string, file: string, line: number): string {
  return raw.replace(/&([^;\s&]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new LockfileError(file, line, `bare '&' in text (write &amp;)`);
    if (name in ENTITIES) return ENTITIES[name];
    const code = /^#x([0-9a-f]+)$/i.exec(name) ? parseInt(name.slice(2), 16) : /^#(\d+)$/.exec(name) ? Number(name.slice(1)) : NaN;
    if (Number.isNaN(code) || code > 0x10ffff) throw new LockfileError(file, line, `unknown entity &${name};`);
    return String.fromCodePoint(code);
  });
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const found = child(element, name);
  return found ? found.text.trim() : undefined;
}
