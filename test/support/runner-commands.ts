// A port of how the GitHub Actions runner reads workflow commands from a step's output, so tests can
// check what the runner would do with every line the action prints. Ported from actions/runner:
// - src/Runner.Common/ActionCommand.cs: TryParseV2 (`::name k=v,k=v::data` at the start of the line
//   after TrimStart) and TryParse (the older `##[name k=v;k=v]data` anywhere in the line);
// - src/Runner.Worker/ActionCommandManager.cs: TryProcessCommand (V2 first, then the old syntax;
//   `stop-commands` suspends all processing until a line whose command is the stop token) and the
//   registered command names (the built-in command extensions plus `stop-commands`, compared
//   case-insensitively);
// - the runner reads output with StreamReader.ReadLine: lines end at \r\n, \n or \r.

/** The commands the runner registers (its ActionCommandExtensions) and the stop command. */
export const REGISTERED_COMMANDS = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'internal-set-repo-path',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'warning',
  'stop-commands',
];

export interface RunnerCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
  /** The output line it came from. */
  line: string;
  syntax: 'v2' | 'legacy';
}

export interface RunnerLog {
  /** Commands the runner processed, in order (stop-commands and its resume token included). */
  commands: RunnerCommand[];
  /** Lines shown as plain output (including command lines ignored while commands were stopped). */
  output: string[];
  /** Annotations (error, warning, notice commands) the runner would create. */
  annotations: RunnerCommand[];
  /** Whether processing was left stopped at the end (every later command of the step is lost). */
  stopped: boolean;
}

/** .NET char.IsWhiteSpace: the Unicode separators, tab to carriage return, and NEL. */
const DOTNET_WHITESPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*/;

/** Feeds a step's whole output (stdout) through the runner's command processing. */
export function readRunnerLog(stdout: string): RunnerLog {
  const registered = new Set(REGISTERED_COMMANDS);
  const log: RunnerLog = { commands: [], output: [], annotations: [], stopped: false };
  let stopToken: string | undefined;
  for (const line of stdout.split(/\r\n|\n|\r/)) {
    const command = tryParseV2(line, registered) ?? tryParse(line, registered);
    if (!command) {
      log.output.push(line);
      continue;
    }
    if (stopToken !== undefined) {
      if (command.command.toLowerCase() === stopToken.toLowerCase()) {
        registered.delete(stopToken.toLowerCase());
        stopToken = undefined;
        log.commands.push(command);
      }
      log.output.push(line);
      continue;
    }
    log.commands.push(command);
    if (command.command.toLowerCase() === 'stop-commands') {
      // ValidateStopToken: an empty token, a registered command or `pause-logging` fails the step.
      if (!command.data || registered.has(command.data.toLowerCase()) || command.data.toLowerCase() === 'pause-logging') {
        throw new Error(`the runner would fail the step: invalid stop-commands token '${command.data}'`);
      }
      stopToken = command.data;
      registered.add(stopToken.toLowerCase());
      continue;
    }
    if (['error', 'warning', 'notice'].includes(command.command.toLowerCase())) log.annotations.push(command);
  }
  log.stopped = stopToken !== undefined;
  return log;
}

/** ActionCommand.TryParseV2. */
function tryParseV2(line: string, registered: Set<string>): RunnerCommand | undefined {
  const message = line.replace(DOTNET_WHITESPACE, '');
  if (!message.startsWith('::')) return undefined;
  const endIndex = message.indexOf('::', 2);
  if (endIndex < 0) return undefined;
  // V2 trims the properties and splits them on `,`.
  const info = commandInfo(message.slice(2, endIndex), registered, (properties) => properties.trim().split(','), unescapeProperty);
  return info && { ...info, data: unescapeData(message.slice(endIndex + 2)), line, syntax: 'v2' };
}

/** ActionCommand.TryParse: the first `##[` in the line, up to the first `]` after it. */
function tryParse(line: string, registered: Set<string>): RunnerCommand | undefined {
  const prefix = line.indexOf('##[');
  if (prefix < 0) return undefined;
  const close = line.indexOf(']', prefix);
  if (close < 0) return undefined;
  const info = commandInfo(line.slice(prefix + 3, close), registered, (properties) => properties.split(';'), unescapeLegacy);
  return info && { ...info, data: unescapeLegacy(line.slice(close + 1)), line, syntax: 'legacy' };
}

/** The command name (registered, or no command at all) and its `key=value` properties. */
function commandInfo(
  info: string,
  registered: Set<string>,
  split: (properties: string) => string[],
  unescape: (value: string) => string,
): { command: string; properties: Record<string, string> } | undefined {
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  if (!registered.has(command.toLowerCase())) return undefined;
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of split(info.slice(space + 1)).filter(Boolean)) {
      const parts = splitPair(pair);
      if (parts) properties[parts[0]] = unescape(parts[1]);
    }
  }
  return { command, properties };
}

/** `Split('=', count: 2, RemoveEmptyEntries)`, kept only when it gives two parts. */
function splitPair(pair: string): [string, string] | undefined {
  const at = pair.indexOf('=');
  if (at < 0) return undefined;
  const parts = [pair.slice(0, at), pair.slice(at + 1)].filter(Boolean);
  if (parts.length !== 2) {
    // RemoveEmptyEntries with count 2: `=x` gives ['x'], `k=` gives ['k'], `k==v` gives ['k', '=v'].
    return undefined;
  }
  return [parts[0]!, parts[1]!];
}

// ActionCommand's escape tables, undone in table order with ordinal (case-sensitive) String.Replace.
function unescapeData(text: string): string {
  return text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
}

function unescapeProperty(text: string): string {
  return text.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
}

/** The old syntax's table (ActionCommand._escapeMappings). */
function unescapeLegacy(text: string): string {
  return text.replaceAll('%3B', ';').replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%5D', ']').replaceAll('%AZP25', '%');
}
