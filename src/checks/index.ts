// The checks by name: the pipeline runs the ones the config asks for.
import type { CheckName } from '../finding.js';
import type { Check } from './check.js';
import { depsCheck } from './deps/index.js';
import { secretsCheck } from './secrets/index.js';
import { versionsCheck } from './versions/index.js';

export const CHECKS: Record<CheckName, Check> = {
  deps: depsCheck,
  secrets: secretsCheck,
  versions: versionsCheck,
};
