// Value shapes for keyword-context rows: each knows its regex source, its alphabet (for the
// boundaries) and how to make a deterministic sample of itself (for the row's own examples).
import { ALNUM as ALNUM_CHARS, BASE64URL as BASE64URL_CHARS, fake, fakeUuid } from './fake.js';

export interface Shape {
  /** Regex source of the whole value, no anchors or boundaries. */
  source: string;
  /** A character-class body of every character the value may contain: `A-Za-z0-9_-`. */
  alphabet: string;
  /** Shortest and longest value, for near-miss examples. */
  min: number;
  max: number;
  /** True when every character is a hex digit (entropy floors are lower for hex). */
  hex?: boolean;
  sample(salt: string): string;
}

type Length = number | [number, number];

const ALPHABETS = {
  hex: { body: '0-9a-f', chars: '0123456789abcdef' },
  HEX: { body: '0-9A-F', chars: '0123456789ABCDEF' },
  anyhex: { body: '0-9A-Fa-f', chars: '0123456789abcdef' },
  digits: { body: '0-9', chars: '0123456789' },
  lower: { body: 'a-z0-9', chars: 'abcdefghijklmnopqrstuvwxyz0123456789' },
  upper: { body: 'A-Z0-9', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789' },
  letters: { body: 'A-Za-z', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' },
  alnum: { body: 'A-Za-z0-9', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789' },
  b64: { body: 'A-Za-z0-9+/', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/' },
  b64url: { body: 'A-Za-z0-9_-', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-' },
  word: { body: 'A-Za-z0-9_', chars: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_' },
} as const;

type AlphabetName = keyof typeof ALPHABETS;

function run(name: AlphabetName, length: Length): Shape {
  const { body, chars } = ALPHABETS[name];
  const [min, max] = typeof length === 'number' ? [length, length] : length;
  return {
    source: `[${body}]{${min === max ? min : `${min},${max}`}}`,
    alphabet: body,
    min,
    max,
    ...(name === 'hex' || name === 'HEX' || name === 'anyhex' ? { hex: true } : {}),
    // Samples mix the alphabet's digits and letters, as real tokens do.
    sample: (salt) => fake(Math.max(min, Math.min(max, Math.round((min + max) / 2))), chars, `${name}${min}${salt}`),
  };
}

/** Lowercase hex: `[0-9a-f]{n}`. */
export const hex = (length: Length): Shape => run('hex', length);
/** Uppercase hex. */
export const upperHex = (length: Length): Shape => run('HEX', length);
/** Hex in either case. */
export const anyHex = (length: Length): Shape => run('anyhex', length);
export const digits = (length: Length): Shape => run('digits', length);
/** `[a-z0-9]`. */
export const lowerAlnum = (length: Length): Shape => run('lower', length);
/** `[A-Z0-9]`. */
export const upperAlnum = (length: Length): Shape => run('upper', length);
export const letters = (length: Length): Shape => run('letters', length);
/** `[A-Za-z0-9]`. */
export const alnum = (length: Length): Shape => run('alnum', length);
/** `[A-Za-z0-9_]`. */
export const word = (length: Length): Shape => run('word', length);
/** `[A-Za-z0-9_-]`. */
export const base64url = (length: Length): Shape => run('b64url', length);

/** Standard base64 with optional `=` padding. */
export function base64(length: Length): Shape {
  const body = run('b64', length);
  return { ...body, source: `${body.source}={0,2}`, alphabet: 'A-Za-z0-9+/=', max: body.max + 2 };
}

/** A lowercase UUID (8-4-4-4-12). `upper` also accepts uppercase hex. */
export function uuid(options: { upper?: boolean } = {}): Shape {
  const h = options.upper ? '0-9a-fA-F' : '0-9a-f';
  return {
    source: `[${h}]{8}-[${h}]{4}-[${h}]{4}-[${h}]{4}-[${h}]{12}`,
    alphabet: `${h}-`,
    min: 36,
    max: 36,
    // Hex and dashes: its entropy floor is a hex value's.
    hex: true,
    sample: (salt) => fakeUuid(salt),
  };
}

/**
 * 36 of `[a-z0-9-]`: how trufflehog reads UUID-keyed providers. A row narrower than the values
 * other scanners report would silence them (a provider keyword vouches against generic near
 * misses), so these rows take that reading, with a UUID as the sample; rows using it turn words
 * away (`notWords` in row.ts).
 */
export function uuidLike(): Shape {
  return custom('[a-z0-9-]{36}', 'a-z0-9\\-', 36, (salt) => uuid().sample(salt));
}

/** A run of one hand-written character class: `klass('A-Za-z0-9%', ALNUM + '%', 35)`. */
export function klass(body: string, chars: string, length: Length): Shape {
  const [min, max] = typeof length === 'number' ? [length, length] : length;
  return custom(`[${body}]{${min === max ? min : `${min},${max}`}}`, body, [min, max], (salt) =>
    fake(Math.round((min + max) / 2), chars, salt),
  );
}

/**
 * A signed JWT (header.payload.signature), for providers whose API keys are JWTs: their row names the
 * provider, where the provider-agnostic `jwt` rule could not. The sample's parts are real base64url JSON.
 */
export function jwt(): Shape {
  return custom('eyJ[A-Za-z0-9_-]{10,600}\\.eyJ[A-Za-z0-9_-]{10,4000}\\.[A-Za-z0-9_-]{16,1000}', 'A-Za-z0-9_.\\-', [45, 4606], (salt) => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: fake(20, ALNUM_CHARS, `${salt}.sub`), iat: 1764460800 })}.${fake(43, BASE64URL_CHARS, `${salt}.sig`)}`;
  });
}

/** A fixed literal inside a shape: `lit('sk_')`. */
export function lit(text: string): Shape {
  return {
    source: text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
    alphabet: classBody(text),
    min: text.length,
    max: text.length,
    sample: () => text,
  };
}

/** Parts one after another: `cat(lit('key-'), hex(32))`. */
export function cat(...parts: Shape[]): Shape {
  return {
    source: parts.map((part) => part.source).join(''),
    alphabet: mergeAlphabets(parts.map((part) => part.alphabet)),
    min: parts.reduce((sum, part) => sum + part.min, 0),
    max: parts.reduce((sum, part) => sum + part.max, 0),
    ...(parts.every((part) => part.hex) ? { hex: true } : {}),
    sample: (salt) => parts.map((part, index) => part.sample(`${salt}.${index}`)).join(''),
  };
}

/** Any one of the shapes (the first one gives the sample). */
export function oneOf(...shapes: Shape[]): Shape {
  return {
    // Grouped as a whole, so the alternatives stay apart inside `cat(oneOf(…), …)`.
    source: `(?:${shapes.map((shape) => `(?:${shape.source})`).join('|')})`,
    alphabet: mergeAlphabets(shapes.map((shape) => shape.alphabet)),
    min: Math.min(...shapes.map((shape) => shape.min)),
    max: Math.max(...shapes.map((shape) => shape.max)),
    ...(shapes.every((shape) => shape.hex) ? { hex: true } : {}),
    sample: (salt) => shapes[0]!.sample(salt),
  };
}

/** A regex source written by hand, with its alphabet and a sample maker. */
export function custom(source: string, alphabet: string, length: Length, sample: (salt: string) => string): Shape {
  const [min, max] = typeof length === 'number' ? [length, length] : length;
  return { source, alphabet, min, max, sample };
}

function classBody(text: string): string {
  return [...new Set(text)].map((char) => (/[\]\\^-]/.test(char) ? `\\${char}` : char)).join('');
}

/**
 * Joins class bodies into one. Each body is split into ranges (`a-z`), escapes and single
 * characters, and a bare dash is escaped, so joining `_-` and `A-Z` never forms the range `_-A`.
 */
export function mergeAlphabets(bodies: string[]): string {
  const tokens = new Set<string>();
  for (const body of bodies) {
    for (let index = 0; index < body.length;) {
      const char = body[index]!;
      if (char === '\\') {
        tokens.add(body.slice(index, index + 2));
        index += 2;
      } else if (body[index + 1] === '-' && index + 2 < body.length) {
        tokens.add(body.slice(index, index + 3));
        index += 3;
      } else {
        tokens.add(char === '-' ? '\\-' : char);
        index += 1;
      }
    }
  }
  return [...tokens].join('');
}
