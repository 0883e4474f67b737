// The checks by name: the pipeline runs the ones the config asks for. Each is loaded only when it
// runs, by the thread that runs it, so the secrets rule table, the lockfile parsers and the advisory
// sources are never parsed for a run that does not need them (issue 13, "Start fast"); the bundler
// gives each check a chunk of its own.
import type { CheckName } from '../finding.js';
import type { Check } from './check.js';

export const CHECKS: Record<CheckName, () => Promise<Check>> = {
  deps: async () => (await import('./deps/index.js')).depsCheck,
  secrets: async () => (await import('./secrets/index.js')).secretsCheck,
  versions: async () => (await import('./versions/index.js')).versionsCheck,
};
