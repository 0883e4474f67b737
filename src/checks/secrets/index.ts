// The secrets check with the built-in rule table (issue 3).
import type { Check } from '../check.js';
import { makeSecretsCheck } from './check.js';
import { BUILTIN_RULES } from './rules/builtin.js';

// A long history or tree is read on every core: the helper threads load this same table.
export const secretsCheck: Check = makeSecretsCheck(BUILTIN_RULES, { workerRules: 'builtin' });
export { makeSecretsCheck } from './check.js';
