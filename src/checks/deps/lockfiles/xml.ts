// XML lockfiles (pom.xml) read with saxes, a maintained, strict (well-formedness checking) streaming
// parser with positions, into a small element tree: names without namespace prefixes, text (CDATA
// included), and the line of each element's `<` from the shared LineIndex. saxes expands only the
// five predefined entities and character references, never entities a DOCTYPE declares: an entity
// bomb cannot grow in memory, it is an "undefined entity" error.
import { SaxesParser } from 'saxes';
import { LockfileError } from '../types.js';
import { LineIndex } from './line-index.js';

export interface XmlElement {
  name: string;
  line: number;
  children: XmlElement[];
  text: string;
}

export function parseXml(text: string, file: string): XmlElement {
  const lines = new LineIndex(text);
  const parser = new SaxesParser();
  const document: XmlElement = { name: '#document', line: 1, children: [], text: '' };
  const open: XmlElement[] = [document];
  let ending = false;
  const fail = (line: number, what: string): never => {
    throw new LockfileError(file, line, what);
  };

  // The line of the tag's `<`: saxes reports the start once the name is read, maybe on a later line.
  parser.on('opentagstart', (tag) => {
    const element: XmlElement = {
      name: localName(tag.name),
      line: lines.lineAt(text.lastIndexOf('<', parser.position - 1)),
      children: [],
      text: '',
    };
    open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on('closetag', (tag) => {
    const element = open.pop()!;
    if (tag.isSelfClosing) return;
    // saxes pops the innermost element for any closing tag and then reports a mismatch: name both.
    const closing = closingName(text, parser.position);
    if (closing !== undefined && closing !== tag.name)
      fail(lines.lineAt(parser.position - 1), `closing tag </${closing}> does not match <${element.name}>`);
  });
  parser.on('text', (value) => (open.at(-1)!.text += value));
  parser.on('cdata', (value) => (open.at(-1)!.text += value));
  parser.on('error', (error) => {
    const innermost = open.at(-1)!;
    if (ending && innermost !== document) fail(innermost.line, `<${innermost.name}> is never closed`);
    // saxes prefixes its message with "line:column: "; the line is given separately.
    const detail = error.message.slice(`${parser.line}:${parser.column}: `.length);
    fail(lines.lineAt(Math.max(0, parser.position - 1)), `invalid XML: ${detail}`);
  });
  parser.write(text);
  ending = true;
  parser.close();
  const root = document.children[0];
  if (!root) return fail(1, 'no XML root element');
  return root;
}

/** The name in the closing tag that ends at `end` (`</name >`). */
function closingName(text: string, end: number): string | undefined {
  const start = text.lastIndexOf('</', end - 1);
  return start === -1 ? undefined : /^<\/([^\s>]+)/.exec(text.slice(start, start + 300))?.[1];
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.name === name);
}

export function childText(element: XmlElement | undefined, name: string): string | undefined {
  const found = child(element, name);
  return found ? found.text.trim() : undefined;
}
