// action.yml, the README and the code must agree: every input and output documented, the README's
// config example valid against the schema, no config-settable input with a default (it would
// silently override the config file).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadActionSettings } from '../src/config/action.js';
import { configJsonSchema } from '../src/config/json-schema.js';
import { parseConfigText } from '../src/config/load.js';
import { CONFIG_VALUES } from '../src/config/values.js';
import { CHECK_HEAP_LIMIT_MB } from '../src/checks/isolated.js';
import { LOCKFILE_FORMATS } from '../src/checks/deps/lockfiles/index.js';

const root = new URL('..', import.meta.url);
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
};
const readme = readFileSync(new URL('README.md', root), 'utf8');

describe('docs and code agree', () => {
  it('runs on node24 from dist/index.js', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
  });

  it('documents every action input and output in the README tables', () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      // A table row whose first cell is the name (Prettier pads cells to align the columns).
      expect(readme, name).toMatch(new RegExp(`^\\|\\s*\`${name}\`\\s*\\|`, 'm'));
    }
  });

  it('reads every input action.yml declares, and none it does not', () => {
    const asked = new Set<string>();
    loadActionSettings((name) => {
      asked.add(name);
      return '';
    }, {});
    expect([...asked].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it('gives no default to inputs the config file can also set', () => {
    const configurable = ['config', ...Object.keys(CONFIG_VALUES)];
    expect(configurable).toEqual(expect.arrayContaining(['checks', 'fail-on', 'advisory-db', 'cache-dir', 'baseline', 'policy-from']));
    for (const name of configurable) expect(action.inputs[name]?.default, name).toBeUndefined();
  });

  it('names a real config key for every input and flag that sets one', () => {
    const schema = configJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    for (const [name, { key }] of Object.entries(CONFIG_VALUES)) {
      const [top, nested] = key;
      expect(schema.properties[top!], name).toBeDefined();
      if (nested) expect(schema.properties[top!]!.properties?.[nested], name).toBeDefined();
      expect(key.at(-1), 'an input is named after its key').toBe(name);
    }
  });

  it('shows a config example that the schema accepts', () => {
    const section = readme.slice(readme.indexOf('## The config file'));
    const example = section.split('```yaml\n')[1]!.split('```')[0]!;
    const { config } = parseConfigText(example, 'README.md');
    expect(config.ignore).toHaveLength(2);
    expect(config.secrets.rules[0]!.id).toBe('acme-api-key');
  });

  it('lists every file name a lockfile format reads (adding a format adds its README line)', () => {
    const listed = /^Lockfiles read: ([\s\S]*?)\.\n/m.exec(readme)?.[1] ?? '';
    const names = LOCKFILE_FORMATS.flatMap((format) => format.fileNames);
    expect(names.length).toBeGreaterThan(15);
    expect(names.filter((name) => !listed.includes(`\`${name}\``))).toEqual([]);
  });

  it("states each check's heap limit as the code sets it", () => {
    expect(readme).toContain(`The checks run in a worker thread with a ${CHECK_HEAP_LIMIT_MB} MB\n  heap`);
    expect(readme).toContain(`the check's ${CHECK_HEAP_LIMIT_MB} MB heap`);
  });
});
