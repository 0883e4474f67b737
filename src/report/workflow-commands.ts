// Text the action prints reaches the Actions runner, which reads every line of a step's output for
// workflow commands in two syntaxes (actions/runner ActionCommandManager.TryProcessCommand):
// - `::name props::data` when the line starts with `::` after leading whitespace (TryParseV2);
// - the older `##[name props]data` ANYWHERE in the line (TryParse); `##[stop-commands]TOKEN` silences
//   every later command, annotations included.
// Repository text (paths, author names, commit messages, advisory text, SECURITY.md cells) passes
// through here before it is printed, and commands the action means to issue are escaped as the
// runner unescapes them (actions/toolkit packages/core/src/command.ts).

/**
 * Breaks both syntaxes with a zero-width space (invisible in the log, and not whitespace to .NET, so
 * the runner's TrimStart does not remove it): `::` at a line start becomes `:\u200b:` (after any
 * whitespace or ANSI colour codes), and every `##[` becomes `##\u200b[`.
 */
export function neutraliseCommands(text: string): string {
  return breakLegacyCommands(text.replace(/^((?:[\s\u0085]|\u001b\[[0-9;]*m)*):(?=:)/gm, '$1:\u200b'));
}

/** Only the `##[` syntax (for text inside a command line the action issues itself). */
export function breakLegacyCommands(text: string): string {
  return text.replace(/##\[/g, '##\u200b[');
}

/** The data part of a command: `%`, CR and LF escaped, so the command stays one line. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which would end the value or the properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * A JSON document (the JSON report, SARIF, the inventory) as text that is safe to print to a workflow
 * log and a terminal, and parses back the same: `##[` can only occur inside a JSON string there, where
 * `\u005b` means the same `[`; JSON.stringify escapes C0 controls but writes DEL and the C1 range
 * (NEL, which the runner reads as a line break, and CSI) as they are, so those are escaped too. JSON
 * lines never start with `::`.
 */
export function jsonForLog(document: unknown): string {
  return JSON.stringify(document, null, 2)
    .replace(/##\[/g, '##\\u005b')
    .replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
