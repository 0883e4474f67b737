// What a pull request changes in the policy it is judged by. With `policy-from: base` those changes
// apply only once merged, so the run says what they are instead of applying them
// ("this pull request adds 2 ignores in .github/security-gate.yml; ...").
import type { Config } from '../config/schema.js';
import { isRecord } from '../util.js';

/** The parts of a policy that a pull request can change, as read from one tree. */
export interface PolicySnapshot {
  config: Config;
  configFile?: string;
  baseline?: { file: string; fingerprints: Set<string> };
  files: Readonly<Record<string, string | undefined>>;
}

const TAKES_EFFECT = 'they take effect when it is merged (policy-from: base)';

/** One notice per policy file the pull request changes; none when it changes nothing. */
export function policyChangeNotices(base: PolicySnapshot, head: PolicySnapshot): string[] {
  const notices: string[] = [];
  const say = (file: string, changes: string[]) => {
    if (changes.length > 0) notices.push(`this pull request ${changes.join(', ')} in ${file}; ${TAKES_EFFECT}.`);
  };

  if (base.configFile !== head.configFile) {
    if (head.configFile) notices.push(`this pull request adds ${head.configFile}; ${TAKES_EFFECT}.`);
    else if (base.configFile) notices.push(`this pull request removes ${base.configFile}; ${TAKES_EFFECT}.`);
  } else if (head.configFile) {
    say(head.configFile, configChanges(base.config, head.config));
  }

  const baseLines = base.files['.gitleaksignore'];
  const headLines = head.files['.gitleaksignore'];
  if (baseLines !== headLines) {
    say('.gitleaksignore', counted(entries(baseLines), entries(headLines), 'ignored finding', 'ignored findings'));
  }
  if (base.files['.gitleaks.toml'] !== head.files['.gitleaks.toml']) {
    say('.gitleaks.toml', [presence(base.files['.gitleaks.toml'], head.files['.gitleaks.toml'], 'custom rules and allowlists')]);
  }

  if (head.baseline && base.baseline?.file === head.baseline.file) {
    say(head.baseline.file, counted([...base.baseline.fingerprints], [...head.baseline.fingerprints], 'fingerprint', 'fingerprints'));
  }
  return notices;
}

/** `adds 2 ignores`, `removes 1 entry to secrets.exclude-paths`, `changes fail-on`: by key, in schema order. */
export function configChanges(before: unknown, after: unknown, key = ''): string[] {
  if (Array.isArray(before) && Array.isArray(after)) {
    const [one, many] = key === 'ignore' ? ['ignore', 'ignores'] : [`entry to ${key}`, `entries to ${key}`];
    const asText = (list: unknown[]) => list.map((item) => JSON.stringify(item));
    return counted(asText(before), asText(after), one, many);
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((name) => configChanges(before[name], after[name], key ? `${key}.${name}` : name));
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [`changes ${key}`];
}

function counted(before: string[], after: string[], one: string, many: string): string[] {
  const had = new Set(before);
  const has = new Set(after);
  const added = after.filter((item) => !had.has(item)).length;
  const removed = before.filter((item) => !has.has(item)).length;
  return [
    ...(added ? [`adds ${added} ${added === 1 ? one : many}`] : []),
    ...(removed ? [`removes ${removed} ${removed === 1 ? one : many}`] : []),
  ];
}

/** The entries of a .gitleaksignore: one fingerprint per line; blank lines and `#` comments are not entries. */
function entries(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function presence(before: string | undefined, after: string | undefined, what: string): string {
  if (before === undefined) return `adds ${what}`;
  if (after === undefined) return `removes ${what}`;
  return `changes ${what}`;
}
