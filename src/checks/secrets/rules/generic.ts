import type { SecretRule } from './types.js';
import { ALNUM, BASE64, HEX, fake } from './fake.js';
import { NOT_A_LITERAL } from './not-literal.js';

/**
 * The last line of defence: a literal assigned to a name that says it is a secret, with no
 * provider format to lean on. Strict on purpose:
 * - the name ends in a secret word (`api_key`, `client_secret`, `db_password`, `authToken`),
 *   optionally with a short suffix (`_v2`, `Key`, `_b64`), and ends the identifier there:
 *   `password_hash`, `token_url` and `secretName` do not qualify; pagination and CSRF tokens are
 *   left out;
 * - the value is a LITERAL (detect/literal.ts): a quoted string anywhere, an unquoted value only
 *   in config formats and shell assignments; never an identifier, member access, call, `@ivar`,
 *   `$var`, template, regex or prose;
 * - the value then passes the generic checks (detect/validate.ts): long enough, a letter and a
 *   digit or symbol, not words, not a reference, path, version or placeholder, and not a broken
 *   copy of a provider's token.
 * The rules before it cover credential shapes that need no name: Authorization headers, .netrc,
 * command-line flags, curl --user, NuGet.config and XML password elements.
 */
const NAME =
  '(?:api[_.-]?key|apikey|secret|token|passw(?:or)?d|(?<![a-z])pass|pwd|auth[_.-]?(?:key|token)|access[_.-]?key|client[_.-]?secret|private[_.-]?key|credentials?|pass_?phrase|(?:encryption|signing|master|hmac|jwt)[_.-]?key)' +
  '(?:[_.-]?(?:key|token|secret|value|str|string|b64|base64|hex|v[0-9]|[0-9]))?';

/**
 * What must not come right before the name: inside a value (`arn:…:secret:name`, `/token/`), and
 * pagination or CSRF tokens and public keys. Tested on the text before the name, apart from the
 * name's regex: lookbehinds at every position of every line cost more than the rest of the scan.
 */
const NOT_AFTER =
  /(?:[:/@]|(?:page|csrf|xsrf|next|cursor|sync|continuation|resume|nonce|pagination|public|publishable|site|cancel|refresh_token_)[_.-]?)$/i;

const remediation =
  'Rotate the credential where it was issued and load it from a secret store or environment variable instead of the source.';

export const GENERIC_RULES: SecretRule[] = [
  {
    id: 'authorization-basic-credential',
    title: 'Credentials in an HTTP Basic Authorization header',
    provider: 'HTTP Authorization',
    confidence: 'generic',
    keywords: ['basic '],
    pattern: /\bbasic\s{1,4}(?<secret>[A-Za-z0-9+/]{16,500}={0,2})(?![\w.~+/=-])/i,
    minEntropy: 3,
    // Basic credentials are base64("user:password"): anything else after "basic" is prose.
    verify: (secret) => /^[^:\s]{1,256}:\S{4,}$/.test(Buffer.from(secret, 'base64').toString('latin1')),
    remediation: 'Change the password of the account the header logs in as, and send it from a secret store.',
    examples: {
      secret: [
        `Authorization: Basic ${Buffer.from(`svc:${fake(20, ALNUM, 'basic')}`).toString('base64')}`,
        `curl -H 'Authorization: basic ${Buffer.from(`deploy:${fake(16, ALNUM, 'basic2')}`).toString('base64')}' https://ci.acme.io`,
      ],
      notSecret: [
        'Authorization: Basic $CREDENTIALS',
        'This ships a basic debian installation for the integration suite',
        'auth_type = "basic authentication_scheme_default"',
      ],
    },
  },
  {
    id: 'authorization-header-credential',
    title: 'Credential in an HTTP Authorization header',
    provider: 'HTTP Authorization',
    confidence: 'generic',
    keywords: ['bearer', 'authorization'],
    // `Authorization: Bearer …` / `token …` in curl lines, scripts and HTTP files.
    pattern: /(?:\bbearer|authorization["']?\s{0,2}[:=,]\s{0,4}["']?token)\s{1,4}(?<secret>[A-Za-z0-9._~+/-]{20,500}={0,2})(?![\w.~+/=-])/i,
    // Hex tokens carry at most 4 bits per character: 3.3 keeps them and drops words.
    minEntropy: 3.3,
    remediation: 'Revoke the token with the service it authenticates to, and send it from a secret store.',
    examples: {
      secret: [
        `curl -H "Authorization: Bearer ${fake(40, ALNUM, 'bearer')}" https://api.acme.io/v1/me`,
        `headers = {"Authorization": "token ${fake(40, ALNUM, 'tokenhdr')}"}`,
      ],
      notSecret: [
        'curl -H "Authorization: Bearer $TOKEN" https://api.acme.io',
        'Authorization: Bearer <token>',
        'headers["Authorization"] = `Bearer ${token}`',
      ],
    },
  },
  {
    id: 'netrc-password',
    title: 'Password in a .netrc entry',
    provider: 'netrc',
    confidence: 'provider',
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
    confidence: 'generic',
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
    confidence: 'generic',
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
    confidence: 'provider',
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
    kind: 'context',
    id: 'xml-password-element',
    title: 'Password in an XML element (Maven settings, app config)',
    provider: 'XML config',
    confidence: 'generic',
    keywords: ['<password>', '<passphrase>', '<secret>', '<token>', '<apikey>', '<api_key>', '<clientsecret>', '<privatekey>'],
    // The value may sit on the next line, as formatters put it.
    value: /[A-Za-z0-9+/=_.~!@#$%^&*-]{8,200}(?=\s*(?:<\/|$))/,
    alphabet: 'A-Za-z0-9+/=_.~!@#$%^&*\\-',
    window: 24,
    minEntropy: 3,
    allow: [/^\{[A-Za-z0-9+/=]{8,}\}$/],
    remediation:
      'Change the password and use an encrypted or environment-provided value (Maven: `mvn --encrypt-password` or `${env.VAR}`).',
    examples: {
      secret: [`      <password>${fake(20, ALNUM, 'xmlpw')}</password>`, `<token>\n    ${fake(24, ALNUM, 'xmlpw2')}\n</token>`],
      notSecret: ['      <password>${env.OSSRH_PASSWORD}</password>', '      <password>{COQLCE6DU6GtcS5P=}</password>'],
    },
  },
  {
    kind: 'assignment',
    id: 'generic-hex-secret-assignment',
    title: 'Hex secret assigned in code or configuration',
    provider: 'Generic',
    confidence: 'generic',
    keywords: ['key', 'secret', 'token', 'pass', 'pwd', 'credential'],
    name: new RegExp(NAME, 'i'),
    notAfter: NOT_AFTER,
    // Hex keys carry at most 4 bits per character: their own shape and a lower entropy floor.
    value: /[a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{48}|[a-fA-F0-9]{64}/,
    minEntropy: 3,
    remediation,
    examples: {
      secret: [`app.config["SECRET_KEY"] = "${fake(32, HEX, 'genhex')}"`, `GITHUB_TOKEN=${fake(40, HEX, 'genhex2')}`],
      notSecret: [`password_hash = "${fake(32, HEX, 'genhex')}"`, `commit_sha = "${fake(40, HEX, 'genhex2')}"`],
    },
  },
  {
    kind: 'assignment',
    id: 'generic-env-key-assignment',
    title: 'Secret in an environment variable named *_KEY',
    provider: 'Generic',
    confidence: 'generic',
    keywords: ['_key', '_pass', '_auth'],
    // .env files, Dockerfile ENV, CI env blocks: `OPENAI_KEY=…`, `MAPS_KEY: …`. Upper-case names
    // only (case-sensitive), and not the many *_KEY names that hold no secret.
    name: /\b[A-Z][A-Z0-9_]{0,40}(?<!PUBLIC|PUBLISHABLE|SITE|GPG|PGP|CACHE|SORT|PARTITION|PRIMARY|FOREIGN|HASH|RANGE|IDEMPOTENCY|OBJECT|BUCKET|LOCK|QUEUE|MAP|LOOKUP|INDEX|ROW|SEARCH|SEARCH_ONLY|I18N|TRANSLATION|DEDUPE|SHARD|ROUTING|GROUP|MESSAGE|STATE|STORE|FILE|PATH|NAME|ID|REF)_(?:KEY|PASS|AUTH)/,
    minEntropy: 3.5,
    remediation,
    examples: {
      secret: [`BILLING_KEY=bk-${fake(40, ALNUM, 'envkey')}`, `ENV MAPS_KEY=${fake(32, ALNUM, 'envkey2')}`],
      notSecret: [
        'ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
        'CACHE_KEY=user-profile-v2',
        `NEXT_PUBLIC_KEY=${fake(32, ALNUM, 'envkey3')}`,
        'OPENAI_KEY=${OPENAI_KEY}',
      ],
    },
  },
  {
    kind: 'assignment',
    id: 'generic-secret-assignment',
    title: 'Secret assigned in code or configuration',
    provider: 'Generic',
    confidence: 'generic',
    keywords: ['key', 'secret', 'token', 'pass', 'pwd', 'credential'],
    name: new RegExp(NAME, 'i'),
    notAfter: NOT_AFTER,
    minEntropy: 3,
    remediation,
    examples: {
      secret: [
        `api_key = "${fake(32, ALNUM, 'gen1')}"`,
        `DB_PASSWORD=${fake(20, ALNUM, 'gen2')}`,
        `  client_secret: '${fake(40, BASE64, 'gen3')}'`,
        `const authToken = "${fake(24, ALNUM, 'gen4')}";`,
        `    "secretKey": "${fake(28, ALNUM, 'gen5')}",`,
        `$config['api_key'] .= '${fake(24, ALNUM, 'gen6')}';`,
        `API_TOKEN ?= ${fake(24, ALNUM, 'gen7')}`,
        `@secret_token ||= "${fake(24, ALNUM, 'gen8')}"`,
        `setdefault("api_key", "${fake(24, ALNUM, 'gen9')}")`,
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
        '    cancelToken: defaultToConfig2,',
        'ENV["X_SIGNING_KEY"] = @previous_key',
        '["--control-token", @control_auth_token]',
        'put "/disk/:encoded_token"',
        'Never pass :data:`~flask.current_app` as sender',
      ],
    },
  },
];
