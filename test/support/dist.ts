// Runs the built bundles (dist/cli.js, dist/index.js) as child processes, the way users and the
// runner do, under every Node version we can find: the system's (20) and the node@24 package's.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
export const CLI = join(ROOT, 'dist/cli.js');
export const ACTION = join(ROOT, 'dist/index.js');

function versionOf(bin: string): string | undefined {
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Node binaries by major version: the PATH's (skipping node_modules/.bin, which npm puts first) and node@24's. */
export function nodeBinaries(): { version: string; bin: string }[] {
  const candidates = [
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter((dir) => !dir.includes('node_modules'))
      .map((dir) => join(dir, 'node')),
    join(ROOT, 'node_modules/node/bin/node'),
    process.execPath,
  ];
  const byMajor = new Map<string, { version: string; bin: string }>();
  for (const bin of candidates) {
    if (!existsSync(bin)) continue;
    const version = versionOf(bin);
    const major = version?.match(/^v(\d+)/)?.[1];
    if (version && major && !byMajor.has(major)) byMajor.set(major, { version, bin });
  }
  return [...byMajor.values()];
}

export interface DistRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(node: string, args: string[], cwd: string, env: Record<string, string> = {}): DistRun {
  const result = spawnSync(node, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 120_000,
    maxBuffer: 1 << 28,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export interface ActionRun extends DistRun {
  outputs: Record<string, string>;
  summary: string;
  tempDir: string;
}

/**
 * Runs dist/index.js with the environment the runner gives: event payload, workspace, output files,
 * INPUT_*. Asynchronous, so a local HTTP server in the test process can answer the action's calls.
 */
export async function runAction(
  node: string,
  options: { workspace: string; eventName: string; event: unknown; inputs?: Record<string, string>; env?: Record<string, string> },
): Promise<ActionRun> {
  const tempDir = mkdtempSync(join(tmpdir(), 'sg-runner-'));
  const eventPath = join(tempDir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(options.event));
  writeFileSync(join(tempDir, 'output'), '');
  writeFileSync(join(tempDir, 'summary.md'), '');
  const inputs = Object.fromEntries(Object.entries(options.inputs ?? {}).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tempDir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: join(tempDir, 'output'),
    GITHUB_STEP_SUMMARY: join(tempDir, 'summary.md'),
    RUNNER_TEMP: tempDir,
    INPUT_MODE: 'auto',
    ...inputs,
    ...options.env,
  };
  const result = await spawnAsync(node, [ACTION], { cwd: options.workspace, env });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    outputs: parseOutputFile(readFileSync(join(tempDir, 'output'), 'utf8')),
    summary: readFileSync(join(tempDir, 'summary.md'), 'utf8'),
    tempDir,
  };
}

/** GITHUB_OUTPUT uses `name<<DELIMITER\nvalue\nDELIMITER` blocks (core.setOutput). */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = lines[i]!.match(/^([^=<]+)<<(.+)$/);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2]!, i + 1);
      outputs[heredoc[1]!] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i]!.includes('=')) {
      const [name, ...value] = lines[i]!.split('=');
      outputs[name!] = value.join('=');
    }
  }
  return outputs;
}

function spawnAsync(
  command: string,
  args: string[],
  options: { cwd: string; env: Record<string, string> },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** The files of a built folder (dist/) that `file` imports: statically (parsed before it runs) or by import() when used. */
export function bundleImports(dir: string, file: string): { static: string[]; dynamic: string[] } {
  const text = readFileSync(join(dir, file), 'utf8');
  const named = (pattern: RegExp) => [...text.matchAll(pattern)].map((match) => match[1]!);
  return { static: named(/(?:from|import)\s*"\.\/([\w-]+\.js)"/g), dynamic: named(/import\("\.\/([\w-]+\.js)"\)/g) };
}

/** An entry and every file it imports statically: what Node parses before the entry's first line runs. */
export function loadedAtStart(dir: string, entry: string): string[] {
  const seen = new Set([entry]);
  for (const file of seen) for (const imported of bundleImports(dir, file).static) seen.add(imported);
  return [...seen];
}
