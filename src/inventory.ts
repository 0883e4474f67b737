// `security-gate inventory`: the packages the dependencies check would match, as text or JSON.
import type { CliCommand } from './config/cli-args.js';
import { UsageError } from './config/errors.js';
import { inventoryOf } from './checks/deps/collect.js';
import { where } from './finding.js';
import { oneLine } from './report/control.js';
import { renderInventoryJson, renderInventoryText } from './report/inventory.js';
import { jsonForLog, neutraliseCommands } from './report/workflow-commands.js';

type InventoryCommand = Extract<CliCommand, { command: 'inventory' }>;

export interface InventoryOutput {
  text: string;
  /** Lockfiles that could not be read, one line each, for standard error. */
  problems: string[];
}

export async function runInventory(cli: InventoryCommand, color: boolean): Promise<InventoryOutput> {
  const inventory = await inventoryOf(cli.path, { include: cli.include, exclude: cli.exclude });
  const fatal = inventory.errors.find((error) => error.fatal);
  if (fatal) throw new UsageError(`${fatal.path}: ${fatal.message}`);
  // Paths and messages quote lockfile text: no control characters or workflow commands reach stderr.
  const problems = inventory.errors.map((error) => neutraliseCommands(oneLine(`${where(error)}: ${error.message}`)));
  const text =
    cli.format === 'json'
      ? jsonForLog(renderInventoryJson(inventory.packages, inventory.errors, inventory.lockfiles))
      : renderInventoryText(inventory.packages, { color, lockfiles: inventory.lockfiles });
  return { text, problems };
}
