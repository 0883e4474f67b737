import type { PolicyFiles } from '../config/policy-files.js';
import type { Config } from '../config/schema.js';
import type { Context } from '../context/context.js';
import type { CheckName, CheckResult } from '../finding.js';

/** Progress for long scans (commits scanned); the CLI shows it on a TTY, the action ignores it. */
export type Progress = (event: { check: CheckName; done: number; total?: number; unit: string }) => void;

export interface CheckOptions {
  progress?: Progress;
  /** The repository's policy files (.gitleaks.toml, .gitleaksignore), read by the pipeline: from the base commit on a pull request. */
  policyFiles?: PolicyFiles;
}

/** A check never prints and never touches GitHub: it takes plain data and returns plain data. */
export type Check = (context: Context, config: Config, options?: CheckOptions) => Promise<CheckResult>;
