// The secrets check with the built-in rule table (issue 3).
import type { Check } from '../check.js';
import { makeSecretsCheck } from './check.js';
import { BUILTIN_RULES } from './rules/builtin.js';

export const secretsCheck: Check = makeSecretsCheck(BUILTIN_RULES);
export { makeSecretsCheck } from './check.js';
