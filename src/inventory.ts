// `security-gate inventory`: the packages the dependencies check would match, as text or JSON.
import type { CliCommand } from './config/cli-args.js';
import { UsageError } from './config/errors.js';
import { inventoryOf } from './checks/deps/collect.js';
import { where } from './finding.js';
import { oneLine } from './report/control.js';
import { renderInventoryJson, renderInventoryText } from './report/inventory.js';
import { neutraliseCommands } from './report/workflow-commands.js';

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
      ? escapeControls(JSON.stringify(renderInventoryJson(inventory.packages, inventory.errors, inventory.lockfiles), null, 2))
      : renderInventoryText(inventory.packages, { color, lockfiles: inventory.lockfiles });
  return { text, problems };
}

/** JSON.stringify escapes C0 controls but writes DEL and the C1 range as they are: escape those too (still the same JSON). */
function escapeControls(json: string): string {
  return json.replace(/[\u007f-\u009f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
