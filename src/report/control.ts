// The one control-character policy of every report, terminal and markdown alike: text from
// repositories and advisories must not move the cursor, recolour a terminal, or hide characters
// from a reader. C0 controls (but tab and line breaks), DEL and the C1 range (U+0080–U+009F, which
// includes NEL, a line break to .NET and so to the Actions runner) are dropped.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

export function stripControl(value: string): string {
  return value.replace(CONTROL, '');
}

/** One line: control characters dropped, each line break a space. */
export function oneLine(value: string): string {
  return stripControl(value).replace(/\r\n?|\n/g, ' ');
}
