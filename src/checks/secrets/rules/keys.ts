import type { SecretRule } from './types.js';
import { ALNUM, BASE64, fake } from './fake.js';
import { isStructuredJwt } from '../detect/formats.js';

const base64url = (text: string) => Buffer.from(text).toString('base64url');

const rotateKey =
  'Treat the key as compromised: revoke its certificate or authorized_keys entry, generate a new pair, and purge it from history.';

/**
 * A PEM header is reported when it starts a key: alone at the end of the line, or followed (after
 * a `\n` escape or blanks) by the base64 body or PEM headers. Code that only names the header
 * (`startsWith('-----BEGIN …')`, a parser's constant, `"-----BEGIN …-----\n"`) stays quiet.
 */
function pemRule(id: string, title: string, label: string, keyword: string): SecretRule {
  const header = `-----BEGIN ${label}-----`;
  return {
    id,
    title,
    provider: 'Private key',
    confidence: 'confirmed',
    keywords: [keyword],
    pattern: new RegExp(
      `(?<secret>${header})(?=\\s{0,4}$|(?:(?:(?:\\\\r)?\\\\n){1,2}|\\r?\\n|\\s{0,4})(?:[A-Za-z0-9+/]{16}|Proc-Type:|Version:|Comment:))`,
    ),
    remediation: rotateKey,
    examples: {
      secret: [
        header,
        `  "private_key": "${header}\\n${fake(64, BASE64, id)}\\n",`,
        `key: "${header}\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC"`,
        `armored = "${header}\\n\\n${fake(64, BASE64, `${id}-armor`)}"`,
      ],
      notSecret: [`if (pem.startsWith('${header}')) {`, `const HEADER = "${header}";`, `const prefix = "${header}\\n";`],
    },
  };
}

export const PRIVATE_KEY_RULES: SecretRule[] = [
  pemRule('private-key-rsa', 'RSA private key', 'RSA PRIVATE KEY', 'begin rsa private key'),
  pemRule('private-key-ec', 'EC private key', 'EC PRIVATE KEY', 'begin ec private key'),
  pemRule('private-key-dsa', 'DSA private key', 'DSA PRIVATE KEY', 'begin dsa private key'),
  pemRule('private-key-openssh', 'OpenSSH private key', 'OPENSSH PRIVATE KEY', 'begin openssh private key'),
  pemRule('private-key-pgp', 'PGP private key block', 'PGP PRIVATE KEY BLOCK', 'begin pgp private key block'),
  pemRule('private-key-pkcs8', 'Private key (PKCS#8)', 'PRIVATE KEY', 'begin private key'),
  pemRule('private-key-pkcs8-encrypted', 'Encrypted private key (PKCS#8)', 'ENCRYPTED PRIVATE KEY', 'begin encrypted private key'),
  pemRule('private-key-ssh2', 'SSH2 (ssh.com) private key', 'SSH2 ENCRYPTED PRIVATE KEY', 'begin ssh2 encrypted private key'),
  {
    id: 'private-key-base64',
    title: 'Base64-encoded private key (kubeconfig client-key-data, Kubernetes Secret, CI variable)',
    provider: 'Private key',
    confidence: 'confirmed',
    keywords: ['ls0tls1crudjtib'],
    // base64("-----BEGIN <RSA|EC|DSA|OPENSSH|ENCRYPTED|> PRIVATE KEY-----"), cut at a 3-byte boundary.
    pattern:
      /(?<![A-Za-z0-9+/])(?<secret>LS0tLS1CRUdJTiB(?:SU0EgUFJJVkFURSBLRVkt|QUklWQVRFIEtFWS0tLS0t|PUEVOU1NIIFBSSVZBVEUgS0VZLS0t|FQyBQUklWQVRFIEtFWS0tLS0t|FTkNSWVBURUQgUFJJVkFURSBLRVkt|EU0EgUFJJVkFURSBLRVkt)[A-Za-z0-9+/]{20,20000}={0,2})/,
    remediation: rotateKey,
    examples: {
      secret: [
        `    client-key-data: ${Buffer.from(`-----BEGIN RSA PRIVATE KEY-----\n${fake(64, BASE64, 'b64pem')}\n`).toString('base64')}`,
        `  tls.key: ${Buffer.from(`-----BEGIN PRIVATE KEY-----\n${fake(64, BASE64, 'b64pem2')}\n`).toString('base64')}`,
      ],
      notSecret: [
        `    client-certificate-data: ${Buffer.from(`-----BEGIN CERTIFICATE-----\n${fake(64, BASE64, 'b64cert')}\n`).toString('base64')}`,
        `  tls.crt: ${Buffer.from(`-----BEGIN PUBLIC KEY-----\n${fake(64, BASE64, 'b64pub')}\n`).toString('base64')}`,
      ],
    },
  },
  {
    id: 'putty-private-key',
    title: 'PuTTY private key',
    provider: 'Private key',
    confidence: 'confirmed',
    keywords: ['putty-user-key-file-'],
    pattern: /^\s{0,8}(?<secret>PuTTY-User-Key-File-[23]: (?:ssh-rsa|ssh-dss|ssh-ed25519|ssh-ed448|ecdsa-sha2-nistp(?:256|384|521)))/,
    remediation: rotateKey,
    examples: {
      secret: ['PuTTY-User-Key-File-3: ssh-ed25519', 'PuTTY-User-Key-File-2: ssh-rsa'],
      notSecret: ['if (text.startsWith("PuTTY-User-Key-File-")) {', 'PuTTY-User-Key-File-3 is the newer format'],
    },
  },
  {
    id: 'jwt',
    title: 'JSON Web Token',
    provider: 'JWT',
    confidence: 'confirmed',
    agnostic: true,
    severity: 'medium',
    keywords: ['eyj'],
    // header.payload.signature, both JSON parts base64url of "{"; the header must name its
    // algorithm or type ("alg"/"typ"/"kid" as the first key encode to these prefixes).
    pattern:
      /(?<![\w-])(?<secret>eyJ(?:hbGciOi|0eXAiOi|raWQiOi|jdHkiOi|lbmMiOi|4NXQiOi)[A-Za-z0-9_-]{4,600}\.eyJ[A-Za-z0-9_-]{8,4000}\.[A-Za-z0-9_-]{16,1000}|eyJhbGciOiJub25lI[A-Za-z0-9_-]{0,600}\.eyJ[A-Za-z0-9_-]{8,4000}\.)(?![\w-])/,
    minEntropy: 4,
    // Its header and payload are base64url JSON: a broken copy or a look-alike is not a JWT.
    verify: isStructuredJwt,
    remediation: 'Revoke the token (or rotate the signing key) at the issuer, and check what it granted before it expires.',
    examples: {
      secret: [
        `Authorization: Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.${base64url(JSON.stringify({ sub: fake(24, ALNUM, 'jwtsub'), scope: 'deploy', iat: 1764460800 }))}.${fake(86, BASE64.replace('+/', '-_'), 'jwt2')}`,
      ],
      notSecret: [
        'const sample = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0."',
        'eyJfoo.bar.baz',
        // Shaped like a token, but the payload is not JSON.
        `token = "eyJhbGciOiJIUzI1NiJ9.eyJ${fake(140, BASE64.replace('+/', '-_'), 'jwtbad')}.${fake(43, BASE64.replace('+/', '-_'), 'jwtbad2')}"`,
      ],
    },
  },
];
