// Providers G to O: keyword-context rows (a provider keyword, then a value of the provider's shape)
// and prefix patterns for tokens that carry their own prefix.
//
// Shapes follow the format the provider issues. Where trufflehog's detector reads a wider alphabet
// for the same length (`[a-z0-9]{32}` for keys issued as hex), the row takes that reading: a
// provider keyword vouches against the generic rule's near misses in its window, so a row narrower
// than what other scanners report would silence a finding instead of naming it. For the same
// reason, a row for a provider whose user-chosen password sits beside its key (InfluxDB, Odoo,
// Metabase) requires the name to say token, key or secret, and so claims nothing over a password.
import { isStructuredJwt } from '../../detect/formats.js';
import { contextRule, prefixedRule } from '../define.js';
import { ALNUM, BASE64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, fake } from '../fake.js';
import { defaultMinEntropy, namedCredential, notWords, providerRow } from '../row.js';
import {
  alnum,
  anyHex,
  base64,
  base64url,
  cat,
  custom,
  digits,
  hex,
  jwt,
  klass,
  letters,
  lit,
  lowerAlnum,
  mergeAlphabets,
  oneOf,
  upperAlnum,
  upperHex,
  uuid,
  uuidLike,
  type Shape,
} from '../shapes.js';
import type { ContextRule, SecretRule } from '../types.js';

/** `[a-z0-9_-]`: lowercase tokens where the tools also accept `_` and `-`; rows using it turn slugs away. */
const lowerWord = (length: number): Shape =>
  custom(`[a-z0-9_-]{${length}}`, 'a-z0-9_\\-', length, (salt) => fake(length, LOWER_ALNUM, `lowerword${salt}`));

interface NamedRowSpec {
  id: string;
  title: string;
  provider: string;
  keywords: string[];
  /** Regex source the name before the value must match (case-insensitive). */
  name: string;
  value: Shape;
  /** Variable name for the generated examples; it must match `name`. */
  env: string;
  severity?: ContextRule['severity'];
  remediation?: string;
  secret?: string[];
  notSecret?: string[];
}

/**
 * A row whose keyword also names a public ID (or another secret) of the same shape: the name
 * before the value must say which it is (`onelogin_client_secret`, not `onelogin_client_id`).
 */
function namedRow(spec: NamedRowSpec): ContextRule {
  const sample = spec.value.sample(spec.provider);
  const keyword = spec.keywords[0]!;
  const rule = contextRule({
    id: spec.id,
    title: spec.title,
    provider: spec.provider,
    keywords: spec.keywords,
    name: spec.name,
    value: spec.value.source,
    sample,
    env: spec.env,
    minEntropy: defaultMinEntropy(spec.value),
    ...(spec.severity ? { severity: spec.severity } : {}),
    remediation: spec.remediation ?? `Revoke the key in your ${spec.provider} account and issue a new one.`,
    ...(spec.secret ? { secret: spec.secret } : {}),
    notSecret: [`rook${keyword}ish_secret = "${sample}"`, ...(spec.notSecret ?? [])],
  });
  // contextRule() reads a hand-written value case-insensitively; a shape states its own case.
  return { ...rule, value: new RegExp(spec.value.source), alphabet: mergeAlphabets([spec.value.alphabet]) };
}

export const PROVIDERS_G_O: SecretRule[] = [
  // --- G ---
  providerRow({
    provider: 'Gandi',
    keywords: ['gandi'],
    value: alnum(24),
    title: 'Gandi API key',
    remediation: 'Regenerate the API key in Gandi (User settings > Authentication options), or move to a personal access token.',
  }),
  namedRow({
    id: 'gate-io-api-secret',
    title: 'Gate.io API secret',
    provider: 'Gate.io',
    keywords: ['gateio', 'gate_io', 'gate.io'],
    name: 'gate[_.]?io[\\w. -]{0,20}secret',
    value: hex(64),
    env: 'GATEIO_API_SECRET',
    remediation: 'Delete the API key in Gate.io (Account > API Management) and create a new one.',
    notSecret: [`GATEIO_API_KEY=${fake(32, HEX, 'gateiokey')}`],
  }),
  providerRow({ provider: 'Geckoboard', keywords: ['geckoboard'], value: alnum(44) }),
  namedRow({
    id: 'gemini-api-secret',
    title: 'Gemini (exchange) API secret',
    provider: 'Gemini',
    // "gemini" also names Google's model, whose keys are AIza keys (the Google Cloud rule).
    keywords: ['gemini'],
    name: 'gemini[\\w. -]{0,20}secret',
    value: alnum([27, 28]),
    env: 'GEMINI_API_SECRET',
    remediation: 'Revoke the API key in Gemini (Settings > API) and create a new one.',
    notSecret: [`GEMINI_MODEL = "gemini-1.5-pro-${fake(12, LOWER_ALNUM, 'gm')}"`],
  }),
  providerRow({ provider: 'Geoapify', keywords: ['geoapify'], value: lowerAlnum(32) }),
  providerRow({ provider: 'Geocodio', keywords: ['geocodio'], value: lowerAlnum(39) }),
  providerRow({ provider: 'GetResponse', keywords: ['getresponse'], value: lowerAlnum(32) }),
  providerRow({
    id: 'ghost-admin-api-key',
    provider: 'Ghost',
    title: 'Ghost Admin API key',
    // "ghost" alone is an English word; the admin key is `<24 hex id>:<64 hex secret>`.
    keywords: ['ghost_admin', 'ghost-admin', 'ghostadmin', 'ghost_api', 'ghost-api'],
    value: cat(hex(24), lit(':'), hex(64)),
    remediation: 'Regenerate the Admin API key of the custom integration in Ghost (Settings > Integrations).',
  }),
  providerRow({
    id: 'gitter-access-token',
    provider: 'Gitter',
    title: 'Gitter access token',
    keywords: ['gitter'],
    value: lowerWord(40),
    verify: notWords,
    remediation: 'Revoke the token at developer.gitter.im and issue a new one.',
    notSecret: ['gitter room: frontend-developers-community-chatroom-a'],
  }),
  providerRow({ provider: 'Glassnode', keywords: ['glassnode'], value: alnum(27) }),
  namedRow({
    id: 'godaddy-api-secret',
    title: 'GoDaddy API secret',
    provider: 'GoDaddy',
    keywords: ['godaddy'],
    name: 'godaddy[\\w. -]{0,20}secret',
    value: alnum(22),
    env: 'GODADDY_API_SECRET',
    remediation: 'Delete the API key at developer.godaddy.com/keys and create a new one.',
    notSecret: [`GODADDY_API_KEY=${fake(13, ALNUM, 'gdkey')}_${fake(22, ALNUM, 'gdkey2')}`],
  }),
  providerRow({ provider: 'Gogs', keywords: ['gogs'], value: hex(40), title: 'Gogs access token' }),
  providerRow({ provider: 'GoodDay', keywords: ['goodday'], value: lowerAlnum(32) }),
  {
    id: 'google-chat-webhook-url',
    title: 'Google Chat incoming webhook URL',
    provider: 'Google Chat',
    confidence: 'confirmed',
    // Anyone with the URL can post to the space, as with Slack's webhooks.
    severity: 'medium',
    keywords: ['chat.googleapis.com'],
    pattern:
      /chat\.googleapis\.com\/v1\/spaces\/[A-Za-z0-9_-]{6,20}\/messages\?key=[A-Za-z0-9_-]{39}&(?:amp;)?token=(?<secret>[A-Za-z0-9_-]{43}(?:%3D|=)?)(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    remediation: 'Delete the webhook in the Google Chat space (Apps & integrations > Webhooks) and create a new one.',
    examples: {
      secret: [
        `WEBHOOK=https://chat.googleapis.com/v1/spaces/AAAA${fake(7, ALNUM, 'gcs')}/messages?key=AIza${fake(35, BASE64URL, 'gck')}&token=${fake(43, BASE64URL, 'gct')}%3D`,
      ],
      notSecret: ['WEBHOOK=https://chat.googleapis.com/v1/spaces/SPACE_ID/messages?key=KEY&token=TOKEN'],
    },
  },
  namedRow({
    id: 'google-recaptcha-secret-key',
    title: 'Google reCAPTCHA secret key',
    provider: 'Google reCAPTCHA',
    keywords: ['recaptcha'],
    // The site key has the same shape and is public: only the secret key counts.
    name: 'recaptcha[\\w. -]{0,20}secret',
    value: cat(lit('6L'), base64url(38)),
    env: 'RECAPTCHA_SECRET_KEY',
    remediation: 'Delete the site in the reCAPTCHA admin console (or the key in Google Cloud) and register a new one.',
    notSecret: [`RECAPTCHA_SITE_KEY=6L${fake(38, BASE64URL, 'recaptchasite')}`],
  }),
  providerRow({ provider: 'GTmetrix', keywords: ['gtmetrix'], value: lowerAlnum(32) }),
  providerRow({
    provider: 'GraphHopper',
    keywords: ['graphhopper'],
    value: uuidLike(),
    verify: notWords,
    notSecret: ["graphhopper profile = 'car-fastest-route-with-traffic-data1'"],
  }),
  providerRow({ provider: 'Groove', keywords: ['groovehq'], value: alnum(64), title: 'Groove API token' }),
  providerRow({
    provider: 'Guardian Open Platform',
    keywords: ['guardianapi', 'guardian_api', 'guardian-api', 'theguardian'],
    value: uuidLike(),
    verify: notWords,
  }),
  providerRow({ provider: 'Guru', keywords: ['getguru', 'guru_api', 'guru_token', 'guru-api'], value: uuid(), title: 'Guru API token' }),
  providerRow({ provider: 'Gyazo', keywords: ['gyazo'], value: base64url(43), title: 'Gyazo access token' }),

  // --- H ---
  providerRow({ provider: 'Happy Scribe', keywords: ['happyscribe', 'happy_scribe'], value: alnum(24) }),
  providerRow({
    id: 'harvest-personal-access-token',
    provider: 'Harvest',
    title: 'Harvest personal access token',
    // "harvest" alone is an English word; the token is `<user id>.pt.<86 base64url>`.
    keywords: ['harvest_', 'harvest-', 'harvestapp', 'getharvest'],
    // Or 97 characters of that alphabet, as trufflehog reads it.
    value: oneOf(
      cat(digits([6, 8]), lit('.pt.'), base64url(86)),
      custom('[A-Za-z0-9._-]{97}', 'A-Za-z0-9._\\-', 97, (salt) => fake(97, ALNUM, salt)),
    ),
    verify: notWords,
    remediation: 'Revoke the token in Harvest ID (Developers > Personal access tokens).',
  }),
  namedRow({
    id: 'hcaptcha-secret-key',
    title: 'hCaptcha secret key',
    provider: 'hCaptcha',
    keywords: ['hcaptcha'],
    // `0x` and 40 hex digits is also an Ethereum address: the name must say secret.
    name: 'hcaptcha[\\w. -]{0,20}secret',
    value: cat(lit('0x'), hex(40)),
    env: 'HCAPTCHA_SECRET',
    remediation: 'Generate a new secret in the hCaptcha dashboard (Settings).',
    notSecret: [`HCAPTCHA_WALLET = "0x${fake(40, HEX, 'hcaptchawallet')}"`],
  }),
  prefixedRule({
    id: 'helicone-api-key',
    title: 'Helicone API key',
    provider: 'Helicone',
    env: 'HELICONE_API_KEY',
    prefix: 'sk-helicone-',
    body: '(?:eu-)?[a-z0-9]{7}-[a-z0-9]{7}-[a-z0-9]{7}-[a-z0-9]{7}',
    sample: [1, 2, 3, 4].map((part) => fake(7, LOWER_ALNUM, `helicone${part}`)).join('-'),
    minEntropy: 3.5,
    remediation: 'Delete the key in Helicone (Settings > API keys) and create a new one.',
  }),
  providerRow({
    provider: 'HelloSign',
    keywords: ['hellosign', 'hello_sign'],
    value: hex(64),
    title: 'Dropbox Sign (HelloSign) API key',
  }),
  providerRow({ provider: 'Helius', keywords: ['helius'], value: uuid() }),
  providerRow({
    provider: 'HERE',
    // "here" alone is an English word.
    keywords: ['here_api', 'hereapi', 'here-api', 'heremaps', 'here_maps', 'here.com'],
    value: base64url(43),
    remediation: 'Delete the API key in the HERE platform (Access manager > Apps) and create a new one.',
  }),
  providerRow({
    id: 'hetzner-dns-api-token',
    provider: 'Hetzner',
    title: 'Hetzner DNS API token',
    keywords: ['hetzner_dns', 'hetzner-dns'],
    value: alnum(32),
    remediation: 'Delete the token in the Hetzner DNS Console (API tokens) and create a new one.',
  }),
  providerRow({ provider: 'Hiveage', keywords: ['hiveage'], value: base64url(20) }),
  providerRow({ provider: 'Holiday API', keywords: ['holidayapi', 'holiday_api'], value: uuidLike(), verify: notWords }),
  providerRow({
    provider: 'Host.io',
    keywords: ['hostio', 'host_io', 'host.io'],
    value: lowerAlnum(14),
    title: 'Host.io API token',
    minEntropy: 2.5,
  }),
  providerRow({
    provider: 'Hygraph',
    keywords: ['hygraph', 'graphcms'],
    value: jwt(),
    verify: isStructuredJwt,
    title: 'Hygraph (GraphCMS) permanent auth token',
    remediation: 'Delete the permanent auth token in Hygraph (Project settings > Access > Permanent auth tokens).',
  }),
  providerRow({ provider: 'HTML2PDF', keywords: ['html2pdf'], value: alnum(64) }),
  providerRow({
    provider: 'Hunter',
    // "hunter" alone is a word and a name.
    keywords: ['hunterio', 'hunter_io', 'hunter.io', 'hunter_api', 'hunter-api'],
    value: lowerWord(40),
    verify: notWords,
    remediation: 'Regenerate the API key in Hunter (API > Keys).',
  }),

  // --- I ---
  providerRow({
    id: 'iex-cloud-secret-token',
    provider: 'IEX Cloud',
    title: 'IEX Cloud secret token',
    keywords: ['iexcloud', 'iex_cloud', 'iexapis', 'iex_token', 'iex_api'],
    // Publishable tokens (`pk_`) are meant for browsers; the secret ones start `sk_`.
    value: cat(lit('sk_'), hex(32)),
  }),
  providerRow({
    id: 'iex-cloud-sandbox-token',
    provider: 'IEX Cloud',
    title: 'IEX Cloud sandbox secret token',
    severity: 'medium',
    keywords: ['iexcloud', 'iex_cloud', 'iexapis', 'iex_token', 'iex_api'],
    value: cat(lit('Tsk_'), hex(32)),
  }),
  {
    id: 'ifttt-webhook-key',
    title: 'IFTTT Webhooks key',
    provider: 'IFTTT',
    confidence: 'confirmed',
    severity: 'high',
    keywords: ['maker.ifttt.com'],
    // The key in `maker.ifttt.com/trigger/<event>/with/key/<key>` fires every applet of the account.
    pattern:
      /maker\.ifttt\.com\/(?:trigger\/[A-Za-z0-9_.-]{1,64}\/(?:json\/)?with\/key|use)\/(?<secret>[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
    remediation: 'Regenerate the key in IFTTT (Webhooks service > Documentation or Settings) and update every caller.',
    examples: {
      secret: [`curl -X POST https://maker.ifttt.com/trigger/door_open/with/key/${fake(22, BASE64URL, 'ifttt')}`],
      notSecret: ['url = "https://maker.ifttt.com/trigger/{event}/with/key/{your_key}"'],
    },
  },
  providerRow({ provider: 'Iconfinder', keywords: ['iconfinder'], value: alnum(64) }),
  providerRow({
    id: 'imagekit-private-key',
    provider: 'ImageKit',
    title: 'ImageKit private API key',
    keywords: ['imagekit'],
    // `private_` and the base64 of 20 bytes; the `public_` key is meant for browsers.
    // Or 36 characters of `[A-Za-z0-9_=]`, as trufflehog reads it.
    value: oneOf(
      custom('private_[A-Za-z0-9+/]{27}=', 'A-Za-z0-9+/=_', 36, (salt) => `private_${fake(27, ALNUM, `imagekit${salt}`)}=`),
      custom('[A-Za-z0-9_=]{36}', 'A-Za-z0-9_=', 36, (salt) => fake(36, ALNUM, salt)),
    ),
    verify: notWords,
    remediation: 'Regenerate the private key in ImageKit (Developer options > API keys).',
    notSecret: [`IMAGEKIT_PUBLIC_KEY=public_${fake(27, ALNUM, 'imagekitpub')}=`],
  }),
  providerRow({
    id: 'imgur-client-secret',
    provider: 'Imgur',
    title: 'Imgur client secret',
    keywords: ['imgur'],
    value: hex(40),
    remediation: 'Delete the application at imgur.com/account/settings/apps and register a new one.',
    notSecret: [`IMGUR_CLIENT_ID=${fake(15, HEX, 'imgurid')}`],
  }),
  namedRow({
    id: 'influxdb-api-token',
    title: 'InfluxDB API token',
    provider: 'InfluxDB',
    // "influx" alone is an English word; INFLUX_TOKEN is the CLI's variable. The name must say
    // token: the admin password set beside it is the generic rule's to judge.
    keywords: ['influxdb', 'influx_token', 'influx-token'],
    name: 'influx(?:db)?[\\w. -]{0,20}token',
    value: cat(base64url(86), lit('==')),
    env: 'DOCKER_INFLUXDB_INIT_ADMIN_TOKEN',
    remediation: 'Delete the token in InfluxDB (Load Data > API Tokens, or `influx auth delete`) and create a new one.',
    secret: [`export INFLUX_TOKEN=${fake(86, BASE64URL, 'influxcli')}==`],
  }),
  providerRow({
    provider: 'Infobip',
    keywords: ['infobip'],
    value: cat(hex(32), lit('-'), uuid()),
    remediation: 'Revoke the API key in the Infobip portal (Developer tools > API keys).',
  }),
  providerRow({
    provider: 'Infura',
    keywords: ['infura'],
    value: lowerAlnum(32),
    remediation: 'Delete the API key in the Infura (MetaMask Developer) dashboard and create a new one.',
    secret: [`const provider = new JsonRpcProvider("https://mainnet.infura.io/v3/${fake(32, HEX, 'infuraurl')}");`],
  }),
  prefixedRule({
    id: 'inngest-signing-key',
    title: 'Inngest signing key',
    provider: 'Inngest',
    env: 'INNGEST_SIGNING_KEY',
    prefix: 'signkey-',
    keywords: ['signkey-prod-', 'signkey-test-', 'signkey-branch-'],
    body: '(?:prod|test|branch)-[a-f0-9]{64}',
    sample: `prod-${fake(64, HEX, 'inngest')}`,
    minEntropy: 3.2,
    remediation: 'Rotate the signing key in Inngest (Manage > Signing key).',
  }),
  providerRow({
    id: 'infisical-service-token',
    provider: 'Infisical',
    title: 'Infisical service token',
    keywords: ['infisical'],
    // `st.<token id>.<secret>.<key>`.
    value: cat(lit('st.'), hex(24), lit('.'), hex(32), lit('.'), hex(32)),
    remediation: 'Delete the service token in Infisical (Project settings > Service tokens) and create a new one.',
  }),
  providerRow({ provider: 'Insightly', keywords: ['insightly'], value: uuidLike(), verify: notWords }),
  prefixedRule({
    id: 'intra42-client-secret',
    title: '42 Intra API client secret',
    provider: 'Intra 42',
    env: 'INTRA42_CLIENT_SECRET',
    prefix: 's-s4t2',
    keywords: ['s-s4t2ud-', 's-s4t2af-'],
    body: '(?:ud|af)-[a-f0-9]{64}',
    sample: `ud-${fake(64, HEX, 'intra42')}`,
    minEntropy: 3.2,
    remediation: 'Generate a new secret for the application in the 42 Intra (API > Your applications).',
  }),
  namedRow({
    id: 'intuit-client-secret',
    title: 'Intuit (QuickBooks) OAuth client secret',
    provider: 'Intuit',
    keywords: ['intuit', 'quickbooks'],
    name: '(?:intuit|quickbooks)[\\w. -]{0,20}secret',
    value: alnum(40),
    env: 'QUICKBOOKS_CLIENT_SECRET',
    remediation: 'Rotate the client secret of the app in the Intuit Developer portal (Keys & credentials).',
  }),
  providerRow({ provider: 'IP2Location', keywords: ['ip2location'], value: upperAlnum(32) }),
  providerRow({ provider: 'ipapi', keywords: ['ipapi'], value: lowerAlnum(32) }),
  providerRow({ provider: 'IPGeolocation', keywords: ['ipgeolocation'], value: lowerAlnum(32) }),
  providerRow({ provider: 'ipify', keywords: ['ipify', 'geoipify'], value: cat(lit('at_'), alnum(29)) }),
  providerRow({
    id: 'ipinfo-token',
    provider: 'IPinfo',
    title: 'IPinfo access token',
    keywords: ['ipinfo'],
    value: hex(14),
    // Fourteen random hex digits often carry less than 3 bits a character.
    minEntropy: 2.5,
  }),
  providerRow({ provider: 'IPInfoDB', keywords: ['ipinfodb'], value: lowerAlnum(64) }),
  providerRow({ provider: 'IPQualityScore', keywords: ['ipqualityscore', 'ipquality', 'ipqs'], value: alnum(32) }),
  providerRow({ provider: 'ipstack', keywords: ['ipstack'], value: lowerAlnum(32) }),

  // trufflehog's invoiceocean reads 20 alphanumerics next to the name (the account is a subdomain).
  providerRow({ provider: 'InvoiceOcean', keywords: ['invoiceocean'], value: alnum(20), title: 'InvoiceOcean API token' }),

  // --- J ---
  providerRow({
    id: 'jira-api-token',
    provider: 'Atlassian',
    keywords: ['jira', 'atlassian', 'confluence'],
    // trufflehog's jiratoken (v2): `ATATT`, the token, `=` and eight check characters, whatever its
    // length. Full-length Cloud tokens (ATATT3…, 192 characters) are `atlassian-api-token`'s, found anywhere.
    value: custom(
      'ATATT[A-Za-z0-9+/_-][A-Za-z0-9+/=_-]{10,300}=[A-Za-z0-9]{8}',
      'A-Za-z0-9+/=_-',
      [25, 315],
      (salt) => `ATATT${fake(40, BASE64URL, salt)}=${fake(8, UPPER_ALNUM, `${salt}/crc`)}`,
    ),
    title: 'Atlassian (Jira) API token',
    remediation: 'Revoke the token at id.atlassian.com (Security > API tokens).',
  }),
  // Issued as 32 hex digits; trufflehog reads any 32 alphanumerics.
  providerRow({
    provider: 'Jotform',
    keywords: ['jotform'],
    value: alnum(32),
    secret: [`jotform token = '${fake(32, ALNUM, 'jotform-mixed')}'`],
  }),
  providerRow({
    provider: 'JumpCloud',
    keywords: ['jumpcloud'],
    value: hex(40),
    remediation: 'Generate a new API key in the JumpCloud Admin Portal (your account > My API Key); the old one stops working.',
  }),
  providerRow({ provider: 'JupiterOne', keywords: ['jupiterone', 'jupiter_one'], value: alnum(64) }),

  // --- K ---
  // trufflehog's kanbantool reads 12 uppercase alphanumerics (the account is a subdomain).
  providerRow({ provider: 'Kanban Tool', keywords: ['kanbantool', 'kanban_tool'], value: upperAlnum(12), title: 'Kanban Tool API token' }),
  providerRow({
    provider: 'Kaggle',
    keywords: ['kaggle'],
    value: hex(32),
    remediation: 'Expire the API token in Kaggle (Settings > API) and create a new kaggle.json.',
  }),
  providerRow({
    provider: 'Keen',
    // "keen" alone is an English word.
    keywords: ['keenio', 'keen_io', 'keen.io', 'keen_project', 'keen_write', 'keen_read', 'keen_master'],
    // Keen's keys are hex digits, written upper-case by its console; trufflehog reads `[0-9A-Z]{64}`.
    value: oneOf(anyHex(64), upperAlnum(64)),
    secret: [`keenio '${fake(64, UPPER_ALNUM, 'keen-upper')}'`],
    title: 'Keen API key',
  }),
  providerRow({
    id: 'keygen-token',
    provider: 'Keygen',
    title: 'Keygen API token',
    // "keygen" alone is also ssh-keygen; the token names its kind and ends in its version.
    keywords: ['keygen_', 'keygen-sh', 'keygen.sh'],
    value: custom(
      '(?:admin|prod|env|user|activ)-[a-f0-9]{64}v3',
      'a-z0-9\\-',
      [67, 70],
      (salt) => `prod-${fake(64, HEX, `keygen${salt}`)}v3`,
    ),
    remediation: 'Revoke the token in the Keygen dashboard (Tokens) and create a new one.',
  }),
  providerRow({
    id: 'klaviyo-private-api-key',
    provider: 'Klaviyo',
    title: 'Klaviyo private API key',
    keywords: ['klaviyo'],
    value: cat(lit('pk_'), alnum(34)),
    remediation: 'Revoke the private key in Klaviyo (Settings > API keys) and create a new one.',
  }),
  providerRow({ provider: 'Klipfolio', keywords: ['klipfolio'], value: hex(40) }),
  providerRow({
    provider: 'Knapsack Pro',
    // "knapsack" alone is a word (and an algorithm).
    keywords: ['knapsack_pro', 'knapsackpro', 'knapsack-pro'],
    value: lowerAlnum(32),
    title: 'Knapsack Pro API token',
  }),
  // Named: the passphrase set beside the key and secret is chosen by the user (the generic rule's).
  namedRow({
    id: 'kucoin-api-secret',
    title: 'KuCoin API secret',
    provider: 'KuCoin',
    keywords: ['kucoin'],
    // The secret is a UUID and the key 24 hex digits: the shape tells them apart whatever the name
    // (`KUCOIN_TOKEN ?= "<uuid>"`), as gitleaks and trufflehog read them. The passphrase stays generic.
    name: 'kucoin',
    value: uuid(),
    env: 'KUCOIN_API_SECRET',
    secret: [`KUCOIN_TOKEN ?= "${uuid().sample('kucoin-token')}"`],
    remediation: 'Delete the API key in KuCoin (API Management) and create a new one.',
  }),
  namedRow({
    id: 'kucoin-api-key',
    title: 'KuCoin API key',
    provider: 'KuCoin',
    // The key identifies the API key; it signs nothing without the secret and the passphrase.
    severity: 'low',
    keywords: ['kucoin'],
    name: 'kucoin',
    value: hex(24),
    env: 'KUCOIN_API_KEY',
    remediation: 'Delete the API key in KuCoin (API Management) if its secret was exposed too.',
  }),
  providerRow({ provider: 'Kylas', keywords: ['kylas'], value: uuidLike(), verify: notWords }),

  // --- L ---
  namedRow({
    id: 'lark-app-secret',
    title: 'Lark (Feishu) app secret',
    provider: 'Lark',
    // "lark" alone is a bird and a Python parser.
    keywords: ['larksuite', 'lark_app', 'lark-app', 'feishu'],
    name: '(?:lark|feishu)[\\w. -]{0,20}secret',
    value: alnum(32),
    env: 'LARK_APP_SECRET',
    remediation: 'Reset the app secret in the Lark (Feishu) developer console (Credentials & basic info).',
  }),
  namedRow({
    id: 'lastfm-shared-secret',
    title: 'Last.fm API shared secret',
    provider: 'Last.fm',
    keywords: ['lastfm', 'last_fm', 'last.fm'],
    // The API key has the same shape and is sent in every request URL.
    name: 'last[_.]?fm[\\w. -]{0,20}secret',
    value: hex(32),
    env: 'LASTFM_SHARED_SECRET',
    remediation: 'Reset the shared secret of the API account at last.fm/api/accounts.',
    notSecret: [`LASTFM_API_KEY=${fake(32, HEX, 'lastfmkey')}`],
  }),
  providerRow({ provider: 'lemlist', keywords: ['lemlist'], value: hex(32) }),
  providerRow({
    provider: 'Lemon Squeezy',
    keywords: ['lemonsqueezy', 'lemon_squeezy', 'lemon-squeezy'],
    value: jwt(),
    verify: isStructuredJwt,
    remediation: 'Revoke the API key in Lemon Squeezy (Settings > API) and create a new one.',
  }),
  providerRow({
    id: 'line-channel-access-token',
    provider: 'LINE',
    title: 'LINE Messaging API channel access token',
    // "line" alone is everywhere in code.
    keywords: ['line_channel', 'linebot', 'line_bot', 'line-bot', 'line_messaging'],
    value: base64([171, 172]),
    remediation: 'Reissue the channel access token in the LINE Developers console (Messaging API tab).',
  }),
  providerRow({
    id: 'line-notify-token',
    provider: 'LINE Notify',
    title: 'LINE Notify access token',
    keywords: ['line_notify', 'linenotify', 'notify-api.line.me'],
    value: alnum(43),
  }),
  namedRow({
    id: 'linear-client-secret',
    title: 'Linear OAuth client secret',
    provider: 'Linear',
    // "linear" alone is a common word: the name must say which secret it is.
    keywords: ['linear'],
    name: 'linear[\\w. -]{0,20}secret',
    value: hex(32),
    env: 'LINEAR_CLIENT_SECRET',
    remediation: 'Rotate the client secret of the OAuth application in Linear (Settings > API).',
    notSecret: [`linear_hash = "${fake(32, HEX, 'linearhash')}"`],
  }),
  prefixedRule({
    id: 'linear-oauth-token',
    title: 'Linear OAuth access token',
    provider: 'Linear',
    env: 'LINEAR_ACCESS_TOKEN',
    prefix: 'lin_oauth_',
    body: '[a-f0-9]{64}',
    sample: fake(64, HEX, 'linoauth'),
    minEntropy: 3.2,
    remediation: 'Revoke the token (POST oauth/revoke) or the application’s access in Linear (Settings > Security & access).',
  }),
  prefixedRule({
    id: 'llamacloud-api-key',
    title: 'LlamaCloud API key',
    provider: 'LlamaIndex',
    env: 'LLAMA_CLOUD_API_KEY',
    prefix: 'llx-',
    body: '[A-Za-z0-9]{48}',
    sample: fake(48, ALNUM, 'llx'),
    minEntropy: 4,
    remediation: 'Delete the key in LlamaCloud (API Keys) and create a new one.',
  }),
  providerRow({
    id: 'lob-test-api-key',
    provider: 'Lob',
    title: 'Lob test API key',
    severity: 'medium',
    // `test_` and 35 hex digits is distinctive enough for the bare name (`lobToken`), as gitleaks reads it.
    keywords: ['lob'],
    value: cat(lit('test_'), hex(35)),
    secret: [`lobToken="test_${fake(35, HEX, 'lob-camel')}"`],
    remediation: 'Roll the test API key in the Lob dashboard (Settings > API Keys).',
  }),
  providerRow({
    id: 'lob-publishable-key',
    provider: 'Lob',
    title: 'Lob publishable API key',
    // Publishable keys are meant for browsers (address autocompletion): gitleaks reports them.
    severity: 'low',
    keywords: ['lob'],
    value: cat(
      custom('(?:live|test)', 'a-z', 4, () => 'live'),
      lit('_pub_'),
      hex(31),
    ),
    remediation: 'Roll the key in the Lob dashboard (Settings > API Keys) if it was not meant to be public.',
  }),
  namedRow({
    id: 'line-channel-secret',
    title: 'LINE channel secret',
    provider: 'LINE',
    keywords: ['line_channel', 'linebot', 'line_bot', 'line-bot', 'line_messaging'],
    name: '(?:line[_-]?(?:channel|bot|messaging)|linebot)[\\w. -]{0,20}secret',
    value: hex(32),
    env: 'LINE_CHANNEL_SECRET',
    remediation: 'Issue a new channel secret in the LINE Developers console (Basic settings).',
  }),
  providerRow({ provider: 'LinkPreview', keywords: ['linkpreview'], value: lowerAlnum(32) }),
  providerRow({ provider: 'Livestorm', keywords: ['livestorm'], value: jwt(), verify: isStructuredJwt, title: 'Livestorm API token' }),
  // Issued as `pk.` and 32 hex digits; trufflehog reads `pk\.[a-zA-Z0-9-]{32}`.
  providerRow({
    provider: 'LocationIQ',
    keywords: ['locationiq'],
    value: cat(lit('pk.'), klass('A-Za-z0-9-', `${ALNUM}-`, 32)),
    verify: notWords,
    secret: [`locationiq token = 'pk.${fake(16, ALNUM, 'liq1')}-${fake(15, ALNUM, 'liq2')}'`],
    title: 'LocationIQ access token',
  }),
  providerRow({ provider: 'Loggly', keywords: ['loggly'], value: uuid(), title: 'Loggly customer token' }),
  namedRow({
    id: 'loginradius-api-secret',
    title: 'LoginRadius API secret',
    provider: 'LoginRadius',
    keywords: ['loginradius'],
    // The API key is a UUID too, and public (it sits in the login page).
    name: 'loginradius[\\w. -]{0,20}secret',
    value: uuid(),
    env: 'LOGINRADIUS_API_SECRET',
    remediation: 'Reset the API secret in the LoginRadius dashboard (Configuration > API credentials).',
  }),
  providerRow({
    provider: 'Logz.io',
    keywords: ['logzio', 'logz_io', 'logz.io'],
    // Shipping tokens are 32 letters; API tokens are UUIDs.
    value: oneOf(letters(32), uuid()),
    title: 'Logz.io token',
  }),
  providerRow({ provider: 'Lokalise', keywords: ['lokalise'], value: lowerAlnum(40), title: 'Lokalise API token' }),
  namedRow({
    id: 'looker-client-secret',
    title: 'Looker API client secret',
    provider: 'Looker',
    keywords: ['looker'],
    name: 'looker[\\w. -]{0,20}secret',
    value: alnum(24),
    env: 'LOOKER_CLIENT_SECRET',
    remediation: 'Delete the API key of the user in Looker (Admin > Users > Edit keys) and create a new one.',
  }),
  providerRow({ provider: 'Loyverse', keywords: ['loyverse'], value: lowerAlnum(32), title: 'Loyverse access token' }),

  providerRow({
    provider: 'Lunch Money',
    keywords: ['lunchmoney', 'lunch_money'],
    value: lowerAlnum(50),
    title: 'Lunch Money access token',
  }),

  // --- M ---
  providerRow({ provider: 'mailboxlayer', keywords: ['mailboxlayer'], value: lowerAlnum(32) }),
  providerRow({
    id: 'mailerlite-api-token',
    provider: 'MailerLite',
    title: 'MailerLite API token',
    keywords: ['mailerlite'],
    value: jwt(),
    verify: isStructuredJwt,
    remediation: 'Delete the token in MailerLite (Integrations > API) and create a new one.',
  }),
  providerRow({
    id: 'mailerlite-api-key-classic',
    provider: 'MailerLite',
    title: 'MailerLite Classic API key',
    keywords: ['mailerlite'],
    value: hex(32),
    remediation: 'Generate a new API key in MailerLite Classic (Integrations > Developer API).',
  }),
  providerRow({
    id: 'mailgun-api-key-context',
    provider: 'Mailgun',
    keywords: ['mailgun'],
    // trufflehog's mailgun reads, next to the name, the original 72-character token and `key-` with
    // 32 lowercase alphanumerics (hex `key-` keys anywhere are `mailgun-api-key`'s).
    value: oneOf(klass('A-Za-z0-9-', `${ALNUM}-`, 72), cat(lit('key-'), lowerAlnum(32))),
    verify: notWords,
    title: 'Mailgun API key',
    remediation: 'Delete the key in Mailgun (Account settings > API security) and create a new one.',
    secret: [`MAILGUN_API_KEY=key-${fake(32, LOWER_ALNUM, 'mailgun-ctx')}`],
  }),
  providerRow({
    id: 'mailjet-sms-token',
    provider: 'Mailjet',
    keywords: ['mailjet'],
    // The SMS API's bearer token: 32 alphanumerics (the email API's key and secret are 32 hex
    // digits, `mailjet-secret-key`'s, which comes first).
    value: alnum(32),
    verify: notWords,
    title: 'Mailjet SMS API token',
    remediation: 'Delete the token in Mailjet (Account settings > SMS > API token) and create a new one.',
  }),
  providerRow({
    provider: 'Mailmodo',
    keywords: ['mailmodo'],
    value: custom('[A-Z0-9]{7}-[A-Z0-9]{7}-[A-Z0-9]{7}-[A-Z0-9]{7}', 'A-Z0-9\\-', 31, (salt) =>
      [1, 2, 3, 4].map((part) => fake(7, UPPER_ALNUM, `mailmodo${salt}${part}`)).join('-'),
    ),
  }),
  namedRow({
    id: 'mailtrap-api-token',
    title: 'Mailtrap API token',
    provider: 'Mailtrap',
    keywords: ['mailtrap'],
    // Not the SMTP password of a sandbox inbox, which the generic rule judges.
    name: 'mailtrap[\\w. -]{0,20}(?:token|api|key)',
    value: hex(32),
    env: 'MAILTRAP_API_TOKEN',
    remediation: 'Reset the API token in Mailtrap (Settings > API Tokens).',
  }),
  {
    id: 'make-webhook-url',
    title: 'Make (Integromat) webhook URL',
    provider: 'Make',
    confidence: 'confirmed',
    // Anyone with the URL can start the scenario with data of their choosing.
    severity: 'medium',
    keywords: ['make.com/', 'integromat.com/'],
    pattern: /(?<secret>hook\.(?:(?:eu|us)[12]\.make\.com|(?:[a-z0-9]{1,10}\.)?integromat\.com)\/[a-z0-9]{32})(?![A-Za-z0-9])/,
    minEntropy: 3.5,
    remediation: 'Delete the webhook in Make (Webhooks) and point the scenario at a new one.',
    examples: {
      secret: [`MAKE_WEBHOOK=https://hook.eu1.make.com/${fake(32, LOWER_ALNUM, 'make')}`],
      notSecret: ['see https://hook.eu1.make.com/ for your scenario', 'url: https://www.make.com/en/help/tools/webhooks'],
    },
  },
  providerRow({
    id: 'mapbox-public-token',
    provider: 'Mapbox',
    keywords: ['mapbox'],
    // gitleaks' mapbox-api-token: `pk.`, 60 and 22 alphanumerics. Public tokens are meant for
    // browsers (scoped by URL); the secret `sk.` ones are `mapbox-secret-token`'s.
    value: cat(lit('pk.'), alnum(60), lit('.'), alnum(22)),
    severity: 'low',
    title: 'Mapbox public access token',
    remediation: 'Restrict the token to your URLs in Mapbox (Account > Access tokens), or rotate it if it was not meant to be public.',
  }),
  providerRow({ provider: 'MapQuest', keywords: ['mapquest'], value: alnum(32) }),
  namedRow({
    id: 'marketo-client-secret',
    title: 'Marketo REST API client secret',
    provider: 'Marketo',
    keywords: ['marketo'],
    name: 'marketo[\\w. -]{0,20}secret',
    value: alnum(32),
    env: 'MARKETO_CLIENT_SECRET',
    remediation: 'Delete the API-only user’s service in Marketo (Admin > LaunchPoint) and create new credentials.',
  }),
  providerRow({ provider: 'marketstack', keywords: ['marketstack'], value: lowerAlnum(32) }),
  namedRow({
    id: 'mastodon-access-token',
    title: 'Mastodon access token or client secret',
    provider: 'Mastodon',
    keywords: ['mastodon'],
    // Access token, client key and client secret share this shape; a password does not.
    name: 'mastodon[\\w. -]{0,20}(?:token|secret|key)',
    value: base64url(43),
    env: 'MASTODON_ACCESS_TOKEN',
    remediation: 'Regenerate the access token of the application on the Mastodon server (Preferences > Development).',
  }),
  namedRow({
    id: 'matomo-auth-token',
    title: 'Matomo auth token',
    provider: 'Matomo',
    keywords: ['matomo', 'piwik'],
    // Not the database password of a Matomo install, which the generic rule judges.
    name: '(?:matomo|piwik)[\\w. -]{0,20}(?:token|auth)',
    value: hex(32),
    env: 'MATOMO_TOKEN_AUTH',
    remediation: 'Delete the token in Matomo (Administration > Personal > Security > Auth tokens) and create a new one.',
  }),
  prefixedRule({
    id: 'matrix-access-token',
    title: 'Matrix (Synapse) access token',
    provider: 'Matrix',
    env: 'MATRIX_ACCESS_TOKEN',
    // `syt_<base64 localpart>_<20 random letters>_<6 base62 check characters>`.
    prefix: 'syt_',
    body: '[A-Za-z0-9+/-]{1,100}_[A-Za-z]{20}_[A-Za-z0-9]{6}',
    sample: `${Buffer.from('bot').toString('base64')}_${fake(20, ALNUM.slice(0, 52), 'syt')}_${fake(6, ALNUM, 'syt2')}`,
    minEntropy: 3.5,
    remediation: 'Log the session out (POST /logout, or the client’s session list) and log in again for a new token.',
  }),
  {
    id: 'maxmind-license-key',
    title: 'MaxMind license key',
    provider: 'MaxMind',
    confidence: 'confirmed',
    keywords: ['_mmk'],
    // `<6>_<29>_mmk`: the suffix is MaxMind's own.
    pattern: /(?<![\w-])(?<secret>[A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)(?![\w-])/,
    minEntropy: 3.5,
    remediation: 'Deactivate the license key in your MaxMind account (Manage license keys) and create a new one.',
    examples: {
      secret: [`MAXMIND_LICENSE_KEY=${fake(6, ALNUM, 'mm1')}_${fake(29, ALNUM, 'mm2')}_mmk`],
      notSecret: ['MAXMIND_LICENSE_KEY=xxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxx_mmk', `key = "${fake(6, ALNUM, 'mm1')}_mmk"`],
    },
  },
  providerRow({ provider: 'MeaningCloud', keywords: ['meaningcloud'], value: lowerAlnum(32) }),
  providerRow({ provider: 'mediastack', keywords: ['mediastack'], value: lowerAlnum(32) }),
  prefixedRule({
    id: 'mercadopago-access-token',
    title: 'Mercado Pago production access token',
    provider: 'Mercado Pago',
    env: 'MERCADOPAGO_ACCESS_TOKEN',
    // The public key is `APP_USR-<uuid>`: only the access token has this shape.
    prefix: 'APP_USR-',
    body: '[0-9]{16}-[0-9]{6}-[a-f0-9]{32}-[0-9]{6,12}',
    sample: `${fake(16, DIGITS, 'mp1')}-${fake(6, DIGITS, 'mp2')}-${fake(32, HEX, 'mp3')}-${fake(9, DIGITS, 'mp4')}`,
    minEntropy: 3.5,
    remediation: 'Renew the credentials of the application in Mercado Pago (Your integrations > Credentials).',
  }),
  providerRow({ provider: 'Meraki', keywords: ['meraki'], value: hex(40), title: 'Cisco Meraki API key' }),
  namedRow({
    id: 'metabase-embedding-secret',
    title: 'Metabase embedding secret key',
    provider: 'Metabase',
    keywords: ['metabase'],
    // Not the admin or database password of the install, which the generic rule judges.
    name: 'metabase[\\w. -]{0,20}(?:secret|key)',
    value: hex(64),
    env: 'METABASE_SECRET_KEY',
    remediation: 'Regenerate the embedding secret key in Metabase (Admin > Embedding); embeds signed with the old key stop working.',
  }),
  providerRow({ provider: 'MeisterTask', keywords: ['meistertask'], value: alnum(43), title: 'MeisterTask access token' }),
  providerRow({
    provider: 'Mezmo',
    keywords: ['mezmo', 'logdna'],
    value: hex(32),
    title: 'Mezmo (LogDNA) ingestion key',
  }),
  prefixedRule({
    id: 'midtrans-server-key',
    title: 'Midtrans production server key',
    provider: 'Midtrans',
    env: 'MIDTRANS_SERVER_KEY',
    prefix: 'Mid-server-',
    body: '[A-Za-z0-9_-]{24}',
    sample: fake(24, BASE64URL, 'midtrans'),
    minEntropy: 3.5,
    remediation: 'Regenerate the server key in the Midtrans dashboard (Settings > Access keys).',
    notSecret: [`MIDTRANS_CLIENT_KEY=Mid-client-${fake(16, ALNUM, 'midclient')}`],
  }),
  prefixedRule({
    id: 'midtrans-sandbox-server-key',
    title: 'Midtrans sandbox server key',
    provider: 'Midtrans',
    severity: 'medium',
    env: 'MIDTRANS_SERVER_KEY',
    prefix: 'SB-Mid-server-',
    body: '[A-Za-z0-9_-]{24}',
    sample: fake(24, BASE64URL, 'midtranssb'),
    minEntropy: 3.5,
    remediation: 'Regenerate the sandbox server key in the Midtrans dashboard (Settings > Access keys).',
  }),
  providerRow({
    id: 'mollie-test-api-key',
    provider: 'Mollie',
    title: 'Mollie test API key',
    severity: 'medium',
    keywords: ['mollie'],
    value: cat(lit('test_'), alnum(30)),
    remediation: 'Reset the test API key in the Mollie Dashboard (Developers > API keys).',
  }),
  providerRow({ provider: 'MindMeister', keywords: ['mindmeister'], value: alnum(43), title: 'MindMeister access token' }),
  prefixedRule({
    id: 'miro-access-token',
    title: 'Miro access token',
    provider: 'Miro',
    env: 'MIRO_ACCESS_TOKEN',
    // The base64 of {"miro.origin":"eu01"}, then `_` and the token.
    prefix: 'eyJtaXJvLm9yaWdpbiI6ImV1MDEifQ_',
    body: '[A-Za-z0-9_-]{20,60}',
    sample: fake(27, BASE64URL, 'miro'),
    minEntropy: 4,
    remediation: 'Revoke the token in Miro (Profile settings > Your apps) and reinstall the app for a new one.',
  }),
  providerRow({
    id: 'modal-token-secret',
    provider: 'Modal',
    title: 'Modal token secret',
    // "modal" alone is a UI word; the secret half of a token pair starts `as-` (the ID `ak-`).
    keywords: ['modal_token', 'modal-token'],
    value: cat(lit('as-'), alnum(22)),
    remediation: 'Delete the token in Modal (Settings > API tokens) and create a new one.',
    notSecret: [`MODAL_TOKEN_ID=ak-${fake(22, ALNUM, 'modalid')}`],
  }),
  providerRow({ provider: 'MonkeyLearn', keywords: ['monkeylearn'], value: lowerAlnum(40) }),
  providerRow({ provider: 'Moosend', keywords: ['moosend'], value: uuid() }),
  providerRow({
    provider: 'Moralis',
    keywords: ['moralis'],
    value: jwt(),
    verify: isStructuredJwt,
    remediation: 'Rotate the API key in the Moralis admin panel (Settings > API keys).',
  }),
  providerRow({
    id: 'moralis-api-key-legacy',
    provider: 'Moralis',
    title: 'Moralis API key (legacy)',
    keywords: ['moralis'],
    value: alnum(64),
    remediation: 'Rotate the API key in the Moralis admin panel (Settings > API keys).',
  }),
  namedRow({
    id: 'mux-token-secret',
    title: 'Mux access token secret',
    provider: 'Mux',
    // "mux" alone is three letters and a common abbreviation.
    keywords: ['mux_token', 'mux-token', 'mux_secret'],
    name: 'mux[\\w. -]{0,20}secret',
    value: base64(75),
    env: 'MUX_TOKEN_SECRET',
    remediation: 'Revoke the access token in the Mux dashboard (Settings > Access tokens) and create a new one.',
  }),

  providerRow({
    id: 'messagebird-client-id',
    provider: 'MessageBird',
    keywords: ['messagebird', 'message_bird', 'message-bird'],
    // gitleaks' messagebird-client-id: a UUID in either case. An identifier of an OAuth client.
    value: uuid({ upper: true }),
    severity: 'low',
    title: 'MessageBird (Bird) client ID',
    remediation: 'Check whether the access key was committed too; if so, delete it in the MessageBird dashboard.',
  }),
  providerRow({ provider: 'MetaApi', keywords: ['metaapi', 'meta-api', 'meta_api'], value: hex(64), title: 'MetaApi API token' }),
  providerRow({
    id: 'mixpanel-project-token',
    provider: 'Mixpanel',
    keywords: ['mixpanel'],
    // The project token, which the browser SDK carries (trufflehog reads 32 alphanumerics next to
    // the name); the API secret of the same shape, named secret, is `mixpanel-api-secret`'s.
    value: alnum(32),
    verify: notWords,
    severity: 'low',
    title: 'Mixpanel project token',
    remediation: 'Check whether the API secret or a service account was committed too; if so, reset it in Mixpanel.',
  }),

  // --- N ---
  providerRow({ provider: 'NASA', keywords: ['nasa_', 'api.nasa.gov'], value: alnum(40), title: 'NASA Open APIs key' }),
  providerRow({
    provider: 'Nasdaq Data Link',
    keywords: ['nasdaq', 'quandl'],
    value: base64url(20),
    title: 'Nasdaq Data Link (Quandl) API key',
  }),
  providerRow({ provider: 'Namecheap', keywords: ['namecheap'], value: hex(32) }),
  providerRow({
    provider: 'NetSuite',
    keywords: ['netsuite'],
    // Token-based authentication: consumer key and secret, token ID and secret, 64 hex digits each
    // (trufflehog reads 64 alphanumerics).
    value: alnum(64),
    verify: notWords,
    title: 'NetSuite token-based authentication key',
    remediation: 'Revoke the access token and reset the integration record’s credentials in NetSuite (Setup > Integration).',
  }),
  providerRow({ provider: 'Neutrino API', keywords: ['neutrinoapi', 'neutrino_api', 'neutrino-api'], value: alnum(48) }),
  providerRow({ provider: 'NewsAPI', keywords: ['newsapi'], value: lowerAlnum(32) }),
  // trufflehog's New Relic detectors read their keys after "new relic" (with a space) as well.
  namedCredential(
    providerRow({
      id: 'new-relic-license-key-legacy',
      provider: 'New Relic',
      keywords: ['newrelic', 'new relic', 'new_relic', 'new-relic'],
      // Before `…NRAL` keys: 40 characters, named as the license key (a pinned commit is 40 too).
      value: alnum(40),
      title: 'New Relic license key (legacy)',
      remediation: 'Rotate the license key in New Relic (Administration > API keys).',
      secret: [`NEW_RELIC_LICENSE_KEY=${fake(40, HEX, 'nr-legacy')}`, `new relic license key = '${fake(40, ALNUM, 'nr-legacy2')}'`],
      notSecret: [`uses: newrelic/deployment-marker-action@${fake(40, HEX, 'nr-sha')}`],
    }),
    'license',
  ),
  providerRow({
    id: 'new-relic-user-api-id',
    provider: 'New Relic',
    keywords: ['newrelic', 'new relic', 'new_relic', 'new-relic'],
    // gitleaks' new-relic-user-api-id: 64 alphanumerics next to the name.
    value: alnum(64),
    verify: notWords,
    severity: 'low',
    title: 'New Relic user API ID',
    remediation: 'Check whether the user API key was committed too; if so, delete it in New Relic (Administration > API keys).',
  }),
  providerRow({
    id: 'new-relic-key-context',
    provider: 'New Relic',
    keywords: ['newrelic', 'new relic', 'new_relic', 'new-relic'],
    // Keys with a kind prefix that the prefix rules do not take: a browser key read as `NRBR-` and
    // insights insert keys shorter than 32 characters, as trufflehog's detectors read them.
    value: oneOf(cat(lit('NRBR-'), hex(19)), cat(lit('NRII-'), base64url([25, 31]))),
    title: 'New Relic API key',
    remediation: 'Delete the key in New Relic (Administration > API keys) and create a new one.',
  }),
  providerRow({
    provider: 'New York Times',
    keywords: ['nytimes', 'newyorktimes', 'new-york-times', 'new_york_times'],
    value: alnum(32),
    title: 'New York Times API key',
  }),
  providerRow({ provider: 'Newscatcher', keywords: ['newscatcher'], value: base64url(43) }),
  providerRow({ provider: 'NFTPort', keywords: ['nftport'], value: uuidLike(), verify: notWords }),
  providerRow({
    provider: 'Nightfall',
    keywords: ['nightfall'],
    value: cat(lit('NF-'), alnum(32)),
    remediation: 'Delete the API key in the Nightfall dashboard (Manage API keys) and create a new one.',
  }),
  providerRow({ provider: 'NLP Cloud', keywords: ['nlpcloud', 'nlp_cloud'], value: hex(40), title: 'NLP Cloud API token' }),
  providerRow({ provider: 'Numverify', keywords: ['numverify'], value: lowerAlnum(32) }),
  prefixedRule({
    id: 'nvidia-api-key',
    title: 'NVIDIA API key (NGC, build.nvidia.com)',
    provider: 'NVIDIA',
    env: 'NVIDIA_API_KEY',
    prefix: 'nvapi-',
    body: '[A-Za-z0-9_-]{64}',
    sample: fake(64, BASE64URL, 'nvapi'),
    minEntropy: 4,
    remediation: 'Revoke the key in NGC (Setup > API keys) or at build.nvidia.com and create a new one.',
  }),
  providerRow({ provider: 'Nutritionix', keywords: ['nutritionix'], value: lowerAlnum(32) }),
  providerRow({ provider: 'Nylas', keywords: ['nylas'], value: alnum(30), title: 'Nylas access token' }),

  // --- O ---
  providerRow({
    id: 'oanda-api-token',
    provider: 'OANDA',
    title: 'OANDA API access token',
    keywords: ['oanda'],
    // v20 tokens are two runs of 32 hex digits; trufflehog also reads 24 alphanumerics.
    value: oneOf(cat(hex(32), lit('-'), hex(32)), alnum(24)),
    verify: notWords,
    secret: [`oanda token = '${fake(24, ALNUM, 'oanda24')}'`],
    remediation: 'Revoke the token in OANDA (My services > Manage API access) and generate a new one.',
  }),
  namedRow({
    id: 'odoo-api-key',
    title: 'Odoo API key',
    provider: 'Odoo',
    keywords: ['odoo'],
    // Not the admin or database password of an Odoo server, which the generic rule judges.
    name: 'odoo[\\w. -]{0,20}(?:api|key|token)',
    value: hex(40),
    env: 'ODOO_API_KEY',
    remediation: 'Delete the key in Odoo (Preferences > Account Security > API Keys) and create a new one.',
  }),
  namedRow({
    id: 'okx-api-secret',
    title: 'OKX API secret key',
    provider: 'OKX',
    // "okx" alone is three letters.
    keywords: ['okx_', 'okx-', 'okex'],
    name: 'ok(?:x|ex)[\\w. -]{0,20}secret',
    value: upperHex(32),
    env: 'OKX_SECRET_KEY',
    remediation: 'Delete the API key in OKX (Profile > API) and create a new one.',
  }),
  prefixedRule({
    id: 'omise-secret-key',
    title: 'Omise live secret key',
    provider: 'Omise',
    env: 'OMISE_SECRET_KEY',
    prefix: 'skey_',
    body: '[0-9a-z]{19}',
    sample: `5${fake(18, LOWER_ALNUM, 'omise')}`,
    minEntropy: 3.5,
    remediation: 'Roll the keys in the Omise dashboard (Keys).',
    notSecret: [`OMISE_PUBLIC_KEY=pkey_5${fake(18, LOWER_ALNUM, 'omisepub')}`],
  }),
  prefixedRule({
    id: 'omise-test-secret-key',
    title: 'Omise test secret key',
    provider: 'Omise',
    severity: 'medium',
    env: 'OMISE_SECRET_KEY',
    prefix: 'skey_test_',
    body: '[0-9a-z]{19}',
    sample: `5${fake(18, LOWER_ALNUM, 'omisetest')}`,
    minEntropy: 3.5,
    remediation: 'Roll the test keys in the Omise dashboard (Keys).',
  }),
  providerRow({
    provider: 'Omnisend',
    keywords: ['omnisend'],
    // `<24 hex brand id>-<50 characters>`.
    value: cat(hex(24), lit('-'), alnum(50)),
    remediation: 'Delete the API key in Omnisend (Store settings > API keys) and create a new one.',
  }),
  namedRow({
    id: 'onelogin-client-secret',
    title: 'OneLogin API client secret',
    provider: 'OneLogin',
    keywords: ['onelogin'],
    // The client ID is 64 hex digits too: the name must say secret, either after the provider's
    // name or just before the value (trufflehog's onelogin reads `secret`, then up to 20 of
    // `[a-zA-Z0-9_' "=]`, then the value).
    name: `onelogin[\\w. -]{0,20}secret|secret[\\w'" =:-]{0,20}$`,
    // Issued as 64 hex digits; trufflehog reads `[a-z0-9]{64}`.
    value: lowerAlnum(64),
    env: 'ONELOGIN_CLIENT_SECRET',
    remediation: 'Delete the API credential in OneLogin (Developers > API Credentials) and create a new one.',
    secret: [`onelogin token - 'secret_${fake(64, HEX, 'onelogin-prefixed')}'`],
    notSecret: [`ONELOGIN_CLIENT_ID=${fake(64, HEX, 'oneloginid')}`, `onelogin token - 'id_${fake(64, HEX, 'onelogin-id2')}'`],
  }),
  providerRow({
    id: 'onesignal-rest-api-key',
    provider: 'OneSignal',
    title: 'OneSignal REST API key (legacy)',
    keywords: ['onesignal'],
    value: alnum(48),
    remediation: 'Rotate the REST API key in OneSignal (Settings > Keys & IDs).',
    notSecret: [
      `ONESIGNAL_APP_ID=${fake(8, HEX, 'os1')}-${fake(4, HEX, 'os2')}-${fake(4, HEX, 'os3')}-${fake(4, HEX, 'os4')}-${fake(12, HEX, 'os5')}`,
    ],
  }),
  prefixedRule({
    id: 'onesignal-api-key',
    title: 'OneSignal API key',
    provider: 'OneSignal',
    env: 'ONESIGNAL_REST_API_KEY',
    prefix: 'os_v2_',
    keywords: ['os_v2_app_', 'os_v2_org_'],
    body: '(?:app|org)_[a-z0-9]{100,120}',
    sample: `app_${fake(113, LOWER_ALNUM, 'osv2')}`,
    minEntropy: 4,
    remediation: 'Delete the key in OneSignal (Settings > Keys & IDs) and create a new one.',
  }),
  providerRow({ provider: 'OpenCage', keywords: ['opencage'], value: lowerAlnum(32) }),
  providerRow({ provider: 'OpenWeather', keywords: ['openweather', 'owm_api'], value: lowerAlnum(32) }),
  namedRow({
    id: 'opsgenie-api-key',
    title: 'Opsgenie API key',
    provider: 'Opsgenie',
    keywords: ['opsgenie', 'geniekey'],
    // Teams, schedules and integrations have UUIDs too: the name must say key.
    name: 'opsgenie[\\w. -]{0,20}(?:key|token)|geniekey',
    value: uuid(),
    env: 'OPSGENIE_API_KEY',
    remediation: 'Delete the API key in Opsgenie (Settings > API key management, or the integration) and create a new one.',
    secret: [
      `Authorization: GenieKey ${fake(8, HEX, 'og1')}-${fake(4, HEX, 'og2')}-${fake(4, HEX, 'og3')}-${fake(4, HEX, 'og4')}-${fake(12, HEX, 'og5')}`,
    ],
    notSecret: [
      `OPSGENIE_TEAM_ID=${fake(8, HEX, 'ot1')}-${fake(4, HEX, 'ot2')}-${fake(4, HEX, 'ot3')}-${fake(4, HEX, 'ot4')}-${fake(12, HEX, 'ot5')}`,
    ],
  }),
  providerRow({ provider: 'Owlbot', keywords: ['owlbot'], value: lowerAlnum(40) }),
];
