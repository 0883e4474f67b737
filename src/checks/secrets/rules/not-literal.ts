// Values that read as code or configuration references, never as secrets themselves: shared by the
// generic checks (detect/validate.ts) and by rules whose values are passwords of any shape.

/**
 * Dotted names and member access, CONSTANT_NAMES, snake_case and kebab-case words: identifiers,
 * unless one of their parts is a long random run (`web_akqaeqqsrlb5bczdblzgi4g94i`, `dt0c01.hedm0f…`),
 * which is how many providers write a prefix before a token.
 */
const IDENTIFIER_SHAPES: RegExp[] = [
  /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+(?:\(\))?$/,
  // Member and index expressions: `Jobs[-1].JobId`, `items[0].token`.
  /^[A-Za-z_$][\w$]*(?:\[[^\]]{1,20}\]|\.[A-Za-z_$][\w$]*)+$/,
  // CONSTANT_NAMES, dunder-wrapped too (`__WEBPACK_MODULE_REFERENCE__`).
  /^_*[A-Z][A-Z0-9]*(?:_+[A-Z0-9]+)+_*$/,
  /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/,
  /^[a-z]+(?:-[a-z0-9]+)+$/,
];

export function isIdentifier(value: string): boolean {
  if (!IDENTIFIER_SHAPES.some((shape) => shape.test(value))) return false;
  return !value.split(/[._-]/).some((part) => part.length >= 12 && /[0-9]/.test(part) && /[A-Za-z]/.test(part));
}

/** Values that are code or configuration references, never secrets themselves. */
export const NOT_A_LITERAL: RegExp[] = [
  // References to where the secret really lives.
  /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv|env\.|ENV\[|System\.getenv|Deno\.env|config\.|settings\.|self\.|this\.|props\.|params\.|args\.|options\.|opts\.|req\.|request\.|vars\.|secrets\.|inputs\.|context\.|ctx\.|cfg\.|conf\.|github\.|steps\.|needs\.|matrix\.)/i,
  // Sigils: $VAR, %VAR%, @ivar, &anchor, *alias, !Tag, {placeholder}, [list], <tag>, :symbol.
  /^[$%@&*!{[<(:\\]/,
  /%[A-Za-z_][A-Za-z0-9_]*%|\$\{|\$\(|#\{|\{\{|\{\d\}|%\(|%[sd]\b/,
  // Generated identifiers (`ParenToken$1`).
  /^[A-Za-z_][A-Za-z0-9_]*\$[A-Za-z0-9_$]*$/,
  // Paths, URLs without credentials, file names of key files.
  /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\|https?:\/\/[^:@/]+(?:[/?#]|$))/,
  /\.(?:pem|key|crt|cer|der|p12|pfx|jks|json|ya?ml|txt|env|toml|ini|conf|cfg|properties|xml|pub|gpg|asc|js|ts|py|rb|go|java|html?)$/i,
  /^[A-Za-z_.-]+(?:\/[A-Za-z_.-]+)+\/?$/,
  /^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+){2,}\/?$/,
  // Route patterns (`/disk/:encoded_token`) and regular expressions.
  /\/:[a-z_]+/,
  /^\^|\$$|\\[dwsbDWS]|\(\?[:=!<]/,
  // Hashes named as such, SRI, versions, dates, times.
  /^sha(?:1|224|256|384|512)[-:]/i,
  /^v?\d+(?:\.\d+){1,3}(?:[-+][A-Za-z0-9.]+)?$/,
  /^\d{4}-\d{2}-\d{2}/,
  // Query strings (`st=2025-03-04T07:24Z&se=…&sp=r`): parameters, whose secret part (a SAS `sig=`) has its own rule.
  /^[A-Za-z0-9_.-]{1,32}=[^&\s]*&[A-Za-z0-9_.-]{1,32}=/,
  // Masked or elided values.
  /\*{3,}|\.{3}|…|•/,
  // Placeholders the global filter does not know.
  /^(?:your|my|some|insert|enter|replace|put|todo|fixme|none|null|nil|undefined|secret|password|passwd|token|apikey|api_key|string|bearer)[^A-Za-z]/i,
  // A UUID alone names nothing: request ids, change tokens, resource ids. Providers whose keys are
  // UUIDs have rows that need their name next to it.
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  // Test-mode and publishable keys, whose own provider rules report them.
  /^(?:pk_(?:live|test)_|rzp_test_|FLWPUBK)/,
];
