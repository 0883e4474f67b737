#!/usr/bin/env node
// The CLI shell: argv -> run() -> text/json/sarif -> exit code (0 pass, 1 fail, 2 bad usage/config/repo).
// It starts light (issue 13, "Start fast"): `--version` answers before anything else is loaded, and the
// argument parser, the scanner and the reporters load afterwards, as each is needed, with Node's
// compile cache on.
import { statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { enableCompileCache } from './compile-cache.js';
import type { CliCommand } from './config/cli-args.js';
import { VERSION } from './version.js';

async function main(argv: string[]): Promise<number> {
  const { parseCliArgs, USAGE } = await import('./config/cli-args.js');
  const cli: CliCommand = parseCliArgs(argv, process.cwd());
  if (cli.command === 'help') return print(`${USAGE}\n`, 0);
  if (cli.command === 'version') return print(`security-gate ${VERSION}\n`, 0);
  const [{ prepareOutputFile }, { shouldUseColor }] = await Promise.all([import('./config/output-file.js'), import('./report/text.js')]);
  const color = !cli.output && shouldUseColor(process.stdout, process.env);

  if (cli.command === 'inventory') {
    if (cli.output) prepareOutputFile(cli.output, folderOf(resolve(cli.path)), '--output');
    const { runInventory } = await import('./inventory.js');
    const inventory = await runInventory(cli, color);
    // Unreadable lockfiles: listed (in text, also in the report) and exit 1, the others still listed.
    for (const problem of inventory.problems) process.stderr.write(`security-gate: ${problem}\n`);
    return emit(inventory.text, cli.output, inventory.problems.length ? 1 : 0);
  }
  // Before the scan: a report path that cannot be written fails now, not after minutes of scanning.
  if (cli.output) prepareOutputFile(cli.output, cli.settings.root, '--output');
  const [{ run }, { progressOnTty }, { renderJson }, { renderSarif }, { renderText }, { jsonForLog }] = await Promise.all([
    import('./run.js'),
    import('./report/progress.js'),
    import('./report/json.js'),
    import('./report/sarif.js'),
    import('./report/text.js'),
    import('./report/workflow-commands.js'),
  ]);
  const progress = progressOnTty(process.stderr);
  const { verdict } = await run(cli.settings, { progress });
  if (progress) process.stderr.write('\r\u001b[K'); // clear the progress line
  const report =
    cli.format === 'json'
      ? jsonForLog(renderJson(verdict))
      : cli.format === 'sarif'
        ? jsonForLog(renderSarif(verdict, { toolVersion: VERSION }))
        : renderText(verdict, { color, verbose: cli.verbose });
  return emit(report, cli.output, verdict.verdict === 'fail' ? 1 : 0);
}

function emit(text: string, output: string | undefined, code: number): number {
  if (output) writeFileSync(output, text.endsWith('\n') ? text : `${text}\n`);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  return code;
}

/** The scanned folder (for `inventory`, PATH may be one lockfile). */
function folderOf(path: string): string {
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    return path;
  }
}

function print(text: string, code: number): number {
  process.stdout.write(text);
  return code;
}

const argv = process.argv.slice(2);
// The common `security-gate --version` costs no more than starting Node; any other spelling of it
// (`scan --version`) goes through the parser to the same answer.
if (argv.length === 1 && argv[0] === '--version') print(`security-gate ${VERSION}\n`, 0);
else {
  // With SECURITY_GATE_DEBUG, stack traces name the source lines: the maps beside the bundles are read
  // only then (they load with the chunks, which load after this line).
  if (process.env.SECURITY_GATE_DEBUG) process.setSourceMapsEnabled(true);
  enableCompileCache();
  const { describeError, isUserError } = await import('./config/errors.js');
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    // Messages quote what the repository holds (a baseline's text in a JSON error): no workflow command from it.
    const { neutraliseCommands } = await import('./report/workflow-commands.js');
    process.stderr.write(`security-gate: ${neutraliseCommands(describeError(error))}\n`);
    if (!isUserError(error) && process.env.SECURITY_GATE_DEBUG && error instanceof Error) {
      process.stderr.write(`${neutraliseCommands(error.stack ?? '')}\n`);
    }
    process.exitCode = 2;
  }
}
