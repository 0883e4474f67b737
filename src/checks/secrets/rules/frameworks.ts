import type { SecretRule } from './types.js';
import { BASE64, HEX, fake } from './fake.js';

const WP_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*()-_[]{}<>~`+=,.;:/?|';
const DJANGO_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789!@#$%^&*(-_=+)';

/** Application framework signing keys: whoever has one forges sessions and tokens. */
export const FRAMEWORK_RULES: SecretRule[] = [
  {
    id: 'django-secret-key',
    title: 'Django SECRET_KEY',
    provider: 'Django',
    confidence: 'provider',
    severity: 'high',
    keywords: ['secret_key'],
    // get_random_secret_key(): 50 characters of this alphabet, parentheses included.
    pattern: /\bSECRET_KEY\s{0,4}=\s{0,4}[rbu]?["'](?<secret>(?:django-insecure-)?[a-z0-9!@#$%^&*(\-_=+)]{50})["']/,
    minEntropy: 4,
    remediation:
      'Generate a new SECRET_KEY (it invalidates sessions and signed tokens), load it from the environment, and keep the old one only in SECRET_KEY_FALLBACKS for a rotation window.',
    examples: {
      secret: [
        `SECRET_KEY = '${fake(50, DJANGO_ALPHABET, 'django')}'`,
        `SECRET_KEY = "django-insecure-${fake(50, DJANGO_ALPHABET, 'django2')}"`,
      ],
      notSecret: ["SECRET_KEY = os.environ['DJANGO_SECRET_KEY']", 'SECRET_KEY = get_random_secret_key()'],
    },
  },
  {
    id: 'rails-secret-key-base',
    title: 'Rails secret_key_base',
    provider: 'Ruby on Rails',
    confidence: 'provider',
    severity: 'high',
    keywords: ['secret_key_base'],
    pattern: /secret_key_base["']?\s{0,4}(?::|=>?)\s{0,4}["']?(?<secret>[a-f0-9]{128})(?![a-f0-9])/i,
    minEntropy: 3.5,
    remediation:
      'Generate a new key with `bin/rails secret`, store it in credentials or the environment, and expect existing sessions to end.',
    examples: {
      secret: [`  secret_key_base: ${fake(128, HEX, 'rails')}`, `SECRET_KEY_BASE=${fake(128, HEX, 'rails2')}`],
      notSecret: ['  secret_key_base: <%= ENV["SECRET_KEY_BASE"] %>', `  secret_key_base: ${fake(64, HEX, 'rails')}`],
    },
  },
  {
    id: 'laravel-app-key',
    title: 'Laravel APP_KEY',
    provider: 'Laravel',
    confidence: 'provider',
    severity: 'high',
    keywords: ['app_key'],
    pattern: /\bAPP_KEY\s{0,4}=\s{0,4}["']?base64:(?<secret>[A-Za-z0-9+/]{43}=)/,
    minEntropy: 4,
    remediation: 'Generate a new key with `php artisan key:generate` (re-encrypt stored data first) and keep .env out of the repository.',
    examples: {
      secret: [`APP_KEY=base64:${fake(43, BASE64, 'laravel')}=`],
      notSecret: ['APP_KEY=', 'APP_KEY=base64:'],
    },
  },
  {
    id: 'wordpress-auth-salt',
    title: 'WordPress authentication key or salt',
    provider: 'WordPress',
    confidence: 'provider',
    severity: 'medium',
    keywords: ['_key', '_salt'],
    // wp-config.php: define( 'AUTH_KEY', '…64 printable characters…' ); the stock file says
    // 'put your unique phrase here'.
    pattern:
      /define\(\s{0,4}["'](?:AUTH|SECURE_AUTH|LOGGED_IN|NONCE)_(?:KEY|SALT)["']\s{0,4},\s{0,16}'(?<secret>[^'\s][^']{30,98}[^'\s])'\s{0,4}\)/,
    minEntropy: 4.5,
    allow: [/put your unique phrase here/i],
    remediation:
      'Generate new keys at api.wordpress.org/secret-key/1.1/salt/ (it logs every user out) and keep wp-config.php out of the repository.',
    examples: {
      secret: [`define( 'AUTH_KEY',         '${fake(64, WP_ALPHABET, 'wp')}' );`],
      notSecret: ["define( 'AUTH_KEY',         'put your unique phrase here' );", "define( 'AUTH_KEY', getenv('WP_AUTH_KEY') );"],
    },
  },
];
