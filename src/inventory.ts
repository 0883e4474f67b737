// `security-gate inventory`: the packages the dependencies check would match, as text or JSON.
import type { CliCommand } from './config/cli-args.js';
import { UsageError } from './config/errors.js';
import { inventoryOf } from './checks/deps/collect.js';
import { renderInventoryJson, renderInventoryText } from './report/inventory.js';

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
  const problems = inventory.errors.map((error) => `${error.line ? `${error.path}:${error.line}` : error.path}: ${error.message}`);
  const text =
    cli.format === 'json'
      ? JSON.stringify(renderInventoryJson(inventory.packages, inventory.errors), null, 2)
      : renderInventoryText(inventory.packages, { color });
  return { text, problems };
}
