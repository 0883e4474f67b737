import type { SecretRule } from './types.js';
import { ALNUM, fake } from './fake.js';

/** Passwords that only stand in for one: compose files, docs and tests use them, rotating them means nothing. */
const TRIVIAL_PASSWORD =
  /^(?:pass(?:word)?|passwd|pwd|secret|changeme|root|admin|test|tests|testing|guest|user|username|postgres|postgresql|mysql|mongo|mongodb|redis|rabbitmq|sa|example|default|demo|dev|local|localhost|password123|123456|1234|pass123|qwerty|letmein|foobar|foo|bar|tiger|\*+|x+|\.+)$/i;
/** Values that are references, not passwords: $VAR, ${VAR}, {{var}}, %s, <pass>, :password, [PASSWORD]. */
const REFERENCE = /^(?:\$|%|\{|<|\[|:)|\$\{|\{\{/;

const rotateDb =
  "Change the database user's password, update the deployments that use it, and keep it in a secret store instead of the URL.";

export const DATABASE_RULES: SecretRule[] = [
  {
    id: 'database-connection-string',
    title: 'Database connection string with a password',
    provider: 'Database',
    confidence: 'provider',
    agnostic: true,
    severity: 'high',
    keywords: ['://'],
    pattern:
      /\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|redis|rediss|amqps?|mssql|sqlserver|clickhouse|cockroachdb|neo4j(?:\+s)?|couchdb|cassandra|oracle|db2|snowflake|memcached)(?:\+[a-z0-9]{1,20})?:\/\/[^:/\s@'"`]{0,64}:(?<secret>[^@\s/'"`]{3,128})@[^\s'"`@]{1,100}/,
    allow: [TRIVIAL_PASSWORD, REFERENCE],
    remediation: rotateDb,
    examples: {
      secret: [
        `DATABASE_URL=postgres://app:${fake(24, ALNUM, 'pg')}@db.internal:5432/app`,
        `  uri: "mongodb+srv://svc:${fake(20, ALNUM, 'mongo')}@cluster0.ab1cd.mongodb.net/prod"`,
        `REDIS_URL=redis://:${fake(32, ALNUM, 'redis')}@cache.internal:6379/0`,
        `engine = create_engine("mysql+pymysql://report:${fake(16, ALNUM, 'mysql')}@10.0.3.4/sales")`,
      ],
      notSecret: [
        'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app',
        'DATABASE_URL=postgres://app:${DB_PASSWORD}@db:5432/app',
        'url = "mysql://user:password@localhost/db"',
        'DATABASE_URL=postgres://localhost:5432/app',
      ],
    },
  },
  {
    id: 'jdbc-connection-string',
    title: 'JDBC URL with a password',
    provider: 'Database',
    confidence: 'provider',
    agnostic: true,
    severity: 'high',
    keywords: ['jdbc:'],
    pattern: /jdbc:[a-z0-9:]{2,40}\/\/[^\s'"`]{1,200}?[?;&]password=(?<secret>[^&;\s'"`]{3,128})/i,
    allow: [TRIVIAL_PASSWORD, REFERENCE],
    remediation: rotateDb,
    examples: {
      secret: [`spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=${fake(20, ALNUM, 'jdbc')}`],
      notSecret: [
        'spring.datasource.url=jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}',
        'url=jdbc:mysql://localhost/test?user=root&password=root',
      ],
    },
  },
  {
    id: 'jdbc-oracle-thin-credentials',
    title: 'Oracle JDBC thin URL with a password',
    provider: 'Database',
    confidence: 'provider',
    severity: 'high',
    keywords: ['jdbc:oracle:thin:'],
    pattern: /jdbc:oracle:thin:[A-Za-z0-9_$#.-]{1,64}\/(?<secret>[^@\s'"`/]{3,128})@/i,
    allow: [TRIVIAL_PASSWORD, REFERENCE],
    remediation: rotateDb,
    examples: {
      secret: [`db.url=jdbc:oracle:thin:billing/${fake(18, ALNUM, 'oracle')}@//ora-prod:1521/BILL`],
      notSecret: ['db.url=jdbc:oracle:thin:@//ora-prod:1521/BILL', 'db.url=jdbc:oracle:thin:scott/tiger@localhost:1521:orcl'],
    },
  },
  {
    id: 'ado-net-connection-string',
    title: 'SQL Server / ADO.NET connection string with a password',
    provider: 'Database',
    confidence: 'provider',
    agnostic: true,
    severity: 'high',
    keywords: ['password=', 'pwd='],
    pattern:
      /(?:Server|Data Source|Host|Address)\s{0,2}=[^;"'`]{1,100};[^"'`]{0,300}?\b(?:Password|Pwd)\s{0,2}=\s{0,2}(?<secret>[^;"'`\s]{4,128})/i,
    allow: [TRIVIAL_PASSWORD, REFERENCE],
    remediation: rotateDb,
    examples: {
      secret: [
        `"Default": "Server=tcp:prod.database.windows.net,1433;Database=shop;User ID=app;Password=${fake(20, ALNUM, 'adonet')};Encrypt=True;"`,
      ],
      notSecret: [
        '"Default": "Server=(localdb)\\\\mssqllocaldb;Database=shop;Trusted_Connection=True;"',
        'Server=db;Database=x;User Id=sa;Password=<YourStrong@Passw0rd>;',
      ],
    },
  },
  {
    id: 'url-basic-auth',
    title: 'Password in an HTTP(S) or FTP URL',
    provider: 'URL credentials',
    confidence: 'generic',
    severity: 'medium',
    keywords: ['://'],
    pattern:
      /\b(?:https?|ftps?|sftp|smtps?|ldaps?):\/\/[A-Za-z0-9._%+-]{1,64}:(?<secret>[^@\s/:'"`]{8,128})@[A-Za-z0-9.-]{1,100}\.[A-Za-z]{2,20}\b/,
    minEntropy: 3,
    allow: [TRIVIAL_PASSWORD, REFERENCE, /^\d+$/],
    remediation: 'Change the password (or revoke the token) embedded in the URL and pass credentials separately.',
    examples: {
      secret: [
        `git clone https://deploy:${fake(24, ALNUM, 'urlpw')}@git.internal.example.org/infra.git`.replace('.example', '.acme'),
        `SMTP_URL=smtps://mailer:${fake(16, ALNUM, 'smtp')}@smtp.mailhost.io`,
      ],
      notSecret: ['https://user:password@host.com/', 'proxy = "http://proxy.corp.local:8080"'],
    },
  },
];
