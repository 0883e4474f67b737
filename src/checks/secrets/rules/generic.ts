import type { SecretRule } from './types.js';
import { ALNUM, BASE64, HEX, fake } from './fake.js';

/**
 * The last line of defence: a high-entropy literal assigned to a name that says it is a secret.
 * Strict on purpose, since it has no provider format to lean on:
 * - the name must end in a secret word (`api_key`, `client_secret`, `db_password`, `authToken`),
 *   optionally followed by a short suffix (`_v2`, `Key`, `_b64`); `password_hash`, `token_url`,
 *   `secret_name` and the like do not qualify, and pagination or CSRF tokens are left out;
 * - the value is a literal of 12–100 characters with a letter and a digit or symbol, no spaces,
 *   parentheses or `&`, ending at a quote, a separator or the end of the line (so `getToken()`
 *   and `process.env.X` never match), with entropy of at least 3.5 bits per character (hex values,
 *   which carry at most 4, have their own rule with a lower floor);
 * - references, paths, identifiers, versions and placeholders are allowed out below.
 * The rules before it cover credential shapes that need no name: Authorization headers, .netrc,
 * command-line flags, curl --user, NuGet.config and XML password elements.
 */
const NAME =
  // Not inside a value (`arn:…:secret:name`, `/token/`), and not a pagination or CSRF token.
  '(?<![:/@])(?<!(?:page|csrf|xsrf|next|cursor|sync|continuation|resume|nonce|pagination|public|publishable|site)[_.-]?)' +
  '(?:api[_.-]?key|apikey|secret|token|passw(?:or)?d|(?<![a-z])pass|pwd|auth[_.-]?(?:key|token)|access[_.-]?key|client[_.-]?secret|private[_.-]?key|credentials?|pass_?phrase|(?:encryption|signing|master|hmac|jwt)[_.-]?key)' +
  '(?:[_.-]?(?:key|token|secret|value|str|string|b64|base64|hex|v[0-9]|[0-9]))?';
// `name = value` and friends, or a quoted name then a comma: `setdefault("API_KEY", "…")`,
// `define('TOKEN', '…')`. A type annotation may sit between name and `=`: `apiKey: string =`,
// `API_KEY: &str =`, `val token: String =`, `var token string =`. Quotes may be escaped (JSON in a
// string), and `=` may be aligned far from the name (terraform fmt, .ini files).
const TYPE = `(?:\\s{0,2}:\\s{0,2}&?(?:'static\\s{1,2})?(?:str|string|String|[A-Z][A-Za-z]{0,20})\\??|\\s{1,2}string)`;
const ASSIGN = `(?:[\\\\"'\\]]{0,3}${TYPE}?\\s{0,24}(?:=|:=|:|=>|\\?\\?=|\\|\\|=)|[\\\\]?["']\\s{0,2},)\\s{0,24}`;
// A letter, and a digit or symbol: identifiers and words have neither.
const VALUE = '(?=[^\\s"\'`]{0,99}[0-9!@#%^&*~+/])(?=[^\\s"\'`]{0,99}[A-Za-z])[A-Za-z0-9+/=_.~!@#$%^*-]{12,100}';
const END = '(?=[\\\\"\'`;,)}\\]&]|\\s|$)';

/** Sample credentials of RFC 6749 (OAuth 2.0) and RFC 7617, quoted by OAuth libraries and their docs. */
const RFC_SAMPLES =
  /^(?:2YotnFZFEjr1zCsicMWpAA|tGzv3JOkF0XG5Qx2TlKWIA|SplxlOBeZQQYbYS6WxSbIA|czZCaGRSa3F0MzpnWDFmQmF0M2JW|QWxhZGRpbjpvcGVuIHNlc2FtZQ==|mF_9\.B5f-4\.1JqM)/;

/** Literals that are not secrets: references, identifiers, paths, hashes, versions, placeholders. */
const VALUE_ALLOW: RegExp[] = [
  RFC_SAMPLES,
  // References to where the secret really lives.
  /^(?:process\.env|os\.environ|os\.getenv|env\.|ENV\[|System\.getenv|config\.|settings\.|self\.|this\.|props\.|params\.|args\.|options\.|opts\.|req\.|request\.|vars\.|secrets\.|inputs\.|context\.|ctx\.|cfg\.|conf\.)/i,
  // Sigils: $VAR, %VAR%, YAML &anchor and *alias, !negation and !Tag.
  /^[$%&*!]/,
  // Dotted or snake_case identifiers and CONSTANT_NAMES: code, not values.
  /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/,
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/,
  /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/,
  /^[a-z]+(?:-[a-z0-9]+)+$/,
  // Generated identifiers (`ParenToken$1`) and keyboard-run samples (`abc123xyz456`).
  /^[A-Za-z_][A-Za-z0-9_]*\$[A-Za-z0-9_$]*$/,
  /^(?:abc|xyz|qwe|asd|123|234|345|456|567|678|789|890)+$/i,
  // File paths and names of key files.
  /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/,
  /\.(?:pem|key|crt|cer|der|p12|pfx|jks|json|ya?ml|txt|env|toml|ini|conf|cfg|properties|xml|pub|gpg|asc)$/i,
  // Relative paths made of words: `keys/prod/signing`, `projects/42/secrets/db/versions/latest`.
  /^[A-Za-z_.-]+(?:\/[A-Za-z_.-]+)+\/?$/,
  /^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+){2,}\/?$/,
  // The UUID of every documentation page.
  /^(?:123e4567-e89b-12d3-a456-426614174000|3fa85f64-5717-4562-b3fc-2c963f66afa6)$/i,
  // Test-mode and publishable keys of providers whose own rules skip them.
  /^(?:sk|pk|rk)_test_|^pk_live_|^rzp_test_|^shippo_test_|^duffel_test_|^FLWSECK_TEST|^FLWPUBK|^EZTK|^access-sandbox-|\$sandbox\$|^sandbox[_-]/i,
  // Hashes of lockfiles and SRI, and hex digests named as such.
  /^sha(?:1|256|384|512)[-:]/i,
  // Version strings, dates and times.
  /^v?\d+(?:\.\d+){1,3}(?:[-+][A-Za-z0-9.]+)?$/,
  /^\d{4}-\d{2}-\d{2}/,
  // Masked or elided values.
  /\*{3,}|\.{3}|•/,
  // Placeholders the global filter does not know.
  /^(?:your|my|some|insert|enter|replace|put|todo|fixme|none|null|undefined|secret|password|token|apikey|api_key)[^A-Za-z]/i,
];

/** Shared by the rules below: references, identifiers, placeholders. */
const NOT_A_LITERAL: RegExp[] = [
  RFC_SAMPLES,
  /^(?:process\.env|os\.environ|os\.getenv|env\.|ENV\[|System\.getenv|config\.|settings\.|secrets\.|vars\.|inputs\.)/i,
  /^[$%&*!{<[]/,
  /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+$/,
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/,
  /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$/,
  /^(?:your|my|some|insert|enter|replace|put|todo|none|null|undefined|secret|password|token)[^A-Za-z]/i,
];

export const GENERIC_RULES: SecretRule[] = [
  {
    id: 'authorization-header-credential',
    title: 'Credential in an HTTP Authorization header',
    provider: 'HTTP Authorization',
    severity: 'medium',
    keywords: ['bearer', 'basic ', 'authorization', 'token '],
    // `Authorization: Bearer …` / `Basic base64(user:pass)` / `token …` in curl lines, scripts and HTTP files.
    pattern:
      /(?:\bbearer|\bbasic|authorization["']?\s{0,2}[:=,]\s{0,4}["']?token)\s{1,4}(?<secret>[A-Za-z0-9._~+/-]{20,500}={0,2})(?![\w.~+/=-])/i,
    minEntropy: 3.8,
    allow: NOT_A_LITERAL,
    remediation: 'Revoke the token (or change the password) with the service it authenticates to, and send it from a secret store.',
    examples: {
      secret: [
        `curl -H "Authorization: Bearer ${fake(40, ALNUM, 'bearer')}" https://api.acme.io/v1/me`,
        `Authorization: Basic ${Buffer.from(`svc:${fake(20, ALNUM, 'basic')}`).toString('base64')}`,
        `headers = {"Authorization": "token ${fake(40, ALNUM, 'tokenhdr')}"}`,
      ],
      notSecret: [
        'curl -H "Authorization: Bearer $TOKEN" https://api.acme.io',
        'Authorization: Bearer <token>',
        'headers["Authorization"] = `Bearer ${token}`',
        'auth_type = "basic authentication_scheme_default"',
      ],
    },
  },
  {
    id: 'netrc-password',
    title: 'Password in a .netrc entry',
    provider: 'netrc',
    severity: 'high',
    keywords: ['machine'],
    pattern: /\bmachine\s{1,8}[^\s]{1,100}\s{1,8}login\s{1,8}[^\s]{1,100}\s{1,8}password\s{1,8}(?<secret>[^\s]{8,200})/,
    minEntropy: 3,
    allow: NOT_A_LITERAL,
    remediation: 'Change the password or revoke the token, and keep .netrc out of the repository.',
    examples: {
      secret: [`machine api.heroku.com login ops@acme.io password ${fake(32, ALNUM, 'netrc')}`],
      notSecret: ['machine github.com login bot password $GITHUB_TOKEN'],
    },
  },
  {
    id: 'cli-password-argument',
    title: 'Password or token passed on a command line',
    provider: 'Command line',
    severity: 'medium',
    keywords: ['--password', '--passwd', '--token', '--api-key', '--apikey', '--secret', '--client-secret'],
    pattern:
      /(?:^|\s)--(?:password|passwd|token|api-?key|secret|client-secret|auth-token)(?:=|\s{1,4})["']?(?<secret>[^\s"'$]{12,200})(?=["'\s]|$)/,
    minEntropy: 3.5,
    allow: [...NOT_A_LITERAL, /^-/, /^(?:\.{0,2}\/|~\/)/],
    remediation:
      'Rotate the credential; pass it through an environment variable or stdin (`--password-stdin`) rather than argv, which is logged and visible in ps.',
    examples: {
      secret: [
        `docker login registry.acme.io -u deploy --password ${fake(24, ALNUM, 'cli')}`,
        `vault login --token=${fake(26, ALNUM, 'cli2')}`,
      ],
      notSecret: [
        'docker login -u deploy --password "$REGISTRY_PASSWORD" registry.acme.io',
        'echo "$PW" | docker login --password-stdin',
        '  --token ${{ secrets.NPM_TOKEN }}',
      ],
    },
  },
  {
    id: 'curl-user-password',
    title: 'Password in a curl --user argument',
    provider: 'curl',
    severity: 'medium',
    keywords: ['curl'],
    pattern: /\bcurl\b[^\n]{0,200}?\s(?:-u|--user)\s{1,4}["']?[^\s:"'$]{1,64}:(?<secret>[^\s"'@$]{8,128})(?=["'\s]|$)/,
    minEntropy: 3,
    allow: NOT_A_LITERAL,
    remediation: 'Change the password or revoke the token, and pass it with --netrc-file or an environment variable.',
    examples: {
      secret: [`curl -sf -u deploy:${fake(24, ALNUM, 'curlu')} https://nexus.acme.io/repository/raw/`],
      notSecret: ['curl -u "$USER:$TOKEN" https://api.github.com/user', 'curl -u admin:admin http://localhost:8080/'],
    },
  },
  {
    id: 'nuget-config-password',
    title: 'Clear-text password in NuGet.config',
    provider: 'NuGet',
    severity: 'high',
    keywords: ['cleartextpassword'],
    pattern: /<add\s{1,4}key="ClearTextPassword"\s{1,4}value="(?<secret>[^"]{8,200})"/i,
    minEntropy: 3,
    allow: NOT_A_LITERAL,
    remediation:
      'Revoke the feed token and use `dotnet nuget add source --store-password-in-clear-text` only from CI secrets, or a credential provider.',
    examples: {
      secret: [`      <add key="ClearTextPassword" value="${fake(40, ALNUM, 'nugetcfg')}" />`],
      notSecret: ['      <add key="ClearTextPassword" value="%NUGET_FEED_TOKEN%" />'],
    },
  },
  {
    id: 'xml-password-element',
    title: 'Password in an XML element (Maven settings, app config)',
    provider: 'XML config',
    severity: 'medium',
    keywords: ['<password>', '<passphrase>', '<secret>', '<token>', '<apikey>', '<api_key>', '<clientsecret>', '<privatekey>'],
    pattern: /<(?<tag>password|passphrase|secret|token|apiKey|api_key|clientSecret|privateKey)>(?<secret>[^<\s]{8,200})<\/\k<tag>>/i,
    minEntropy: 3,
    allow: [...NOT_A_LITERAL, /^\{[A-Za-z0-9+/=]{8,}\}$/],
    remediation:
      'Change the password and use an encrypted or environment-provided value (Maven: `mvn --encrypt-password` or `${env.VAR}`).',
    examples: {
      secret: [`      <password>${fake(20, ALNUM, 'xmlpw')}</password>`],
      notSecret: ['      <password>${env.OSSRH_PASSWORD}</password>', '      <password>{COQLCE6DU6GtcS5P=}</password>'],
    },
  },
  {
    id: 'generic-env-key-assignment',
    title: 'Secret in an environment variable named *_KEY',
    provider: 'Generic',
    severity: 'medium',
    keywords: ['_key', '_pass', '_auth'],
    // .env files, Dockerfile ENV, CI env blocks: `OPENAI_KEY=…`, `MAPS_KEY: …`. Upper-case names
    // only (case-sensitive), and not the many *_KEY names that hold no secret.
    pattern: new RegExp(
      `\\b[A-Z][A-Z0-9_]{0,40}(?<!PUBLIC|PUBLISHABLE|SITE|GPG|PGP|CACHE|SORT|PARTITION|PRIMARY|FOREIGN|HASH|RANGE|IDEMPOTENCY|OBJECT|BUCKET|LOCK|QUEUE|MAP|LOOKUP|INDEX|ROW|SEARCH|SEARCH_ONLY|I18N|TRANSLATION|DEDUPE|SHARD|ROUTING|GROUP|MESSAGE|STATE|STORE|FILE|PATH|NAME|ID|REF)_(?:KEY|PASS|AUTH)["']?\\s{0,24}[=:]\\s{0,24}["'\`]?(?<secret>${VALUE})${END}`,
    ),
    minEntropy: 3.5,
    allow: VALUE_ALLOW,
    remediation: 'Rotate the credential where it was issued and load it from a secret store or environment variable instead of the source.',
    examples: {
      secret: [`OPENAI_KEY=sk-${fake(40, ALNUM, 'envkey')}`, `ENV MAPS_KEY=${fake(32, ALNUM, 'envkey2')}`],
      notSecret: [
        'ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
        'CACHE_KEY=user-profile-v2',
        `NEXT_PUBLIC_KEY=${fake(32, ALNUM, 'envkey3')}`,
        'OPENAI_KEY=${OPENAI_KEY}',
      ],
    },
  },
  {
    id: 'generic-hex-secret-assignment',
    title: 'Hex secret assigned in code or configuration',
    provider: 'Generic',
    severity: 'medium',
    keywords: ['key', 'secret', 'token', 'pass', 'pwd', 'credential'],
    // Hex keys (32, 40, 48 or 64 digits) carry at most 4 bits per character, so they get their
    // own, lower entropy floor; the name and boundary rules are the generic rule's.
    pattern: new RegExp(
      `${NAME}${ASSIGN}(?:[rbuf]?\\\\?["'\`])?(?<secret>[a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{48}|[a-fA-F0-9]{64})${END}`,
      'i',
    ),
    minEntropy: 3,
    remediation: 'Rotate the credential where it was issued and load it from a secret store or environment variable instead of the source.',
    examples: {
      secret: [`app.config["SECRET_KEY"] = "${fake(32, HEX, 'genhex')}"`, `GITHUB_TOKEN=${fake(40, HEX, 'genhex2')}`],
      notSecret: [`password_hash = "${fake(32, HEX, 'genhex')}"`, `commit_sha = "${fake(40, HEX, 'genhex2')}"`],
    },
  },
  {
    id: 'generic-secret-assignment',
    title: 'Secret assigned in code or configuration',
    provider: 'Generic',
    severity: 'medium',
    keywords: ['key', 'secret', 'token', 'pass', 'pwd', 'credential'],
    pattern: new RegExp(`${NAME}${ASSIGN}(?:[rbuf]?\\\\?["'\`])?(?<secret>${VALUE})${END}`, 'i'),
    minEntropy: 3.5,
    allow: VALUE_ALLOW,
    remediation: 'Rotate the credential where it was issued and load it from a secret store or environment variable instead of the source.',
    examples: {
      secret: [
        `api_key = "${fake(32, ALNUM, 'gen1')}"`,
        `DB_PASSWORD=${fake(20, ALNUM, 'gen2')}`,
        `  client_secret: '${fake(40, BASE64, 'gen3')}'`,
        `const authToken = "${fake(24, ALNUM, 'gen4')}";`,
        `    "secretKey": "${fake(28, ALNUM, 'gen5')}",`,
      ],
      notSecret: [
        'api_key = process.env.API_KEY',
        'password = os.environ["DB_PASSWORD"]',
        'token: ${{ secrets.GITHUB_TOKEN }}',
        'const token = getAccessToken(user);',
        'private_key: /etc/ssl/private/server.key',
        'password_hash = "5f4dcc3b5aa765d61d8327deb882cf99"',
        'next_page_token: "CiAKGjBpNDd2Nmp2Zml2cXRwYjBpOXA0ZzI"',
        'api_key: Optional[str] = None',
        'SECRET_KEY = "django-insecure-change-me-in-production"',
        'password: "hunter2"',
        'token_url = "https://oauth2.googleapis.com/token"',
        'secret: SECRET_NAME_IN_VAULT_V2',
      ],
    },
  },
];
