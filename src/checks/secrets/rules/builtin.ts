import type { SecretRule } from './types.js';
import { CLOUD_RULES } from './cloud.js';
import { CODE_HOST_RULES } from './code-hosts.js';
import { CHAT_RULES } from './chat.js';
import { PAYMENT_RULES } from './payments.js';
import { MESSAGING_RULES } from './messaging.js';
import { AI_RULES } from './ai.js';
import { REGISTRY_RULES } from './registries.js';
import { INFRA_RULES } from './infra.js';
import { PRIVATE_KEY_RULES } from './keys.js';
import { SAAS_RULES } from './saas.js';
import { PROVIDERS_A_F } from './providers/a-f.js';
import { PROVIDERS_P_Z } from './providers/p-z.js';
import { PROVIDERS_G_O } from './providers/g-o.js';
import { DATABASE_RULES } from './databases.js';
import { GENERIC_RULES } from './generic.js';
import { FRAMEWORK_RULES } from './frameworks.js';

/**
 * The built-in rule table, one file per provider family. Order matters: when two rules find the
 * same value the engine keeps the earlier one, so provider rules come first, then the
 * context-free shapes (JWT, connection strings), and the generic rule last.
 */
export const BUILTIN_RULES: SecretRule[] = [
  ...CLOUD_RULES,
  ...CODE_HOST_RULES,
  ...CHAT_RULES,
  ...PAYMENT_RULES,
  ...MESSAGING_RULES,
  ...AI_RULES,
  ...REGISTRY_RULES,
  ...INFRA_RULES,
  ...SAAS_RULES,
  ...PROVIDERS_A_F,
  ...PROVIDERS_P_Z,
  ...PROVIDERS_G_O,
  ...PRIVATE_KEY_RULES,
  ...DATABASE_RULES,
  ...FRAMEWORK_RULES,
  ...GENERIC_RULES,
];
