import type { SecretRule } from './types.js';
import { ALNUM, BASE64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, fake, fakeUuid } from './fake.js';
import { contextRule, prefixedRule } from './define.js';

/** A name made of the provider's word and an assignment operator: `DISCORD_CLIENT_ID=`, `discordId: `. */
const ASSIGNED_TO = (word: string) => `${word}[\\w.-]{0,24}["']?\\s{0,4}(?:=|:|=>)`;

const rotateSlack = 'Revoke it at api.slack.com/apps (OAuth & Permissions or Basic Information) and reinstall the app.';
const digits = (n: number, salt: string) => fake(n, DIGITS, salt);

export const CHAT_RULES: SecretRule[] = [
  contextRule({
    id: 'telegram-bot-token-near-name',
    title: 'Telegram bot token',
    provider: 'Telegram',
    keywords: ['telegram'],
    // The same `<bot id>:<35 characters>` form when it does not start `AA`, next to the word telegram.
    value: '[0-9]{5,16}:A[A-Za-z0-9_-]{34}',
    sample: `${digits(9, 'tgn')}:A${fake(34, BASE64URL, 'tgn2')}`,
    env: 'TELEGRAM_TOKEN',
    minEntropy: 3.5,
    remediation: 'Revoke the token with @BotFather (/revoke) and update the bot.',
  }),
  prefixedRule({
    id: 'slack-bot-token',
    title: 'Slack bot token',
    provider: 'Slack',
    env: 'SLACK_BOT_TOKEN',
    prefix: 'xoxb-',
    // Current bot tokens, and the legacy `xoxb-<8–14 digits>-<18–26 characters>` form.
    body: '[0-9]{10,13}-[0-9]{10,13}(?:-[A-Za-z0-9]{24,34})?|[0-9]{8,14}-[A-Za-z0-9]{18,34}',
    sample: `${digits(12, 's1')}-${digits(13, 's2')}-${fake(24, ALNUM, 's3')}`,
    remediation: rotateSlack,
    notSecret: ['token: xoxb-123-456'],
  }),
  prefixedRule({
    id: 'slack-user-token',
    title: 'Slack user or workspace token',
    provider: 'Slack',
    env: 'SLACK_USER_TOKEN',
    prefix: 'xox',
    keywords: ['xoxp-', 'xoxa-', 'xoxo-', 'xoxs-', 'xoxr-'],
    // User tokens; legacy `xoxo-`/`xoxs-` tokens (digit groups, then hex); workspace tokens
    // `xoxa-`/`xoxr-`, optionally versioned (`xoxa-2-…`).
    body: '[paors]-(?:2-)?[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{28,64}|[pr]-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,64}|[os]-[0-9]{5,13}-[0-9]{5,13}-[0-9]{5,13}-[A-Fa-f0-9]{8,64}|[ar]-(?:[0-9]-)?[A-Za-z0-9]{8,48}',
    sample: `p-${digits(12, 'u1')}-${digits(12, 'u2')}-${digits(13, 'u3')}-${fake(32, HEX, 'u4')}`,
    sample2: `a-2-${digits(12, 'u5')}-${digits(12, 'u6')}-${digits(13, 'u7')}-${fake(64, HEX, 'u8')}`,
    remediation: rotateSlack,
    notSecret: ['SLACK_USER_TOKEN=xoxp-123-456-789-abc'],
  }),
  prefixedRule({
    id: 'slack-config-token',
    title: 'Slack app configuration token',
    provider: 'Slack',
    env: 'SLACK_CONFIG_TOKEN',
    prefix: 'xoxe',
    keywords: ['xoxe.xox', 'xoxe-'],
    body: '(?:\\.xox[bp])?-1-[A-Za-z0-9]{140,170}|-1-[A-Za-z0-9]{140,170}',
    sample: `.xoxp-1-${fake(146, ALNUM, 'xoxe')}`,
    remediation: rotateSlack,
  }),
  prefixedRule({
    id: 'slack-app-token',
    title: 'Slack app-level token',
    provider: 'Slack',
    env: 'SLACK_APP_TOKEN',
    prefix: 'xapp-',
    body: '[0-9]-[A-Z0-9]{9,12}-[0-9]{10,14}-[a-f0-9]{64}',
    sample: `1-A${fake(10, UPPER_ALNUM, 'xapp')}-${digits(13, 'xapp')}-${fake(64, HEX, 'xapp')}`,
    remediation: rotateSlack,
  }),
  {
    id: 'slack-webhook-url',
    title: 'Slack incoming webhook URL',
    provider: 'Slack',
    confidence: 'confirmed',
    severity: 'medium',
    keywords: ['hooks.slack.com'],
    // `services/T…/B…/…` for incoming webhooks; workflow and trigger URLs carry one opaque path.
    pattern:
      /(?<secret>(?:https?:\/\/)?hooks\.slack\.com\/(?:services|workflows|triggers)\/(?:T[A-Z0-9]{8,12}\/[A-Z0-9]{8,12}\/[A-Za-z0-9]{23,24}|[A-Za-z0-9+/]{43,56}))(?![A-Za-z0-9+/])/,
    remediation: 'Delete the webhook in the Slack app settings (Incoming Webhooks) and create a new one.',
    examples: {
      secret: [
        `webhook_url: https://hooks.slack.com/services/T${fake(8, UPPER_ALNUM, 'w1')}/B${fake(10, UPPER_ALNUM, 'w2')}/${fake(24, ALNUM, 'w3')}`,
      ],
      notSecret: [
        'webhook_url: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
        'see https://hooks.slack.com/services/ for docs',
      ],
    },
  },
  {
    id: 'discord-bot-token',
    title: 'Discord bot token',
    provider: 'Discord',
    confidence: 'provider',
    severity: 'high',
    // Not `client`, `auth` or `bot`: words in half the lines of a codebase, which the prefilter would keep.
    keywords: ['discord', 'token', 'bearer', '.login(', '.run('],
    // base64(user id) . base64(timestamp) . HMAC; the id part starts with M, N or O for current snowflakes.
    pattern: /(?<![\w.-])(?<secret>[MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![\w.-])/,
    minEntropy: 4,
    remediation: 'Reset the token in the Discord Developer Portal (Applications > Bot > Reset Token).',
    examples: {
      secret: [`DISCORD_TOKEN=MT${fake(24, ALNUM, 'dc1')}.${fake(6, BASE64URL, 'dc2')}.${fake(38, BASE64URL, 'dc3')}`],
      notSecret: ['DISCORD_TOKEN=your.discord.token', 'client.login(process.env.DISCORD_TOKEN);'],
    },
  },
  {
    id: 'discord-webhook-url',
    title: 'Discord webhook URL',
    provider: 'Discord',
    confidence: 'confirmed',
    severity: 'medium',
    keywords: ['/api/webhooks/'],
    pattern: /(?<secret>https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,68})(?![\w-])/,
    remediation: 'Delete the webhook in the Discord channel settings (Integrations > Webhooks).',
    examples: {
      secret: [`DISCORD_WEBHOOK=https://discord.com/api/webhooks/${digits(19, 'dw1')}/${fake(68, BASE64URL, 'dw2')}`],
      notSecret: ['DISCORD_WEBHOOK=https://discord.com/api/webhooks/{id}/{token}'],
    },
  },
  contextRule({
    id: 'discord-client-secret',
    title: 'Discord OAuth client secret',
    provider: 'Discord',
    keywords: ['discord'],
    value: '[A-Za-z0-9_-]{32}',
    sample: fake(32, BASE64URL, 'dcs'),
    env: 'DISCORD_CLIENT_SECRET',
    minEntropy: 3.8,
    remediation: 'Reset the client secret in the Discord Developer Portal (OAuth2).',
  }),
  contextRule({
    id: 'discord-public-key',
    title: "Discord application public key (gitleaks' Discord API key)",
    provider: 'Discord',
    // 64 hex digits next to the name: what the Developer Portal shows as the application's public
    // key, for verifying interactions. gitleaks reports it; it signs nothing, so it is capped low.
    severity: 'low',
    keywords: ['discord'],
    value: '[a-f0-9]{64}',
    sample: fake(64, HEX, 'discordpk'),
    env: 'DISCORD_PUBLIC_KEY',
    minEntropy: 3.2,
    remediation: 'Nothing to revoke: check whether the client secret or bot token was committed beside it.',
  }),
  contextRule({
    id: 'discord-client-id',
    title: 'Discord application (client) ID (an identifier: sensitive only with its secret)',
    provider: 'Discord',
    severity: 'low',
    keywords: ['discord'],
    // Assigned to a discord name, not any number after the word (a server id in a badge URL).
    name: ASSIGNED_TO('discord'),
    value: '[0-9]{18,19}',
    sample: digits(18, 'dcid'),
    env: 'DISCORD_CLIENT_ID',
    minEntropy: 2.8,
    remediation: 'Check whether its client secret or bot token was committed too; if so, reset them in the Discord Developer Portal.',
  }),
  {
    id: 'telegram-bot-token',
    title: 'Telegram bot token',
    provider: 'Telegram',
    confidence: 'confirmed',
    severity: 'high',
    keywords: [':aa'],
    // `<bot id>:AA…`: bot ids run from 5 to 16 digits.
    pattern: /(?<![\w:-])(?<secret>[0-9]{5,16}:AA[A-Za-z0-9_-]{33})(?![\w-])/,
    minEntropy: 3.8,
    remediation: 'Revoke the token with @BotFather (/revoke) and update the bot.',
    examples: {
      secret: [
        `TELEGRAM_BOT_TOKEN=${digits(10, 'tg')}:AA${fake(33, BASE64URL, 'tg')}`,
        `bot = Bot(token="${digits(9, 'tg2')}:AA${fake(33, BASE64URL, 'tg2')}")`,
      ],
      notSecret: ['TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxx', 'time: 12:AA'],
    },
  },
  {
    id: 'microsoft-teams-webhook',
    title: 'Microsoft Teams incoming webhook URL',
    provider: 'Microsoft Teams',
    confidence: 'confirmed',
    severity: 'medium',
    keywords: ['webhook.office.com', 'logic.azure.com', 'powerplatform.com'],
    // Connector URLs (webhook.office.com), and the Workflows (Power Automate) URLs that replace
    // them: on logic.azure.com, then environment.api.powerplatform.com, signed by `sig`.
    pattern:
      /(?<secret>https:\/\/(?:[a-z0-9-]{1,60}\.webhook\.office\.com\/webhookb2\/[a-f0-9-]{36}@[a-f0-9-]{36}\/IncomingWebhook\/[A-Za-z0-9]{32}\/[a-f0-9-]{36}(?:\/[A-Za-z0-9_-]{40,60})?|[a-z0-9.-]{1,120}\.(?:logic\.azure\.com|environment\.api\.powerplatform\.com)(?::443)?\/(?:powerautomate\/automations\/direct\/)?workflows\/[a-f0-9]{32}\/triggers\/manual\/paths\/invoke\?(?:[^\s'"&#]{1,100}&){0,8}?sig=[A-Za-z0-9_-]{43}))/,
    remediation: 'Remove the Incoming Webhook connector from the Teams channel and create a new one.',
    examples: {
      secret: [
        `TEAMS_WEBHOOK=https://contoso.webhook.office.com/webhookb2/${fakeUuid('t1')}@${fakeUuid('t2')}/IncomingWebhook/${fake(32, HEX, 't3')}/${fakeUuid('t4')}`,
        `TEAMS_WEBHOOK=https://prod-27.westeurope.logic.azure.com:443/workflows/${fake(32, HEX, 't5')}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${fake(43, BASE64URL, 't6')}`,
        `url: https://default${fake(32, HEX, 't7')}.0e.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/${fake(32, HEX, 't8')}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${fake(43, BASE64URL, 't9')}`,
      ],
      notSecret: [
        'TEAMS_WEBHOOK=https://contoso.webhook.office.com/webhookb2/<id>',
        'TEAMS_WEBHOOK=https://prod-27.westeurope.logic.azure.com:443/workflows/<id>/triggers/manual/paths/invoke?sig=<sig>',
      ],
    },
  },
  contextRule({
    id: 'mattermost-token',
    title: 'Mattermost access token',
    provider: 'Mattermost',
    keywords: ['mattermost'],
    name: 'mattermost',
    value: '[a-z0-9]{26}',
    sample: fake(26, LOWER_ALNUM, 'mm'),
    env: 'MATTERMOST_TOKEN',
    minEntropy: 3.8,
    remediation: 'Revoke the token in Mattermost (Profile > Security > Personal access tokens).',
  }),
  prefixedRule({
    id: 'twitch-oauth-token',
    title: 'Twitch OAuth token',
    provider: 'Twitch',
    env: 'TWITCH_OAUTH',
    prefix: 'oauth:',
    body: '[a-z0-9]{30}',
    sample: fake(30, LOWER_ALNUM, 'twitch'),
    minEntropy: 3.8,
    remediation: 'Revoke the token through the Twitch API revoke endpoint or disconnect the app in Twitch settings.',
  }),
  contextRule({
    id: 'twitch-client-secret',
    title: 'Twitch client secret',
    provider: 'Twitch',
    keywords: ['twitch'],
    name: 'twitch',
    value: '[a-z0-9]{30}',
    sample: fake(30, LOWER_ALNUM, 'twitchs'),
    env: 'TWITCH_CLIENT_SECRET',
    minEntropy: 3.8,
    remediation: 'Generate a new client secret in the Twitch developer console.',
  }),
  contextRule({
    id: 'zoom-client-secret',
    title: 'Zoom API client secret',
    provider: 'Zoom',
    keywords: ['zoom'],
    name: 'zoom[\\w.-]{0,20}(?:secret|token|key)',
    value: '[A-Za-z0-9]{32}',
    sample: fake(32, ALNUM, 'zoom'),
    env: 'ZOOM_CLIENT_SECRET',
    minEntropy: 3.8,
    remediation: 'Regenerate the client secret of the app in the Zoom App Marketplace.',
  }),
];
