// Deterministic code-like text for the secrets benches (bench/secrets.ts, bench/working-tree.ts,
// bench/limits.ts): TypeScript-ish source lines, YAML-ish config lines, and a few real-shaped secrets.
let seed = 0x5eed;

/** Restarts the sequence, so each bench builds the same text whatever ran before it. */
export function reseed(value = 0x5eed): void {
  seed = value;
}

export function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
export const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const chars = (length: number, alphabet: string): string =>
  Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');

export const WORDS = [
  'user',
  'order',
  'invoice',
  'account',
  'session',
  'cache',
  'queue',
  'payment',
  'report',
  'token',
  'config',
  'client',
  'server',
  'request',
  'response',
  'item',
  'price',
  'total',
  'status',
  'event',
  'handler',
  'service',
  'record',
  'result',
  'value',
  'index',
  'count',
  'limit',
  'offset',
  'page',
];
export const name = (): string => pick(WORDS) + pick(WORDS).replace(/^./, (c) => c.toUpperCase());
export const CODE_LINES: (() => string)[] = [
  () => `  const ${name()} = await ${name()}.find({ id: ${name()}.id, status: '${pick(WORDS)}' });`,
  () => `  if (${name()}.length > ${Math.floor(random() * 100)}) return ${name()}.slice(0, ${Math.floor(random() * 50)});`,
  () =>
    `export function ${name()}(${name()}: ${pick(['string', 'number', 'Options', 'Request'])}): ${pick(['void', 'boolean', 'Promise<void>'])} {`,
  () => `  // ${pick(WORDS)} the ${pick(WORDS)} before the ${pick(WORDS)} is sent to the ${pick(WORDS)}`,
  () => `import { ${name()}, ${name()} } from './${pick(WORDS)}/${pick(WORDS)}.js';`,
  () => `  logger.info(\`${pick(WORDS)} \${${name()}.id} took \${Date.now() - started}ms\`);`,
  () => `  return { ...${name()}, ${pick(WORDS)}: ${name()}.${pick(WORDS)} ?? null };`,
  () => '}',
  () => `  throw new Error('${pick(WORDS)} ${pick(WORDS)} is not ${pick(['valid', 'ready', 'allowed'])}');`,
  () => `  const url = \`https://api.${pick(WORDS)}.internal/v2/${pick(WORDS)}s/\${id}\`;`,
  () => `  password: process.env.${pick(WORDS).toUpperCase()}_PASSWORD,`,
  () => `  api_key: config.${pick(WORDS)}.apiKey,`,
];
export const CONFIG_LINES: (() => string)[] = [
  () => `${pick(WORDS)}_${pick(WORDS)}: ${Math.floor(random() * 10_000)}`,
  () => `  ${pick(WORDS)}: "${pick(WORDS)}-${chars(6, 'abcdef0123456789')}"`,
  () => `  timeout_${pick(WORDS)}: ${Math.floor(random() * 60)}s`,
  () => `  image: registry.example.com/${pick(WORDS)}:${Math.floor(random() * 9)}.${Math.floor(random() * 20)}.${Math.floor(random() * 9)}`,
  () => `  token: \${{ secrets.${pick(WORDS).toUpperCase()}_TOKEN }}`,
];
export const lines = (count: number, kinds: (() => string)[]): string =>
  `${Array.from({ length: count }, () => pick(kinds)()).join('\n')}\n`;

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const SECRETS: (() => string)[] = [
  () => `AWS_ACCESS_KEY_ID=AKIA${chars(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  () => `GITHUB_TOKEN=ghp_${chars(36, ALNUM)}`,
  () => `slack: xoxb-${chars(11, '0123456789')}-${chars(12, '0123456789')}-${chars(24, ALNUM)}`,
  () => `stripe_key = "sk_live_${chars(24, ALNUM)}"`,
];
