/** A config problem the user must fix: renders as `file:line: key: what is wrong`. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly key?: string,
    readonly line?: number,
  ) {
    const where = line ? `${file}:${line}` : file;
    super(`${where}: ${key ? `${key}: ` : ''}${detail}`);
    this.name = 'ConfigError';
  }
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
