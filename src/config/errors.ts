import { where } from '../finding.js';

/** One thing wrong in the config: where (a file and line, or the input or flag that set it), the key, and what. */
export interface ConfigProblem {
  /** The file (`.github/security-gate.yml`), or the input or flag that set the value (`input fail-on`, `--fail-on`). */
  file: string;
  detail: string;
  key?: string;
  line?: number;
}

/**
 * Config problems the user must fix, every one found in the run (not only the first): each renders as
 * `file:line: key: what is wrong`, one per line.
 */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(file: string, detail: string, key?: string, line?: number);
  constructor(problems: readonly ConfigProblem[]);
  constructor(first: string | readonly ConfigProblem[], detail = '', key?: string, line?: number) {
    const problems = typeof first === 'string' ? [{ file: first, detail, key, line }] : first;
    super(problems.map(describeProblem).join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }

  /** The first problem's file, key and line (most errors have one problem). */
  get file(): string {
    return this.problems[0]?.file ?? '';
  }

  get key(): string | undefined {
    return this.problems[0]?.key;
  }

  get line(): number | undefined {
    return this.problems[0]?.line;
  }
}

function describeProblem(problem: ConfigProblem): string {
  return `${where({ path: problem.file, line: problem.line })}: ${problem.key ? `${problem.key}: ` : ''}${problem.detail}`;
}

/** Bad command-line or action usage (unknown flag, bad value): exit code 2, no stack. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The repository cannot be scanned as asked (not a git repository, missing commit): exit code 2. */
export class RepositoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RepositoryError';
  }
}

/** Errors a shell reports as one clear sentence (and exit code 2) rather than a crash. */
export function isUserError(error: unknown): error is ConfigError | UsageError | RepositoryError {
  return error instanceof ConfigError || error instanceof UsageError || error instanceof RepositoryError;
}

/** One clear sentence for the user: the message of a known error, never a stack. */
export function describeError(error: unknown): string {
  if (isUserError(error)) return error.message;
  if (error instanceof Error) return `unexpected error: ${error.message}`;
  return `unexpected error: ${String(error)}`;
}
