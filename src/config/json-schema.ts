// The config schema as JSON Schema, for editors (schema/security-gate.schema.json).
import * as z from 'zod';
import { configSchema } from './schema.js';

export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://github.com/security-gate/security-gate/schema/security-gate.schema.json',
    title: 'security-gate configuration',
  };
}
