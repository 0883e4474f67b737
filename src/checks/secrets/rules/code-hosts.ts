import type { SecretRule } from './types.js';
import { ALNUM, BASE64URL, HEX, fake } from './fake.js';
import { prefixed } from './patterns.js';
import { contextRule, prefixedRule } from './define.js';
import { hasValidCrc32Suffix } from '../detect/formats.js';

const rotateGitHub =
  'Revoke it in GitHub under Settings > Developer settings (or the app or organization that issued it) and issue a new one.';

/** GitHub tokens: prefix + 36 base62 characters (the last 6 are a CRC32 checksum). */
function gitHubToken(id: string, prefix: string, kind: string, severity?: SecretRule['severity']): SecretRule {
  return {
    id,
    title: `GitHub ${kind}`,
    provider: 'GitHub',
    confidence: 'confirmed',
    ...(severity ? { severity } : {}),
    keywords: [prefix],
    prefixes: [prefix],
    checksum: (secret) => hasValidCrc32Suffix(secret),
    pattern: prefixed(`${prefix}[A-Za-z0-9]{36}`),
    minEntropy: 3,
    remediation: rotateGitHub,
    examples: {
      secret: [`const token = "${prefix}${fake(36, ALNUM, prefix)}";`, `GITHUB_TOKEN=${prefix}${fake(36, ALNUM, prefix + '2')}`],
      notSecret: [`token = "${prefix}${fake(30, ALNUM, prefix)}"`, `# tokens start with ${prefix} followed by 36 characters`],
    },
  };
}

const rotateGitLab =
  'Revoke the token in GitLab (User, group or project settings > Access tokens, or the runner/deploy token page) and create a new one.';

function gitLabToken(id: string, title: string, prefix: string, body: string, sample: string, env: string): SecretRule {
  return prefixedRule({
    id: `gitlab-${id}`,
    title: `GitLab ${title}`,
    provider: 'GitLab',
    env,
    prefix,
    body,
    sample,
    minEntropy: 3.3,
    remediation: rotateGitLab,
  });
}

export const CODE_HOST_RULES: SecretRule[] = [
  gitHubToken('github-pat', 'ghp_', 'personal access token (classic)'),
  gitHubToken('github-oauth-token', 'gho_', 'OAuth access token'),
  gitHubToken('github-user-to-server-token', 'ghu_', 'user-to-server token'),
  gitHubToken('github-server-to-server-token', 'ghs_', 'server-to-server (app installation) token', 'high'),
  gitHubToken('github-refresh-token', 'ghr_', 'refresh token'),
  {
    id: 'github-fine-grained-pat',
    title: 'GitHub fine-grained personal access token',
    provider: 'GitHub',
    confidence: 'confirmed',
    keywords: ['github_pat_'],
    // `github_pat_` + 22 + `_` + 59 today; 82 word characters in all is what GitHub guarantees.
    pattern: prefixed('github_pat_[A-Za-z0-9_]{82}'),
    minEntropy: 3.5,
    remediation: rotateGitHub,
    examples: {
      secret: [`export GH_TOKEN=github_pat_${fake(22, ALNUM, 'fg1')}_${fake(59, ALNUM, 'fg2')}`],
      notSecret: ['GH_TOKEN=github_pat_<your-token>', `github_pat_${fake(22, ALNUM, 'fg1')}_${fake(20, ALNUM, 'fg2')}`],
    },
  },
  gitLabToken(
    'pat',
    'personal, project or group access token',
    'glpat-',
    '[A-Za-z0-9_-]{20}(?:[A-Za-z0-9_.-]{0,40})',
    fake(20, BASE64URL, 'glpat'),
    'GITLAB_TOKEN',
  ),
  gitLabToken('deploy-token', 'deploy token', 'gldt-', '[A-Za-z0-9_-]{20}', fake(20, BASE64URL, 'gldt'), 'CI_DEPLOY_PASSWORD'),
  gitLabToken('runner-token', 'runner authentication token', 'glrt-', '[A-Za-z0-9_.-]{20,60}', fake(20, BASE64URL, 'glrt'), 'RUNNER_TOKEN'),
  gitLabToken('pipeline-trigger-token', 'pipeline trigger token', 'glptt-', '[a-f0-9]{40}', fake(40, HEX, 'glptt'), 'TRIGGER_TOKEN'),
  gitLabToken(
    'runner-registration-token',
    'runner registration token',
    'GR1348941',
    '[A-Za-z0-9_-]{20}',
    fake(20, BASE64URL, 'gr134'),
    'REGISTRATION_TOKEN',
  ),
  gitLabToken(
    'oauth-app-secret',
    'OAuth application secret',
    'gloas-',
    '[A-Za-z0-9_-]{64}',
    fake(64, BASE64URL, 'gloas'),
    'GITLAB_OAUTH_SECRET',
  ),
  gitLabToken('scim-token', 'SCIM OAuth token', 'glsoat-', '[A-Za-z0-9_-]{20}', fake(20, BASE64URL, 'glsoat'), 'GITLAB_SCIM_TOKEN'),
  gitLabToken('feed-token', 'feed token', 'glft-', '[A-Za-z0-9_-]{20}', fake(20, BASE64URL, 'glft'), 'GITLAB_FEED_TOKEN'),
  gitLabToken(
    'incoming-mail-token',
    'incoming mail token',
    'glimt-',
    '[A-Za-z0-9_-]{25}',
    fake(25, BASE64URL, 'glimt'),
    'GITLAB_MAIL_TOKEN',
  ),
  gitLabToken(
    'agent-token',
    'Kubernetes agent token',
    'glagent-',
    '[A-Za-z0-9_-]{50}',
    fake(50, BASE64URL, 'glagent'),
    'GITLAB_AGENT_TOKEN',
  ),
  gitLabToken(
    'cicd-job-token',
    'CI/CD job token',
    'glcbt-',
    '[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20}',
    `${fake(2, ALNUM, 'glcbt')}_${fake(20, BASE64URL, 'glcbt')}`,
    'CI_JOB_TOKEN',
  ),
  gitLabToken(
    'feature-flag-client-token',
    'feature flags client token',
    'glffct-',
    '[A-Za-z0-9_-]{20}',
    fake(20, BASE64URL, 'glffct'),
    'UNLEASH_INSTANCE_ID',
  ),
  prefixedRule({
    id: 'bitbucket-app-password',
    title: 'Bitbucket app password',
    provider: 'Bitbucket',
    env: 'BITBUCKET_APP_PASSWORD',
    prefix: 'ATBB',
    body: '[A-Za-z0-9]{32}[A-F0-9]{8}',
    sample: fake(32, ALNUM, 'atbb') + fake(8, '0123456789ABCDEF', 'atbb'),
    minEntropy: 3.8,
    remediation: 'Revoke the app password in Bitbucket (Personal settings > App passwords).',
  }),
  contextRule({
    id: 'bitbucket-client-secret',
    title: 'Bitbucket OAuth consumer secret',
    provider: 'Bitbucket',
    keywords: ['bitbucket'],
    name: 'bitbucket[\\w.-]{0,20}secret',
    value: '[A-Za-z0-9]{32}',
    sample: fake(32, ALNUM, 'bbsecret'),
    env: 'BITBUCKET_CLIENT_SECRET',
    minEntropy: 3.8,
    remediation: 'Regenerate the OAuth consumer secret in the Bitbucket workspace settings.',
  }),
  contextRule({
    id: 'bitbucket-client-secret-long',
    title: 'Bitbucket OAuth client secret',
    provider: 'Bitbucket',
    keywords: ['bitbucket'],
    value: '[a-z0-9=_-]{64}',
    sample: fake(64, '0123456789abcdefghijklmnopqrstuvwxyz', 'bbsecret64'),
    env: 'BITBUCKET_CLIENT_SECRET',
    minEntropy: 3.8,
    remediation: 'Regenerate the OAuth consumer secret in the Bitbucket workspace settings.',
  }),
  contextRule({
    id: 'bitbucket-client-id',
    title: 'Bitbucket OAuth client ID (an identifier: sensitive only with its secret)',
    provider: 'Bitbucket',
    severity: 'low',
    keywords: ['bitbucket'],
    // Assigned to a bitbucket name, not any number after the word.
    name: 'bitbucket[\\w.-]{0,24}["\']?\\s{0,4}(?:=|:|=>)',
    value: '[a-z0-9]{32}',
    sample: fake(32, '0123456789abcdefghijklmnopqrstuvwxyz', 'bbclientid'),
    env: 'BITBUCKET_CLIENT_ID',
    minEntropy: 3.5,
    remediation: 'Check whether its secret was committed too; if so, regenerate the consumer in the Bitbucket workspace settings.',
  }),
  prefixedRule({
    id: 'atlassian-api-token',
    title: 'Atlassian (Jira, Confluence) API token',
    provider: 'Atlassian',
    env: 'JIRA_API_TOKEN',
    prefix: 'ATATT3',
    body: '[A-Za-z0-9_=-]{186}',
    sample: fake(186, BASE64URL, 'atatt'),
    minEntropy: 4.5,
    remediation: 'Revoke the token at id.atlassian.com (Security > API tokens).',
  }),
  contextRule({
    id: 'atlassian-api-token-legacy',
    title: 'Atlassian (Jira, Confluence) API token (legacy)',
    provider: 'Atlassian',
    keywords: ['jira', 'confluence', 'atlassian'],
    name: 'jira|confluence|atlassian',
    value: '[A-Za-z0-9]{24}',
    sample: fake(24, ALNUM, 'jira'),
    env: 'JIRA_API_TOKEN',
    minEntropy: 3.8,
    remediation: 'Revoke the token at id.atlassian.com (Security > API tokens).',
  }),
  prefixedRule({
    id: 'gitea-token',
    title: 'Gitea / Forgejo access token',
    provider: 'Gitea',
    env: 'GITEA_TOKEN',
    prefix: 'gta_',
    body: '[a-f0-9]{40}',
    sample: fake(40, HEX, 'gta'),
    minEntropy: 3.2,
    remediation: 'Delete the token in Gitea (Settings > Applications).',
  }),
  prefixedRule({
    id: 'sourcegraph-token',
    title: 'Sourcegraph access token',
    provider: 'Sourcegraph',
    env: 'SRC_ACCESS_TOKEN',
    prefix: 'sgp_',
    // `sgp_<instance id>_<token>`, `sgp_local_<token>` (no instance id), or the old `sgp_<token>`.
    body: '(?:[a-fA-F0-9]{16}_|local_)?[a-fA-F0-9]{40}',
    sample: fake(40, HEX, 'sgp'),
    minEntropy: 3.2,
    secret: [
      `SRC_ACCESS_TOKEN=sgp_local_${fake(40, HEX, 'sgplocal')}`,
      `SRC_ACCESS_TOKEN=sgp_${fake(40, '0123456789abcdefABCDEF', 'sgpmixed')}`,
    ],
    remediation: 'Delete the token in Sourcegraph (User settings > Access tokens).',
  }),
];
