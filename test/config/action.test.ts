// Action inputs -> settings: what the action uses when an input is empty.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadActionSettings } from '../../src/config/action.js';
import { applyOverrides } from '../../src/config/overrides.js';
import { configSchema, defaultConfig } from '../../src/config/schema.js';

const inputs =
  (values: Record<string, string> = {}) =>
  (name: string) =>
    values[name] ?? '';

describe('the action settings', () => {
  const env = { GITHUB_WORKSPACE: '/work/repo', RUNNER_TEMP: '/runner/_temp/run-1' };

  it("keeps the advisory cache under the run's own RUNNER_TEMP by default, not the temp dir every job shares (issue 10, item 3)", () => {
    const { settings } = loadActionSettings(inputs(), env);
    expect(applyOverrides(defaultConfig(), settings.overrides).deps['cache-dir']).toBe(join('/runner/_temp/run-1', 'security-gate-cache'));
  });

  it('lets the config file, then the cache-dir input, choose another cache', () => {
    const fromFile = configSchema.parse({ deps: { 'cache-dir': '.osv-cache' } });
    expect(applyOverrides(fromFile, loadActionSettings(inputs(), env).settings.overrides).deps['cache-dir']).toBe('.osv-cache');
    const { settings } = loadActionSettings(inputs({ 'cache-dir': 'kept/cache' }), env);
    expect(applyOverrides(fromFile, settings.overrides).deps['cache-dir']).toBe('/work/repo/kept/cache');
  });
});
