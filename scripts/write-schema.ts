// Writes schema/security-gate.schema.json from the zod schema (a test checks it is up to date).
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../src/config/json-schema.js';

writeFileSync(new URL('../schema/security-gate.schema.json', import.meta.url), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
