// Values that have the shape of a credential but are documentation, templates or test fixtures.
// Applied to every rule's secret: a scanner that cries wolf gets removed from the workflow.

const PLACEHOLDER_PATTERNS: RegExp[] = [
  // AWS documents AKIAIOSFODNN7EXAMPLE; many providers follow suit.
  /EXAMPLE|example/,
  /xxxx|XXXX/,
  // <your-token>, <API_KEY>, <...>
  /<[^<>]{1,60}>/,
  // Template and interpolation syntax: ${VAR}, $(cmd), {{ var }}, %(var)s, #{var}, $VAR as the whole value.
  /\$\{[^}]*\}|\$\([^)]*\)|\{\{[^}]*\}\}|%\([^)]*\)s|#\{[^}]*\}|^\$[A-Za-z_][A-Za-z0-9_]*$/,
  /changeme|change_me|change-me|dummy|placeholder|redacted/i,
  // your_api_key, your-token-here, YOUR_SECRET
  /your[_-]?(?:api[_-]?)?(?:key|token|secret|password|pass)|(?:key|token|secret)[_-]?here/i,
  // Whole words only (`_` joins words): `sk_test_…` (Stripe test mode) and `attestation` stay.
  /\b(?:test|fake|sample|mock)\b/i,
  // aaaaaa, 000000: a run of six identical letters or digits.
  /([A-Za-z0-9])\1{5,}/,
  // a1b2c3d4…, 1a2b3c4d…: the interleaved count people type for a fake key.
  /a1b2c3d4|1a2b3c4d|A1B2C3D4/,
];

/** True for values like `AKIAIOSFODNN7EXAMPLE`, `<your-token>`, `${API_KEY}`, `xxxxxxxx`, `12345678`. */
export function isPlaceholder(secret: string): boolean {
  if (PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(secret))) return true;
  // A keyboard or alphabet run that makes up much of the value (`12345678`, `abcdefgh…`); a run
  // inside an otherwise random value is how some providers' samples look, and proves nothing.
  return hasSequentialRun(secret, Math.max(8, Math.ceil(secret.length * 0.4)));
}

/** `12345678`, `abcdefgh`, `ABCDEFGH`, `87654321`: a run of `length` consecutive characters. */
function hasSequentialRun(text: string, length: number): boolean {
  let up = 1;
  let down = 1;
  for (let index = 1; index < text.length; index++) {
    const previous = text.charCodeAt(index - 1);
    const current = text.charCodeAt(index);
    const alnum = isAlnum(previous) && isAlnum(current);
    up = alnum && current === previous + 1 ? up + 1 : 1;
    down = alnum && current === previous - 1 ? down + 1 : 1;
    if (up >= length || down >= length) return true;
  }
  return false;
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
