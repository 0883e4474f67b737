// What a shell (action or CLI) hands to the pipeline: plain data, already read from inputs or argv.
import type { Mode } from '../context/context.js';
import type { GitHubEvent } from '../context/event.js';
import type { OverrideNames, PartialConfig } from './values.js';

export interface Settings {
  /** Absolute path of the repository or folder to scan. */
  root: string;
  /** Explicit config path (input `config`, flag --config); else the standard locations. */
  configPath?: string;
  /** Action inputs or CLI flags in the config file's own keys (`{ 'fail-on': 'high' }`): merged over the file, validated with it. */
  overrides?: PartialConfig;
  /** Who set each override (`fail-on` -> `input fail-on`), so an error names the input or flag. */
  overrideNames?: OverrideNames;
  /** Defaults under the config file (the action's advisory cache under RUNNER_TEMP). */
  defaults?: PartialConfig;
  /** Explicit mode; undefined = from the event, else from whether a base was given. */
  mode?: Mode;
  base?: string;
  head?: string;
  /** The GitHub event, read once from its payload, when running as an action. */
  event?: GitHubEvent;
  /** False for --no-git. */
  git: boolean;
  /** --staged: scan what `git add` staged (a pre-commit hook). */
  staged?: boolean;
  /** --full: read the whole history again, ignoring the incremental history cache. */
  fullRescan?: boolean;
  token?: string;
  now?: Date;
}
