// `security-gate inventory`: the packages the lockfiles resolve, as JSON (a stable contract) or
// as a table per lockfile for people.
import type { CheckError } from '../finding.js';
import type { Package } from '../checks/deps/types.js';
import { oneLine } from './control.js';
import { neutraliseCommands, painter } from './text.js';
import { plural } from '../util.js';

export interface InventoryJson {
  packages: {
    ecosystem: string;
    name: string;
    version: string;
    lockfile: string;
    line: number | null;
    dev: boolean;
    direct: boolean;
    path: string[];
    source: Package['source'];
    note?: string;
  }[];
  /** Lockfiles that could not be read (as in the scan report); the others are still listed. */
  errors: { path: string; line: number | null; message: string }[];
  /** Every lockfile read, those with no packages of their own included. */
  lockfiles: string[];
}

export function renderInventoryJson(packages: Package[], errors: CheckError[] = [], lockfiles: string[] = []): InventoryJson {
  return {
    lockfiles: [...lockfiles],
    errors: errors.map((error) => ({ path: error.path, line: error.line ?? null, message: error.message })),
    packages: packages.map((pkg) => ({
      ecosystem: pkg.ecosystem,
      name: pkg.name,
      version: pkg.version,
      lockfile: pkg.lockfile,
      // null rather than a missing key, as in the JSON report: every field in every entry.
      line: pkg.line ?? null,
      dev: pkg.dev,
      direct: pkg.direct,
      path: [...pkg.path],
      source: pkg.source,
      ...(pkg.note !== undefined && { note: pkg.note }),
    })),
  };
}

export interface InventoryTextOptions {
  color: boolean;
  /** Lockfiles that could not be read, listed after the packages. */
  errors?: CheckError[];
  /** Every lockfile read, so one with no packages of its own (a requirements file of `-r` lines) is listed too. */
  lockfiles?: string[];
}

/** Column caps: one 200-character package name must not pad every row of the table to 300 columns. */
export const NAME_COLUMN = 48;
export const VERSION_COLUMN = 24;

export function renderInventoryText(packages: Package[], options: InventoryTextOptions): string {
  const paint = painter(options.color);
  const byLockfile = new Map<string, Package[]>((options.lockfiles ?? []).map((lockfile) => [lockfile, []]));
  for (const pkg of packages) {
    const group = byLockfile.get(pkg.lockfile);
    if (group) group.push(pkg);
    else byLockfile.set(pkg.lockfile, [pkg]);
  }

  const lines: string[] = [];
  for (const [lockfile, group] of byLockfile) {
    if (lines.length) lines.push('');
    lines.push(paint.bold(clean(lockfile)));
    if (!group.length) lines.push(paint.dim('  no packages of its own'));
    const rows = group.map((pkg) => ({
      name: elide(clean(pkg.name), NAME_COLUMN),
      version: elide(clean(pkg.version), VERSION_COLUMN) || '-',
      line: pkg.line === undefined ? '' : `:${pkg.line}`,
      flags: [pkg.direct ? 'direct' : '', pkg.dev ? 'dev' : '', pkg.source === 'registry' ? '' : pkg.source].filter(Boolean).join(','),
      why: pkg.path.length > 1 ? `via ${pkg.path.slice(0, -1).map(clean).join(' > ')}` : '',
      note: pkg.note ? clean(pkg.note) : '',
    }));
    const width = (pick: (row: (typeof rows)[number]) => string): number => Math.max(0, ...rows.map((row) => pick(row).length));
    const widths = {
      name: width((row) => row.name),
      version: width((row) => row.version),
      line: width((row) => row.line),
      flags: width((row) => row.flags),
    };
    for (const row of rows) {
      const columns = [
        `  ${row.name.padEnd(widths.name)}`,
        row.version.padEnd(widths.version),
        paint.dim(row.line.padEnd(widths.line)),
        row.flags.padEnd(widths.flags),
        paint.dim([row.why, row.note].filter(Boolean).join('; ')),
      ];
      lines.push(columns.join('  ').trimEnd());
    }
  }
  for (const error of options.errors ?? []) {
    if (lines.length) lines.push('');
    lines.push(`${paint.red('✖')} ${clean(error.path)}${error.line ? `:${error.line}` : ''}: ${clean(error.message)}`);
  }
  if (lines.length) lines.push('');
  const lockfiles = byLockfile.size;
  const direct = packages.filter((pkg) => pkg.direct).length;
  const dev = packages.filter((pkg) => pkg.dev).length;
  lines.push(
    `${plural(packages.length, 'package')} (${direct} direct, ${dev} dev) in ${plural(lockfiles, 'lockfile')}` +
      (options.errors?.length ? `, ${plural(options.errors.length, 'unreadable file')}` : ''),
  );
  return neutraliseCommands(lines.join('\n') + '\n'); // lockfile text may reach a workflow log
}

/** Lockfile content is untrusted: no terminal escape sequences or line breaks reach the terminal. */
const clean = oneLine;

/** `max` characters at most, the cut marked with '…' (the JSON inventory has the whole value). */
function elide(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}
