// Provider rules for providers named A to F (and names starting with a digit): mostly keyword-context
// rows (the provider's name, then within a short window a value of its shape), and prefix patterns
// where the token carries its own literal prefix. Shapes follow the format the provider issues, as
// trufflehog's detectors and gitleaks' rules read it; each row makes its own examples (rules/row.ts).
import type { ContextRule, PatternRule, SecretRule } from '../types.js';
import { literal, prefixedRule } from '../define.js';
import { prefixed } from '../context.js';
import { providerRow, type ProviderRowSpec } from '../row.js';
import {
  alnum,
  anyHex,
  base64,
  base64url,
  cat,
  custom,
  digits,
  hex,
  lit,
  lowerAlnum,
  oneOf,
  upperAlnum,
  uuid,
  word,
  type Shape,
} from '../shapes.js';
import { ALNUM, BASE64, BASE64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, fake } from '../fake.js';

/** A run of one hand-written character class: `klass('A-Za-z0-9%', ALNUM + '%', 35)`. */
function klass(body: string, chars: string, length: number | [number, number]): Shape {
  const [min, max] = typeof length === 'number' ? [length, length] : length;
  return custom(`[${body}]{${min === max ? min : `${min},${max}`}}`, body, [min, max], (salt) =>
    fake(Math.round((min + max) / 2), chars, salt),
  );
}

/**
 * Camel-cased identifiers (`authenticationId`, `PascalCaseName`): a keyword followed by code, not
 * by a key. Random keys of these alphabets almost always hold a digit or two capitals in a row.
 * Each hump starts at its one capital, so the match is linear.
 */
const WORD_LIKE = /^(?:[a-z]+|[A-Z][a-z]+)(?:[A-Z][a-z]+)+$/;

/** A camel-cased identifier of exactly `length` letters, for near-miss examples. */
function identifierOf(length: number): string {
  const words = 'customerAccountLookupTableForRequestHandlerWithRetryPolicyAndTimeoutSettings';
  const identifier = words.repeat(Math.ceil(length / words.length)).slice(0, length);
  return /[A-Z]$/.test(identifier) ? `${identifier.slice(0, -1)}x` : identifier;
}

/** A provider row that never takes a camel-cased identifier for a key. */
function row(spec: ProviderRowSpec): ContextRule {
  const identifier = identifierOf(spec.value.min);
  const shaped = new RegExp(`^(?:${spec.value.source})$`).test(identifier);
  return providerRow({
    ...spec,
    allow: [WORD_LIKE, ...(spec.allow ?? [])],
    // An identifier of the value's very shape, where the shape allows one: the guard is what stops it.
    notSecret: [...(spec.notSecret ?? []), ...(shaped ? [`${spec.keywords[0]!}: ${identifier}`] : [])],
  });
}

/**
 * A row whose keyword also names a public ID of the same shape (an app ID beside its secret): the
 * name between the keyword and the value must also say secret, so `AGORA_APP_ID=…` is left alone.
 * The generated multi-line example names no secret, so it is not kept.
 */
function secretRow(spec: ProviderRowSpec, says = 'secret|token|key|cert|password|pass'): ContextRule {
  const made = row(spec);
  const words = spec.keywords.map((keyword) => literal(keyword)).join('|');
  const name = new RegExp(`(?:${words})[\\w .-]{0,24}(?:${says})`, 'i');
  const sample = spec.value.sample(spec.provider);
  const shout = spec.keywords[0]!.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return {
    ...made,
    name,
    examples: {
      secret: [...made.examples.secret.filter((text) => name.test(text.split('\n')[0]!)), `${shout}_SECRET=${sample}`],
      notSecret: [...made.examples.notSecret, `${spec.keywords[0]!}_app_id = '${sample}'`],
    },
  };
}

/**
 * Microsoft's identifiable keys carry a service signature at a fixed offset (`AzFu` in a Functions
 * key, `+ACR` in a Container Registry password), so the format alone names the service.
 */
interface AzureKeySpec {
  id: string;
  title: string;
  /** Signature between the random parts. */
  marker: string;
  /** Character-class body and sample alphabet of the random parts. */
  body: string;
  chars: string;
  before: number;
  after: number;
  /** Regex source and sample of the end (`[AQgw]==` for a 64-byte key in base64). */
  tail: string;
  tailSample: string;
  remediation: string;
}

function azureKey(spec: AzureKeySpec): PatternRule {
  const run = `[${spec.body}]`;
  const source = `${run}{${spec.before}}${literal(spec.marker)}${run}{${spec.after}}${spec.tail}`;
  const sample = fake(spec.before, spec.chars, spec.id) + spec.marker + fake(spec.after, spec.chars, `${spec.id}/2`) + spec.tailSample;
  return {
    id: spec.id,
    title: spec.title,
    provider: 'Azure',
    confidence: 'confirmed',
    keywords: [spec.marker.toLowerCase()],
    pattern: new RegExp(`(?<![${spec.body}])(?<secret>${source})(?![=${spec.body}])`),
    minEntropy: 4,
    remediation: spec.remediation,
    examples: {
      secret: [`AZURE_KEY=${sample}`, `  "primaryKey": "${sample}",`],
      notSecret: [`AZURE_KEY=${sample.slice(1)}`, `AZURE_KEY=${sample.replace(spec.marker, spec.marker.toLowerCase())}`],
    },
  };
}

/**
 * For a keyword that also starts common identifiers (`deeplink`, `bestTimeSlot`): it must end a
 * word there (`DEEPL_AUTH_KEY`, `deepl key`), at the cost of camel-cased names (`deeplKey`).
 */
function standalone(row: ContextRule): ContextRule {
  return { ...row, name: new RegExp(`(?:${row.keywords.map((keyword) => literal(keyword)).join('|')})(?![a-z])`, 'i') };
}

/**
 * A JSON Web Token, for providers that issue one as the API key: named by the provider's row
 * rather than by the provider-agnostic `jwt` rule.
 */
const JWT_TOKEN = custom(
  'eyJ[A-Za-z0-9_-]{10,500}\\.eyJ[A-Za-z0-9_-]{10,4000}\\.[A-Za-z0-9_-]{16,1000}',
  'A-Za-z0-9_.-',
  [45, 4506],
  (salt) => `eyJ${fake(33, BASE64URL, salt)}.eyJ${fake(90, BASE64URL, `${salt}/p`)}.${fake(43, BASE64URL, `${salt}/s`)}`,
);

/** UUIDs are hex and dashes: their entropy sits lower than other 36-character tokens'. */
const UUID_ENTROPY = 3;

const AZURE_PORTAL = 'Regenerate the key in the Azure portal (the resource > Keys) and move the app to managed identity or Key Vault.';

/** Atlassian Data Center tokens are base64 of a 12-digit token id, a colon and random bytes. */
function isDataCenterToken(value: string): boolean {
  return /^\d{12}:/.test(Buffer.from(value.slice(0, 20), 'base64').toString('latin1'));
}

/** A 12-digit id and a colon, then random bytes, in base64: the shape of a Data Center token. */
function dataCenterSample(salt: string): string {
  const random = Buffer.from(fake(20, ALNUM, salt), 'latin1');
  return Buffer.concat([Buffer.from(`${fake(12, DIGITS, salt)}:`, 'latin1'), random]).toString('base64');
}

export const PROVIDERS_A_F: SecretRule[] = [
  // A
  row({ provider: 'Abyssale', keywords: ['abyssale'], value: alnum(40) }),
  row({ provider: 'Abstract API', keywords: ['abstractapi', 'abstract_api'], value: lowerAlnum(32) }),
  row({ provider: 'AbuseIPDB', keywords: ['abuseipdb'], value: lowerAlnum(80) }),
  row({
    provider: 'AccuWeather',
    keywords: ['accuweather'],
    // Keys are 32 alphanumerics; trufflehog's detector also reads 35-character keys with `%` signs.
    value: oneOf(alnum(32), klass('A-Za-z0-9%', `${ALNUM}%`, 35)),
  }),
  row({
    provider: 'ActiveCampaign',
    keywords: ['activecampaign', 'active_campaign'],
    value: hex(72),
    remediation: 'Reset the key in ActiveCampaign (Settings > Developer).',
  }),
  row({ provider: 'Adzuna', keywords: ['adzuna'], value: lowerAlnum(32), title: 'Adzuna app key' }),
  row({ provider: 'Aero Workflow', keywords: ['aeroworkflow'], value: klass('A-Za-z0-9^!', `${ALNUM}^!`, 20) }),
  row({
    provider: 'AfterShip',
    keywords: ['aftership'],
    value: oneOf(cat(lit('asat_'), hex(32)), uuid()),
    minEntropy: UUID_ENTROPY,
  }),
  secretRow({ provider: 'Agora', keywords: ['agora'], value: lowerAlnum(32), title: 'Agora app certificate' }),
  row({ provider: 'Aha!', keywords: ['aha_api', 'aha_token', 'aha.io'], value: hex(64) }),
  row({ provider: 'AI21 Labs', keywords: ['ai21'], value: alnum(32) }),
  row({ provider: 'Aircall', keywords: ['aircall'], value: hex(32), title: 'Aircall API token' }),
  row({ id: 'airbrake-user-key', provider: 'Airbrake', keywords: ['airbrake'], value: alnum(40), title: 'Airbrake user key' }),
  row({
    id: 'airbrake-project-key',
    provider: 'Airbrake',
    keywords: ['airbrake'],
    value: alnum(32),
    // Project keys are also built into browser notifiers: sensitive, not a login.
    severity: 'medium',
    title: 'Airbrake project key',
  }),
  secretRow(
    {
      id: 'airship-master-secret',
      provider: 'Airship',
      keywords: ['airship', 'urbanairship'],
      value: base64url(22),
      title: 'Airship master secret',
    },
    'master|secret',
  ),
  row({
    id: 'airtable-api-key-legacy',
    provider: 'Airtable',
    keywords: ['airtable'],
    value: cat(lit('key'), alnum(14)),
    title: 'Airtable API key (legacy)',
    remediation: 'Regenerate the key at airtable.com/account, or better move to a personal access token.',
  }),
  row({
    id: 'airtable-oauth-token',
    provider: 'Airtable',
    keywords: ['airtable'],
    // `<token id>.v1.<payload>.<HMAC-SHA256 in hex>`.
    value: custom('[A-Za-z0-9]{14,24}\\.v1\\.[A-Za-z0-9_-]{20,600}\\.[a-f0-9]{64}', 'A-Za-z0-9_.-', [55, 692], (salt) =>
      [fake(17, ALNUM, salt), 'v1', fake(120, BASE64URL, `${salt}/p`), fake(64, HEX, `${salt}/h`)].join('.'),
    ),
    title: 'Airtable OAuth access token',
  }),
  row({ provider: 'AirVisual', keywords: ['airvisual', 'iqair'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Aiven', keywords: ['aiven'], value: base64(372), title: 'Aiven API token' }),
  prefixedRule({
    id: 'alchemy-access-token',
    title: 'Alchemy access token',
    provider: 'Alchemy',
    env: 'ALCHEMY_ACCESS_TOKEN',
    prefix: 'alcht_',
    body: '[A-Za-z0-9]{30}',
    sample: fake(30, ALNUM, 'alcht'),
    minEntropy: 4,
    remediation: 'Delete the token in the Alchemy dashboard (Account > Access keys).',
  }),
  row({ provider: 'Alchemy', keywords: ['alchemy_api', 'alchemyapi', 'alchemy_key', 'alchemy.com'], value: base64url(32) }),
  row({ provider: 'Alconost', keywords: ['alconost'], value: lowerAlnum(32) }),
  row({ provider: 'Alegra', keywords: ['alegra'], value: klass('a-z0-9-', `${LOWER_ALNUM}-`, 20) }),
  row({ provider: 'Aletheia API', keywords: ['aletheiaapi', 'aletheia'], value: upperAlnum(32) }),
  row({ provider: 'AlienVault OTX', keywords: ['alienvault', 'otx_api'], value: lowerAlnum(64) }),
  row({ provider: 'AllSports API', keywords: ['allsports'], value: lowerAlnum(64) }),
  row({
    provider: 'Alpaca',
    keywords: ['apca_api_secret', 'alpaca_secret', 'alpaca_api_secret'],
    value: alnum(40),
    title: 'Alpaca API secret key',
  }),
  row({ provider: 'Alpha Vantage', keywords: ['alphavantage', 'alpha_vantage'], value: upperAlnum(16) }),
  row({ provider: 'Amadeus', keywords: ['amadeus'], value: alnum(16), title: 'Amadeus API secret' }),
  row({ provider: 'Ambee', keywords: ['ambee'], value: hex(64) }),
  secretRow({
    id: 'anypoint-token',
    provider: 'MuleSoft Anypoint',
    keywords: ['anypoint', 'mulesoft'],
    value: uuid(),
    minEntropy: UUID_ENTROPY,
    title: 'MuleSoft Anypoint token',
  }),
  secretRow(
    {
      id: 'anypoint-client-secret',
      provider: 'MuleSoft Anypoint',
      keywords: ['anypoint', 'mulesoft'],
      value: anyHex(32),
      title: 'MuleSoft Anypoint client secret',
    },
    'secret',
  ),
  row({ provider: 'Apacta', keywords: ['apacta'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'API2Cart', keywords: ['api2cart'], value: hex(32) }),
  row({ provider: 'ApiFlash', keywords: ['apiflash'], value: lowerAlnum(32) }),
  row({
    provider: 'Apifonica',
    keywords: ['apifonica'],
    value: cat(lowerAlnum(11), lit('-'), lowerAlnum(4), lit('-'), lowerAlnum(4), lit('-'), lowerAlnum(4), lit('-'), lowerAlnum(12)),
  }),
  prefixedRule({
    id: 'apify-token',
    title: 'Apify API token',
    provider: 'Apify',
    env: 'APIFY_TOKEN',
    prefix: 'apify_api_',
    body: '[A-Za-z0-9-]{36}',
    sample: fake(36, ALNUM, 'apify'),
    minEntropy: 4,
    remediation: 'Reset the token in Apify Console (Settings > Integrations).',
  }),
  row({ provider: 'apilayer', keywords: ['apilayer'], value: alnum(32) }),
  row({ provider: 'APImetrics', keywords: ['apimetrics'], value: alnum(32) }),
  row({ provider: 'APITemplate.io', keywords: ['apitemplate'], value: alnum(39) }),
  row({ provider: 'Apollo.io', keywords: ['apolloio', 'apollo.io', 'apollo_io'], value: alnum(22) }),
  row({ provider: 'Appcues', keywords: ['appcues'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'AppFollow', keywords: ['appfollow'], value: alnum(20) }),
  row({ provider: 'Appointedd', keywords: ['appointedd'], value: klass('A-Za-z0-9=+/', BASE64, 72) }),
  row({ provider: 'AppOptics', keywords: ['appoptics'], value: base64url(71), title: 'AppOptics API token' }),
  row({ provider: 'AppsFlyer', keywords: ['appsflyer'], value: alnum(22), title: 'AppsFlyer dev key' }),
  row({ provider: 'AppSignal', keywords: ['appsignal'], value: uuid(), minEntropy: UUID_ENTROPY, title: 'AppSignal push API key' }),
  row({ provider: 'AppSynergy', keywords: ['appsynergy'], value: lowerAlnum(64) }),
  row({ provider: 'Apptivo', keywords: ['apptivo'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Artsy', keywords: ['artsy'], value: alnum(32), title: 'Artsy client secret' }),
  row({ provider: 'Atera', keywords: ['atera'], value: lowerAlnum(32) }),
  prefixedRule({
    id: 'atlassian-bitbucket-data-center-token',
    title: 'Bitbucket Data Center HTTP access token',
    provider: 'Atlassian',
    env: 'BITBUCKET_TOKEN',
    prefix: 'BBDC-',
    body: '[A-Za-z0-9+/]{44}',
    sample: dataCenterSample('bbdc'),
    end: '(?![A-Za-z0-9+/=-])',
    minEntropy: 4,
    remediation: 'Revoke the token in Bitbucket Data Center (Manage account > HTTP access tokens).',
  }),
  {
    ...row({
      id: 'atlassian-data-center-pat',
      provider: 'Atlassian',
      keywords: ['jira', 'confluence', 'bitbucket', 'atlassian'],
      value: custom('[MNO][A-Za-z0-9+/]{43}', 'A-Za-z0-9+/', 44, dataCenterSample),
      title: 'Jira / Confluence / Bitbucket Data Center personal access token',
      remediation: 'Revoke the token in the Data Center product (Profile > Personal access tokens).',
      secret: [`JIRA_PAT=${dataCenterSample('jira-dc')}`],
      notSecret: [`JIRA_PAT=M${fake(43, BASE64, 'jira-dc-random')}`],
    }),
    // The value must decode to `<12-digit id>:`: random base64 of the same length does not.
    allow: [{ test: (value: string) => !isDataCenterToken(value) }],
  },
  row({ provider: 'AudD', keywords: ['audd'], value: lowerAlnum(32) }),
  row({
    provider: 'Authorize.net',
    keywords: ['authorizenet', 'authorize.net', 'authnet'],
    value: alnum(16),
    title: 'Authorize.net transaction key',
  }),
  {
    id: 'authress-service-client-key',
    title: 'Authress service client access key',
    provider: 'Authress',
    confidence: 'confirmed',
    keywords: ['.acc_', '.acc-'],
    // `<client id>.<key id>.acc_<account id>.<private key>` (gitleaks' authress rule).
    pattern: prefixed(
      '(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\\.[A-Za-z0-9]{4,6}\\.acc[_-][A-Za-z0-9-]{10,32}\\.[A-Za-z0-9+/_=-]{30,120}',
      '(?![\\w+/=-])',
    ),
    minEntropy: 4,
    remediation: 'Delete the access key of the service client in the Authress management portal.',
    examples: {
      secret: [
        `AUTHRESS_KEY=sc_${fake(20, LOWER_ALNUM, 'authress1')}.${fake(5, LOWER_ALNUM, 'authress2')}.acc_${fake(16, LOWER_ALNUM, 'authress3')}.${fake(60, BASE64URL, 'authress4')}`,
      ],
      notSecret: [`AUTHRESS_KEY=sc_${fake(20, LOWER_ALNUM, 'authress1')}.${fake(5, LOWER_ALNUM, 'authress2')}.acc_`],
    },
  },
  row({ provider: 'Autodesk', keywords: ['autodesk'], value: oneOf(alnum(16), alnum(64)), title: 'Autodesk client secret' }),
  row({ provider: 'Autoklose', keywords: ['autoklose'], value: alnum(32) }),
  row({ provider: 'Autopilot', keywords: ['autopilothq', 'autopilot_api'], value: hex(32) }),
  row({
    provider: 'Avaza',
    keywords: ['avaza'],
    value: cat(digits([1, 32]), lit('-'), hex(40)),
    title: 'Avaza personal access token',
  }),
  row({ provider: 'aviationstack', keywords: ['aviationstack'], value: lowerAlnum(32) }),
  prefixedRule({
    id: 'aws-appsync-api-key',
    title: 'AWS AppSync API key',
    provider: 'AWS',
    env: 'APPSYNC_API_KEY',
    prefix: 'da2-',
    body: '[a-z0-9]{26}',
    sample: fake(26, LOWER_ALNUM, 'appsync'),
    minEntropy: 3.5,
    // AppSync keys are meant for public clients of one API, and expire.
    severity: 'medium',
    remediation: 'Delete the key in the AppSync console (Settings > API keys) and issue a new one.',
  }),
  ...(['xaat-', 'xapt-'] as const).map((prefix) =>
    prefixedRule({
      id: prefix === 'xaat-' ? 'axiom-api-token' : 'axiom-personal-token',
      title: prefix === 'xaat-' ? 'Axiom API token' : 'Axiom personal access token',
      provider: 'Axiom',
      env: 'AXIOM_TOKEN',
      prefix,
      body: '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}',
      sample: uuid().sample(`axiom${prefix}`),
      minEntropy: 3,
      remediation: 'Delete the token in Axiom (Settings > API tokens or Profile > Personal tokens).',
    }),
  ),
  row({ provider: 'Axonaut', keywords: ['axonaut'], value: alnum(32) }),
  row({ provider: 'AYLIEN', keywords: ['aylien'], value: lowerAlnum(32) }),
  row({
    provider: 'Ayrshare',
    keywords: ['ayrshare'],
    value: cat(upperAlnum(8), lit('-'), upperAlnum(8), lit('-'), upperAlnum(8), lit('-'), upperAlnum(8)),
  }),
  azureKey({
    id: 'azure-functions-key',
    title: 'Azure Functions access key',
    marker: 'AzFu',
    body: 'A-Za-z0-9_-',
    chars: BASE64URL,
    before: 44,
    after: 5,
    tail: '[AQgw]==',
    tailSample: 'Q==',
    remediation: 'Renew the key in the Azure portal (Function App > App keys or the function > Function keys).',
  }),
  azureKey({
    id: 'azure-search-key',
    title: 'Azure AI Search admin or query key',
    marker: 'AzSe',
    body: 'A-Za-z0-9',
    chars: ALNUM,
    before: 42,
    after: 6,
    tail: '',
    tailSample: '',
    remediation: 'Regenerate the key in the Azure portal (Search service > Keys).',
  }),
  azureKey({
    id: 'azure-cosmosdb-key',
    title: 'Azure Cosmos DB account key',
    marker: 'ACDb',
    body: 'A-Za-z0-9+/',
    chars: BASE64,
    before: 76,
    after: 5,
    tail: '[AQgw]==',
    tailSample: 'g==',
    remediation: 'Regenerate the key in the Azure portal (Cosmos DB account > Keys).',
  }),
  azureKey({
    id: 'azure-container-registry-password',
    title: 'Azure Container Registry password',
    marker: '+ACR',
    body: 'A-Za-z0-9+/',
    chars: BASE64,
    before: 42,
    after: 6,
    tail: '',
    tailSample: '',
    remediation: 'Regenerate the password in the Azure portal (Container registry > Access keys or Tokens).',
  }),
  azureKey({
    id: 'azure-storage-identifiable-key',
    title: 'Azure Storage account key',
    marker: '+ASt',
    body: 'A-Za-z0-9+/',
    chars: BASE64,
    before: 76,
    after: 5,
    tail: '[AQgw]==',
    tailSample: 'w==',
    remediation: 'Rotate the key in the Azure portal (Storage account > Access keys) and prefer managed identity or SAS.',
  }),
  azureKey({
    id: 'azure-apim-key',
    title: 'Azure API Management key',
    marker: 'APIM',
    body: 'A-Za-z0-9',
    chars: ALNUM,
    before: 76,
    after: 5,
    tail: '[AQgw]==',
    tailSample: 'A==',
    remediation: AZURE_PORTAL,
  }),
  azureKey({
    id: 'azure-cache-for-redis-key',
    title: 'Azure Cache for Redis access key',
    marker: 'AzCa',
    body: 'A-Za-z0-9',
    chars: ALNUM,
    before: 33,
    after: 6,
    tail: '=',
    tailSample: '=',
    remediation: 'Regenerate the access key in the Azure portal (Azure Cache for Redis > Authentication).',
  }),
  ...(
    [
      ['azure-event-hubs-key', 'Azure Event Hubs shared access key', '+AEh'],
      ['azure-service-bus-key', 'Azure Service Bus shared access key', '+ASb'],
      ['azure-relay-key', 'Azure Relay shared access key', '+ARm'],
    ] as const
  ).map(([id, title, marker]) =>
    azureKey({
      id,
      title,
      marker,
      body: 'A-Za-z0-9+/',
      chars: BASE64,
      before: 33,
      after: 6,
      tail: '=',
      tailSample: '=',
      remediation: AZURE_PORTAL,
    }),
  ),
  row({
    id: 'azure-cosmosdb-key-assigned',
    provider: 'Azure',
    keywords: ['cosmosdb', 'cosmos_db', 'cosmos_key', 'documents.azure.com'],
    value: cat(klass('A-Za-z0-9+/', BASE64, 86), lit('==')),
    title: 'Azure Cosmos DB account key',
    remediation: 'Regenerate the key in the Azure portal (Cosmos DB account > Keys).',
  }),
  row({
    id: 'azure-batch-key',
    provider: 'Azure',
    keywords: ['azure_batch', 'batch_account_key', 'batch.azure.com'],
    value: cat(klass('A-Za-z0-9+/', BASE64, 86), lit('==')),
    title: 'Azure Batch account key',
    remediation: 'Regenerate the key in the Azure portal (Batch account > Keys).',
  }),
  row({
    id: 'azure-search-key-assigned',
    provider: 'Azure',
    keywords: ['azure_search', 'azuresearch', 'search.windows.net'],
    value: alnum(52),
    title: 'Azure AI Search admin or query key',
    remediation: 'Regenerate the key in the Azure portal (Search service > Keys).',
  }),
  row({
    id: 'azure-functions-key-assigned',
    provider: 'Azure',
    keywords: ['azure_function', 'functions_key', 'x-functions-key', 'azurewebsites.net'],
    // A legacy key: 40 random bytes in base64 (identifiable ones, with `AzFu`, have their own rule).
    value: cat(klass('A-Za-z0-9+/_-', BASE64URL, 54), lit('==')),
    title: 'Azure Functions access key',
    remediation: 'Renew the key in the Azure portal (Function App > App keys or the function > Function keys).',
  }),
  row({
    id: 'azure-app-configuration-secret',
    provider: 'Azure',
    keywords: ['azconfig'],
    // `Endpoint=https://<store>.azconfig.io;Id=<id>;Secret=<base64 of 32 bytes>`.
    window: 80,
    value: cat(klass('A-Za-z0-9+/', BASE64, 43), lit('=')),
    title: 'Azure App Configuration connection string secret',
    remediation: 'Regenerate the access key in the Azure portal (App Configuration > Access settings).',
  }),

  // B
  row({
    id: 'backblaze-b2-application-key',
    provider: 'Backblaze',
    keywords: ['backblaze', 'b2_application_key', 'b2applicationkey', 'b2_app_key'],
    value: cat(lit('K00'), digits(1), klass('A-Za-z0-9+/', BASE64, 27)),
    title: 'Backblaze B2 application key',
    remediation: 'Delete the application key in Backblaze (App keys) and create a new one.',
  }),
  {
    id: 'bannerbear-api-key',
    title: 'Bannerbear API key',
    provider: 'Bannerbear',
    confidence: 'confirmed',
    keywords: ['bb_pr_', 'bb_ma_'],
    prefixes: ['bb_pr_', 'bb_ma_'],
    // Project (`bb_pr_`) and master (`bb_ma_`) keys.
    pattern: prefixed('bb_(?:pr|ma)_[a-f0-9]{30}'),
    minEntropy: 3,
    remediation: 'Regenerate the key in Bannerbear (the project > Settings > API key).',
    examples: {
      secret: [`BANNERBEAR_API_KEY=bb_pr_${fake(30, HEX, 'bannerbear')}`, `  "apiKey": "bb_ma_${fake(30, HEX, 'bannerbear2')}",`],
      notSecret: [`BANNERBEAR_API_KEY=bb_pr_${fake(29, HEX, 'bannerbear')}`, 'BANNERBEAR_API_KEY=bb_pr_<your key>'],
    },
  },
  row({
    id: 'bannerbear-api-key-legacy',
    provider: 'Bannerbear',
    keywords: ['bannerbear'],
    value: cat(alnum(22), lit('tt')),
    title: 'Bannerbear API key (legacy)',
  }),
  row({ provider: 'Baremetrics', keywords: ['baremetrics'], value: word(25) }),
  row({ provider: 'Beebole', keywords: ['beebole'], value: lowerAlnum(40) }),
  row({ provider: 'beehiiv', keywords: ['beehiiv'], value: alnum(64) }),
  row({ provider: 'Behance', keywords: ['behance'], value: alnum(32) }),
  row({ provider: 'BeSnappy', keywords: ['besnappy'], value: hex(64) }),
  standalone(
    row({
      provider: 'BestTime',
      keywords: ['besttime'],
      value: word(36),
      title: 'BestTime private API key',
      notSecret: [`bestTimeSlot = '${fake(36, ALNUM, 'besttime-slot')}'`],
    }),
  ),
  row({
    provider: 'Better Stack',
    keywords: ['betterstack', 'better_stack', 'logtail'],
    value: alnum(24),
    title: 'Better Stack (Logtail) token',
  }),
  row({ provider: 'Billomat', keywords: ['billomat'], value: hex(32) }),
  secretRow({ provider: 'Binance', keywords: ['binance'], value: alnum(64), title: 'Binance API secret key' }, 'secret'),
  row({ provider: 'BinaryEdge', keywords: ['binaryedge'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Bitbar', keywords: ['bitbar'], value: lowerAlnum(32) }),
  row({ provider: 'BitcoinAverage', keywords: ['bitcoinaverage'], value: alnum(43) }),
  row({ provider: 'Bitfinex', keywords: ['bitfinex'], value: alnum(43) }),
  row({ provider: 'Bitly', keywords: ['bitly'], value: klass('A-Za-z0-9-', `${ALNUM}-`, 40), title: 'Bitly access token' }),
  secretRow({ provider: 'BitMEX', keywords: ['bitmex'], value: base64url(48), title: 'BitMEX API secret' }, 'secret'),
  row({ provider: 'Bittrex', keywords: ['bittrex'], value: lowerAlnum(32) }),
  row({ provider: 'BlazeMeter', keywords: ['blazemeter'], value: oneOf(lowerAlnum(64), uuid()), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Blitapp', keywords: ['blitapp'], value: base64url(39) }),
  row({ provider: 'BlockCypher', keywords: ['blockcypher'], value: hex(32), title: 'BlockCypher token' }),
  row({
    provider: 'Blockfrost',
    keywords: ['blockfrost'],
    value: cat(
      custom('(?:mainnet|preprod|preview|testnet|ipfs)', 'a-z', [4, 7], () => 'mainnet'),
      alnum(32),
    ),
    title: 'Blockfrost project ID',
  }),
  row({ provider: 'Blocknative', keywords: ['blocknative'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Boostnote', keywords: ['boostnote'], value: hex(64) }),
  row({
    provider: 'BorgBase',
    keywords: ['borgbase'],
    value: klass('A-Za-z0-9/_.-', `${BASE64URL}./`, [148, 152]),
    title: 'BorgBase API token',
  }),
  row({
    provider: 'Box',
    keywords: ['box_developer_token', 'box_client_secret', 'box_access_token', 'box_api_key', 'boxdev'],
    value: alnum(32),
    title: 'Box developer token or client secret',
  }),
  prefixedRule({
    id: 'branch-secret-key',
    title: 'Branch secret key',
    provider: 'Branch',
    env: 'BRANCH_SECRET',
    prefix: 'secret_live_',
    body: '[A-Za-z0-9]{32}',
    sample: fake(32, ALNUM, 'branchio'),
    minEntropy: 4,
    remediation: 'Reset the secret in the Branch dashboard (Account settings > Profile).',
  }),
  row({ provider: 'Braintrust', keywords: ['braintrust'], value: cat(lit('sk-'), alnum(48)) }),
  row({ provider: 'Brandfetch', keywords: ['brandfetch'], value: alnum(40) }),
  row({ provider: 'Braze', keywords: ['braze'], value: uuid(), minEntropy: UUID_ENTROPY, title: 'Braze REST API key' }),
  row({ provider: 'Bridgecrew', keywords: ['bridgecrew'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'BrowserStack', keywords: ['browserstack'], value: alnum(20), title: 'BrowserStack access key' }),
  row({ provider: 'Browshot', keywords: ['browshot'], value: klass('A-Za-z0-9-', `${ALNUM}-`, 28) }),
  row({ provider: 'BscScan', keywords: ['bscscan'], value: upperAlnum(34) }),
  row({ provider: 'BuddyNS', keywords: ['buddyns'], value: lowerAlnum(40) }),
  row({ provider: 'Budibase', keywords: ['budibase'], value: cat(hex(32), lit('-'), hex(78)) }),
  row({ provider: 'BugHerd', keywords: ['bugherd'], value: lowerAlnum(22) }),
  prefixedRule({
    id: 'builder-io-private-key',
    title: 'Builder.io private key',
    provider: 'Builder.io',
    env: 'BUILDER_PRIVATE_KEY',
    prefix: 'bpk-',
    body: '[a-f0-9]{32}',
    sample: fake(32, HEX, 'builderio'),
    minEntropy: 3.2,
    remediation: 'Delete the private key in Builder.io (Account settings > Space > Private keys).',
  }),
  row({ provider: 'BuiltWith', keywords: ['builtwith'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Bulbul', keywords: ['bulbul'], value: lowerAlnum(32) }),
  row({ provider: 'BulkSMS', keywords: ['bulksms'], value: klass('A-Za-z0-9*', `${ALNUM}*`, 29), title: 'BulkSMS token secret' }),
  row({
    id: 'buildkite-api-token-legacy',
    provider: 'Buildkite',
    keywords: ['buildkite'],
    value: lowerAlnum(40),
    title: 'Buildkite API access token (legacy)',
    remediation: 'Revoke the token in Buildkite (Personal settings > API access tokens).',
  }),
  row({ provider: 'ButterCMS', keywords: ['buttercms'], value: lowerAlnum(40) }),
  row({ provider: 'Buttondown', keywords: ['buttondown'], value: uuid(), minEntropy: UUID_ENTROPY }),

  // C
  prefixedRule({
    id: 'cal-com-api-key',
    title: 'Cal.com API key',
    provider: 'Cal.com',
    env: 'CAL_API_KEY',
    prefix: 'cal_live_',
    body: '[a-f0-9]{32}',
    sample: fake(32, HEX, 'calcom'),
    minEntropy: 3.2,
    remediation: 'Delete the key in Cal.com (Settings > Developer > API keys).',
  }),
  row({ provider: 'Caflou', keywords: ['caflou'], value: JWT_TOKEN, title: 'Caflou API token' }),
  row({ provider: 'Calendarific', keywords: ['calendarific'], value: lowerAlnum(40) }),
  row({ provider: 'CalorieNinjas', keywords: ['calorieninja'], value: alnum(40) }),
  row({ provider: 'Campayn', keywords: ['campayn'], value: lowerAlnum(64) }),
  row({ provider: 'Canny', keywords: ['cannyio', 'canny.io', 'canny_api'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Capsule CRM', keywords: ['capsulecrm', 'capsule_crm'], value: klass('A-Za-z0-9._+=-', `${BASE64URL}.+=`, 64) }),
  row({ provider: 'Captain Data', keywords: ['captaindata'], value: hex(64) }),
  row({ provider: 'Carbon Interface', keywords: ['carboninterface'], value: alnum(21) }),
  row({
    provider: 'Cashboard',
    keywords: ['cashboard'],
    value: cat(upperAlnum(3), lit('-'), upperAlnum(3), lit('-'), upperAlnum(3), lit('-'), upperAlnum(3)),
  }),
  row({ provider: 'Caspio', keywords: ['caspio'], value: lowerAlnum(50), title: 'Caspio client secret' }),
  row({ provider: 'Censys', keywords: ['censys'], value: alnum(32), title: 'Censys API secret' }),
  row({ provider: 'CentralStationCRM', keywords: ['centralstation'], value: lowerAlnum(30) }),
  row({ provider: 'CEX.IO', keywords: ['cexio', 'cex.io'], value: alnum([24, 27]) }),
  row({ provider: 'Chargebee', keywords: ['chargebee'], value: cat(lit('live_'), alnum([32, 34])) }),
  row({ provider: 'ChartMogul', keywords: ['chartmogul'], value: lowerAlnum(32) }),
  row({ provider: 'Chartbeat', keywords: ['chartbeat'], value: hex(32) }),
  row({ provider: 'ChatBot.com', keywords: ['chatbot_api', 'chatbotcom', 'chatbot.com'], value: word(32) }),
  row({ provider: 'Chatfuel', keywords: ['chatfuel'], value: alnum(128) }),
  row({ provider: 'Checkly', keywords: ['checkly'], value: oneOf(cat(lit('cu_'), hex(32)), base64url(32)) }),
  row({ provider: 'Checkvist', keywords: ['checkvist'], value: alnum(14) }),
  row({ provider: 'Cicero', keywords: ['cicero'], value: lowerAlnum(40) }),
  row({ provider: 'Clarifai', keywords: ['clarifai'], value: alnum(32) }),
  row({ provider: 'Clearbit', keywords: ['clearbit'], value: klass('0-9a-z_', `${LOWER_ALNUM}_`, 35) }),
  prefixedRule({
    id: 'clickhouse-cloud-api-secret',
    title: 'ClickHouse Cloud API secret key',
    provider: 'ClickHouse',
    env: 'CLICKHOUSE_KEY_SECRET',
    prefix: '4b1d',
    body: '[A-Za-z0-9]{38}',
    sample: fake(38, ALNUM, 'clickhouse'),
    // A hex digest starting with the same four characters is not one: keys use the whole alphabet.
    minEntropy: 4.3,
    remediation: 'Delete the API key in ClickHouse Cloud (Organization > API keys).',
  }),
  row({ provider: 'ClickHelp', keywords: ['clickhelp'], value: alnum(24) }),
  row({ provider: 'ClickSend', keywords: ['clicksend'], value: uuid({ upper: true }), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Cliengo', keywords: ['cliengo'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Clientary', keywords: ['clientary'], value: alnum(45) }),
  row({ provider: 'ClinchPad', keywords: ['clinchpad'], value: lowerAlnum(32) }),
  row({ provider: 'Clockify', keywords: ['clockify'], value: alnum(48) }),
  row({ provider: 'Clockwork SMS', keywords: ['clockworksms', 'clockwork_sms'], value: alnum(24) }),
  row({
    provider: 'Close',
    keywords: ['closecrm', 'close_api', 'close.com', 'closeio', 'close_io'],
    value: cat(lit('api_'), klass('A-Za-z0-9.', `${ALNUM}.`, 45)),
  }),
  row({ provider: 'Cloud Elements', keywords: ['cloudelements'], value: alnum(43) }),
  row({ provider: 'CloudConvert', keywords: ['cloudconvert'], value: JWT_TOKEN, title: 'CloudConvert API key' }),
  standalone(row({ provider: 'Cloudimage', keywords: ['cloudimage'], value: word(30) })),
  row({ provider: 'Cloudmersive', keywords: ['cloudmersive'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Cloudplan', keywords: ['cloudplan'], value: upperAlnum(32) }),
  row({ provider: 'Cloudsmith', keywords: ['cloudsmith'], value: hex(40) }),
  row({ provider: 'Cloverly', keywords: ['cloverly'], value: klass('a-z0-9:_', `${LOWER_ALNUM}_`, 28) }),
  row({ provider: 'Cloze', keywords: ['clozecrm', 'cloze_api', 'cloze_key', 'cloze.com'], value: hex(32) }),
  row({ provider: 'Clustdoc', keywords: ['clustdoc'], value: alnum(60) }),
  row({
    provider: 'Coda',
    keywords: ['coda_api', 'coda_token', 'codaio', 'coda.io'],
    value: uuid(),
    minEntropy: UUID_ENTROPY,
    title: 'Coda API token',
  }),
  row({ provider: 'Codacy', keywords: ['codacy'], value: alnum(20), title: 'Codacy API token' }),
  row({
    provider: 'Code Climate',
    keywords: ['codeclimate', 'cc_test_reporter_id'],
    value: hex(64),
    title: 'Code Climate test reporter ID',
  }),
  row({ provider: 'Codefresh', keywords: ['codefresh'], value: cat(hex(24), lit('.'), hex(32)), title: 'Codefresh API key' }),
  row({ provider: 'Codemagic', keywords: ['codemagic'], value: base64url(43), title: 'Codemagic API token' }),
  row({ provider: 'Codequiry', keywords: ['codequiry'], value: hex(64) }),
  row({ provider: 'CoinAPI', keywords: ['coinapi'], value: uuid({ upper: true }), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Coinlayer', keywords: ['coinlayer'], value: lowerAlnum(32) }),
  row({ provider: 'Coinlib', keywords: ['coinlib'], value: lowerAlnum(16) }),
  row({ provider: 'CoinMarketCap', keywords: ['coinmarketcap', 'cmc_pro_api_key'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Collect2', keywords: ['collect2_api', 'collect2.com'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'Column', keywords: ['column_api', 'columnapi'], value: cat(lit('live_'), alnum(27)) }),
  row({
    provider: 'Commerce.js',
    keywords: ['commercejs', 'checio', 'chec_secret'],
    value: klass('a-z0-9_', `${LOWER_ALNUM}_`, 48),
  }),
  row({ provider: 'Commodities-API', keywords: ['commoditiesapi', 'commodities_api', 'commodities-api'], value: alnum(60) }),
  row({ provider: 'CompanyHub', keywords: ['companyhub'], value: alnum(20) }),
  row({
    provider: 'Conversion Tools',
    keywords: ['conversiontools', 'conversion_tools'],
    value: JWT_TOKEN,
    title: 'Conversion Tools API token',
  }),
  standalone(row({ provider: 'ConvertAPI', keywords: ['convertapi'], value: alnum(16), title: 'ConvertAPI secret' })),
  row({ provider: 'ConvertKit', keywords: ['convertkit'], value: word(22) }),
  row({ provider: 'Convier', keywords: ['convier'], value: cat(digits(2), lit('|'), alnum(40)) }),
  row({ provider: 'Copper', keywords: ['coppercrm', 'copper_api', 'prosperworks'], value: lowerAlnum(32) }),
  row({ provider: 'Coralogix', keywords: ['coralogix'], value: uuid(), minEntropy: UUID_ENTROPY, title: 'Coralogix private key' }),
  row({ provider: 'countrylayer', keywords: ['countrylayer'], value: lowerAlnum(32) }),
  row({
    provider: 'Courier',
    keywords: ['courier_auth', 'courier_api', 'courier_key', 'courier_token', 'trycourier'],
    // `pk_<environment>_<28 characters>`.
    value: cat(lit('pk_'), alnum([1, 64]), lit('_'), alnum(28)),
  }),
  row({
    provider: 'Coveralls',
    keywords: ['coveralls'],
    value: klass('A-Za-z0-9-', `${ALNUM}-`, 37),
    title: 'Coveralls repo token',
  }),
  row({ provider: 'CraftMyPDF', keywords: ['craftmypdf'], value: alnum(35) }),
  secretRow(
    {
      provider: 'CrowdStrike',
      keywords: ['crowdstrike', 'falcon_client'],
      value: alnum(40),
      title: 'CrowdStrike Falcon API client secret',
    },
    'secret',
  ),
  row({ provider: 'Crowdin', keywords: ['crowdin'], value: hex(80), title: 'Crowdin personal access token' }),
  row({ provider: 'Crunchbase', keywords: ['crunchbase'], value: hex(32) }),
  row({ provider: 'CryptoCompare', keywords: ['cryptocompare'], value: lowerAlnum(64) }),
  row({ provider: 'Currencycloud', keywords: ['currencycloud'], value: lowerAlnum(64) }),
  row({ provider: 'CurrencyFreaks', keywords: ['currencyfreaks'], value: lowerAlnum(32) }),
  row({ provider: 'currencylayer', keywords: ['currencylayer'], value: lowerAlnum(32) }),
  row({ provider: 'CurrencyScoop', keywords: ['currencyscoop'], value: alnum(32) }),
  row({ provider: 'Currents API', keywords: ['currentsapi', 'currents_api'], value: base64url(48) }),
  row({ provider: 'CustomerGuru', keywords: ['customerguru'], value: lowerAlnum(50) }),
  row({
    provider: 'Customer.io',
    keywords: ['customerio', 'customer.io', 'customer_io'],
    // Track API keys are 20 hex digits beside a site ID of the same shape; App API keys are 32.
    value: oneOf(alnum(20), hex(32)),
  }),
  row({
    provider: 'CyberSource',
    keywords: ['cybersource'],
    value: cat(klass('A-Za-z0-9+/', BASE64, 43), lit('=')),
    title: 'CyberSource shared secret key',
  }),
  row({
    provider: 'Cypress',
    keywords: ['cypress_record_key', 'cypress_key'],
    value: uuid(),
    minEntropy: UUID_ENTROPY,
    title: 'Cypress Cloud record key',
    remediation: 'Delete the record key in Cypress Cloud (Project settings > Record keys) and create a new one.',
  }),

  // D
  row({ provider: 'Daily', keywords: ['dailyco', 'daily_api', 'daily.co'], value: hex(64) }),
  row({ provider: 'Dandelion', keywords: ['dandelion'], value: lowerAlnum(32) }),
  row({ provider: 'Dareboost', keywords: ['dareboost'], value: alnum(60) }),
  standalone(row({ provider: 'Databox', keywords: ['databox'], value: alnum(21) })),
  row({ provider: 'Data.gov', keywords: ['datagov', 'data.gov'], value: alnum(40) }),
  prefixedRule({
    id: 'datastax-astra-token',
    title: 'DataStax Astra DB application token',
    provider: 'DataStax',
    env: 'ASTRA_DB_APPLICATION_TOKEN',
    prefix: 'AstraCS:',
    body: '[A-Za-z0-9]{24}:[a-f0-9]{64}',
    sample: `${fake(24, ALNUM, 'astra')}:${fake(64, HEX, 'astra2')}`,
    end: '(?![\\w:-])',
    minEntropy: 3.5,
    remediation: 'Revoke the token in the Astra portal (Settings > Token management).',
  }),
  row({ provider: 'DeepAI', keywords: ['deepai'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'DeepInfra', keywords: ['deepinfra'], value: alnum(32) }),
  standalone(
    row({
      provider: 'DeepL',
      keywords: ['deepl'],
      // Free-plan keys end in `:fx`.
      value: oneOf(cat(uuid(), lit(':fx')), uuid()),
      minEntropy: UUID_ENTROPY,
      title: 'DeepL authentication key',
      notSecret: [`deeplink_target = '${uuid().sample('deeplink')}'`],
    }),
  ),
  row({ provider: 'Delighted', keywords: ['delighted_api', 'delightedapp', 'delighted.com'], value: alnum(32) }),
  row({ provider: 'Demio', keywords: ['demio'], value: alnum(32) }),
  ...(['ddp_', 'ddw_'] as const).map((prefix) =>
    prefixedRule({
      id: prefix === 'ddp_' ? 'deno-deploy-token' : 'deno-deploy-organization-token',
      title: prefix === 'ddp_' ? 'Deno Deploy personal access token' : 'Deno Deploy organization token',
      provider: 'Deno Deploy',
      env: 'DENO_DEPLOY_TOKEN',
      prefix,
      body: '[A-Za-z0-9]{36}',
      sample: fake(36, ALNUM, `deno${prefix}`),
      minEntropy: 4,
      remediation: 'Delete the token in the Deno Deploy dashboard (Account settings > Access tokens).',
    }),
  ),
  row({ provider: 'Deputy', keywords: ['deputy_api', 'deputy_token', 'deputy.com'], value: lowerAlnum(32) }),
  row({ provider: 'Detectify', keywords: ['detectify'], value: hex(32) }),
  row({ provider: 'Detect Language', keywords: ['detectlanguage'], value: lowerAlnum(32) }),
  row({ provider: 'dfuse', keywords: ['dfuse'], value: cat(lit('web_'), lowerAlnum(32)) }),
  row({ provider: 'Diffbot', keywords: ['diffbot'], value: lowerAlnum(32), title: 'Diffbot token' }),
  row({ provider: 'Diggernaut', keywords: ['diggernaut'], value: alnum(40) }),
  row({ provider: 'Discourse', keywords: ['discourse_api', 'discourse_key'], value: hex(64) }),
  row({ provider: 'Disqus', keywords: ['disqus'], value: alnum(64), title: 'Disqus API secret' }),
  row({ provider: 'Ditto', keywords: ['dittowords', 'ditto_api'], value: cat(uuid(), lit('.'), lowerAlnum(40)) }),
  row({ provider: 'DNSCheck', keywords: ['dnscheck'], value: alnum(32) }),
  row({ provider: 'Docparser', keywords: ['docparser'], value: lowerAlnum(40) }),
  secretRow(
    { provider: 'DocuSign', keywords: ['docusign'], value: uuid(), minEntropy: UUID_ENTROPY, title: 'DocuSign integration secret' },
    'secret',
  ),
  row({ provider: 'Documo', keywords: ['documo'], value: JWT_TOKEN, title: 'Documo API key' }),
  row({ provider: 'Dovico', keywords: ['dovico'], value: cat(lowerAlnum(32), lit('.'), lowerAlnum([5, 8])) }),
  row({ provider: 'DronaHQ', keywords: ['dronahq'], value: lowerAlnum(50) }),
  row({
    provider: 'Drone CI',
    keywords: ['droneci', 'drone_token', 'drone_rpc_secret'],
    value: alnum(32),
    title: 'Drone CI token',
  }),
  row({ provider: 'Dribbble', keywords: ['dribbble'], value: hex(64), title: 'Dribbble access token' }),
  prefixedRule({
    id: 'duffel-test-token',
    title: 'Duffel test-mode access token',
    provider: 'Duffel',
    env: 'DUFFEL_ACCESS_TOKEN',
    prefix: 'duffel_test_',
    body: '[A-Za-z0-9_=-]{43}',
    sample: fake(43, BASE64URL, 'duffeltest'),
    minEntropy: 4,
    // A test token books nothing real: a secret all the same, capped below live ones.
    severity: 'medium',
    remediation: 'Revoke the token in the Duffel dashboard (Developers > Access tokens).',
  }),
  row({
    id: 'duo-secret-key',
    provider: 'Duo',
    keywords: ['duo_skey', 'duo_secret', 'duosecurity_secret'],
    value: alnum(40),
    title: 'Duo secret key',
  }),
  secretRow({ provider: 'Dwolla', keywords: ['dwolla'], value: alnum(50), title: 'Dwolla API secret' }, 'secret'),
  row({ provider: 'Dynalist', keywords: ['dynalist'], value: base64url(128) }),
  row({ provider: 'Dyspatch', keywords: ['dyspatch'], value: upperAlnum(52) }),

  // E
  row({ provider: 'Easy Insight', keywords: ['easyinsight', 'easy_insight'], value: alnum(20) }),
  prefixedRule({
    id: 'easypost-test-api-key',
    title: 'EasyPost test API key',
    provider: 'EasyPost',
    env: 'EASYPOST_TEST_API_KEY',
    prefix: 'EZTK',
    body: '[a-zA-Z0-9]{54}',
    sample: fake(54, ALNUM, 'eztk'),
    minEntropy: 4,
    severity: 'medium',
    remediation: 'Disable the key and create a new one in the EasyPost dashboard (Account settings > API keys).',
  }),
  row({
    provider: 'EcoStruxure IT',
    keywords: ['ecostruxure'],
    value: cat(lit('AK1'), klass('A-Za-z0-9/', `${ALNUM}/`, [50, 55])),
  }),
  row({ provider: 'Edamam', keywords: ['edamam'], value: alnum(32) }),
  row({ provider: 'Eden AI', keywords: ['edenai', 'eden_ai'], value: JWT_TOKEN, title: 'Eden AI API key' }),
  row({ provider: 'Elastic Email', keywords: ['elasticemail', 'elastic_email'], value: base64url(96) }),
  row({ provider: 'EmailOctopus', keywords: ['emailoctopus'], value: uuid(), minEntropy: UUID_ENTROPY }),
  row({ provider: 'EnableX', keywords: ['enablex'], value: alnum(36) }),
  prefixedRule({
    id: 'endor-labs-api-key',
    title: 'Endor Labs API key or secret',
    provider: 'Endor Labs',
    env: 'ENDOR_API_CREDENTIALS_SECRET',
    prefix: 'endr+',
    body: '[A-Za-z0-9-]{16}',
    sample: fake(16, `${ALNUM}-`, 'endor'),
    minEntropy: 3.2,
    remediation: 'Delete the API key in Endor Labs (Settings > Access control > API keys).',
  }),
  row({ provider: 'Enigma', keywords: ['enigma_api', 'enigmaapi'], value: alnum(40) }),
  row({ provider: 'Eraser', keywords: ['eraser_api', 'eraserio', 'eraser.io'], value: alnum(20) }),
  row({ provider: 'Etherscan', keywords: ['etherscan'], value: upperAlnum(34) }),
  row({ provider: 'Ethplorer', keywords: ['ethplorer'], value: klass('A-Za-z0-9-', `${ALNUM}-`, 22) }),
  row({ provider: 'Etsy', keywords: ['etsy'], value: lowerAlnum(24), title: 'Etsy API keystring' }),
  row({ provider: 'Eventbrite', keywords: ['eventbrite'], value: upperAlnum(20), title: 'Eventbrite private token' }),
  row({
    provider: 'Everhour',
    keywords: ['everhour'],
    value: cat(hex(4), lit('-'), hex(4), lit('-'), hex(6), lit('-'), hex(6), lit('-'), hex(8)),
  }),
  row({ provider: 'Exceptionless', keywords: ['exceptionless'], value: alnum(40) }),
  secretRow({ provider: 'Exoscale', keywords: ['exoscale'], value: base64url(43), title: 'Exoscale API secret' }, 'secret'),
  row({
    provider: 'ExchangeRate-API',
    keywords: ['exchangerate-api', 'exchangerate_api', 'exchangerateapi'],
    value: lowerAlnum(24),
  }),
  row({ provider: 'Exchange Rates API', keywords: ['exchangeratesapi'], value: lowerAlnum(32) }),
  row({
    provider: 'ExportSDK',
    keywords: ['exportsdk'],
    value: cat(lowerAlnum([5, 15]), lit('_'), klass('0-9a-z-', `${LOWER_ALNUM}-`, 36)),
  }),
  row({ provider: 'Extractor API', keywords: ['extractorapi'], value: alnum(40) }),

  // F
  secretRow({ provider: 'Face++', keywords: ['faceplusplus', 'megvii'], value: base64url(32), title: 'Face++ API secret' }, 'secret'),
  row({ provider: 'FakeJSON', keywords: ['fakejson'], value: alnum(22) }),
  row({
    provider: 'fal.ai',
    keywords: ['fal_key', 'fal.ai', 'fal_api'],
    // `<key id>:<secret>`.
    value: cat(uuid(), lit(':'), hex(32)),
  }),
  row({ provider: 'fastFOREX', keywords: ['fastforex'], value: klass('a-z0-9-', `${LOWER_ALNUM}-`, 28) }),
  row({
    provider: 'Fauna',
    keywords: ['faunadb', 'fauna_secret', 'fauna_key'],
    value: cat(lit('fn'), base64url(38)),
    title: 'Fauna secret',
  }),
  row({ provider: 'Feedier', keywords: ['feedier'], value: alnum(32) }),
  row({ provider: 'FetchRSS', keywords: ['fetchrss'], value: klass('0-9A-Za-z.', `${ALNUM}.`, 40) }),
  row({ provider: 'Fibery', keywords: ['fibery'], value: cat(hex(8), lit('.'), hex(35)) }),
  row({ provider: 'File.io', keywords: ['fileio_api', 'fileio_key', 'file.io'], value: klass('A-Z0-9.-', `${UPPER_ALNUM}.-`, 39) }),
  row({ provider: 'Financial Modeling Prep', keywords: ['financialmodelingprep', 'fmp_api'], value: alnum(32) }),
  standalone(
    row({
      provider: 'Findl',
      keywords: ['findl'],
      value: uuid(),
      minEntropy: UUID_ENTROPY,
      notSecret: [`findLocation('${uuid().sample('findl')}')`],
    }),
  ),
  row({
    id: 'finicity-client-secret',
    provider: 'Finicity',
    keywords: ['finicity'],
    value: lowerAlnum(20),
    title: 'Finicity client secret',
  }),
  row({ id: 'finicity-api-token', provider: 'Finicity', keywords: ['finicity'], value: hex(32), title: 'Finicity API token' }),
  row({ provider: 'Finnhub', keywords: ['finnhub'], value: lowerAlnum(20) }),
  row({ provider: 'Firecrawl', keywords: ['firecrawl'], value: cat(lit('fc-'), hex(32)) }),
  secretRow({ provider: 'Fivetran', keywords: ['fivetran'], value: alnum(32), title: 'Fivetran API secret' }, 'secret'),
  row({ provider: 'Fixer', keywords: ['fixerio', 'fixer.io', 'fixer_api'], value: alnum(32) }),
  row({
    provider: 'Flagsmith',
    keywords: ['flagsmith'],
    value: cat(lit('ser.'), alnum(22)),
    title: 'Flagsmith server-side environment key',
  }),
  row({ provider: 'Flat', keywords: ['flatio', 'flat.io'], value: hex(128) }),
  row({ provider: 'Fleetbase', keywords: ['fleetbase'], value: cat(lit('flb_'), alnum(32)) }),
  prefixedRule({
    id: 'flexport-api-key',
    title: 'Flexport API key',
    provider: 'Flexport',
    env: 'FLEXPORT_API_KEY',
    prefix: 'shltm_',
    body: '[A-Za-z0-9_-]{40}',
    sample: fake(40, BASE64URL, 'flexport'),
    minEntropy: 4,
    remediation: 'Revoke the key in the Flexport app (Settings > API keys).',
  }),
  row({ provider: 'Flickr', keywords: ['flickr'], value: lowerAlnum(32) }),
  standalone(row({ provider: 'FlightAPI', keywords: ['flightapi'], value: lowerAlnum(24) })),
  row({ provider: 'FlightLabs', keywords: ['flightlabs'], value: JWT_TOKEN, title: 'FlightLabs access key' }),
  row({ provider: 'FlightStats', keywords: ['flightstats'], value: lowerAlnum(32) }),
  row({ provider: 'Flowdash', keywords: ['flowdash'], value: alnum(32) }),
  row({ provider: 'Flowdock', keywords: ['flowdock'], value: hex(32) }),
  row({ provider: 'Flowlu', keywords: ['flowlu'], value: alnum(51) }),
  row({ provider: 'FMFW.io', keywords: ['fmfw'], value: base64url(32) }),
  row({ provider: 'Form.io', keywords: ['formio', 'form.io'], value: JWT_TOKEN, title: 'Form.io API token' }),
  row({ provider: 'FormCraft', keywords: ['formcraft'], value: alnum(32) }),
  row({ provider: 'Formsite', keywords: ['formsite'], value: alnum(32) }),
  row({ provider: 'Foursquare', keywords: ['foursquare'], value: upperAlnum(48), title: 'Foursquare client secret' }),
  prefixedRule({
    id: 'foursquare-places-api-key',
    title: 'Foursquare Places API key',
    provider: 'Foursquare',
    env: 'FOURSQUARE_API_KEY',
    prefix: 'fsq3',
    body: '[A-Za-z0-9+/]{44}',
    sample: fake(44, BASE64, 'fsq3'),
    end: '(?![A-Za-z0-9+/=-])',
    minEntropy: 4,
    remediation: 'Delete the key in the Foursquare developer console (Projects > API keys).',
  }),
  {
    id: 'freemius-secret-key',
    title: 'Freemius secret key',
    provider: 'Freemius',
    confidence: 'provider',
    keywords: ['secret_key'],
    // The SDK's PHP init array: `'secret_key' => 'sk_…'` (gitleaks' freemius rule).
    pattern: /["']secret_key["']\s{0,8}=>\s{0,8}["'](?<secret>sk_[^\s"']{29})["']/,
    minEntropy: 3.5,
    remediation: 'Regenerate the secret key in the Freemius developer dashboard (Settings > Keys).',
    examples: {
      secret: [`  'secret_key' => 'sk_${fake(29, `${ALNUM}<>~!#&*`, 'freemius')}',`],
      notSecret: [`  'secret_key' => 'sk_${fake(20, ALNUM, 'freemius')}',`, `  'public_key' => 'pk_${fake(29, ALNUM, 'freemiuspk')}',`],
    },
  },
  row({ provider: 'FreshBooks', keywords: ['freshbooks'], value: lowerAlnum(64), title: 'FreshBooks access token' }),
  row({ provider: 'Front', keywords: ['frontapp', 'front_app_token'], value: JWT_TOKEN, title: 'Front API token' }),
  row({ provider: 'Fulcrum', keywords: ['fulcrum'], value: lowerAlnum(80) }),
  row({ provider: 'FullContact', keywords: ['fullcontact'], value: alnum(32) }),
  row({
    provider: 'FullStory',
    keywords: ['fullstory'],
    value: oneOf(klass('A-Za-z0-9/+-', `${BASE64}-`, 88), cat(lit('na1.'), klass('A-Za-z0-9+/', BASE64, 100))),
  }),
  row({ provider: 'FXMarketAPI', keywords: ['fxmarket'], value: klass('0-9A-Za-z_=-', `${BASE64URL}=`, 20) }),
];
