// What a shell (action or CLI) hands to the pipeline: plain data, already read from inputs or argv.
import type { ConfigOverrides } from './overrides.js';
import type { Mode } from '../context/context.js';

export interface Settings {
  /** Absolute path of the repository or folder to scan. */
  root: string;
  /** Explicit config path (input `config`, flag --config); else the standard locations. */
  configPath?: string;
  overrides: ConfigOverrides;
  /** Explicit mode; undefined = from the event, else from whether a base was given. */
  mode?: Mode;
  base?: string;
  head?: string;
  /** GitHub event, when running as an action. */
  eventName?: string;
  eventPayload?: unknown;
  /** False for --no-git. */
  git: boolean;
  token?: string;
  now?: Date;
}
