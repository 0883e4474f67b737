// Bundles the action (dist/index.js) and the CLI (dist/cli.js) as ESM for Node 20 and 24.
// Deterministic: no timestamps, no absolute paths, so CI can compare a fresh build with dist/.
import { build } from 'esbuild';
import { readFileSync, rmSync, chmodSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// @actions/* pull in CommonJS packages that call require('net'): ESM bundles need a real require.
const requireShim = "import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);";

rmSync('dist', { recursive: true, force: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  define: { __SECURITY_GATE_VERSION__: JSON.stringify(version) },
  // jsonc-parser's `main` is a UMD build whose require() calls esbuild cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};
await build({ ...common, entryPoints: ['src/main.ts'], outfile: 'dist/index.js', banner: { js: requireShim } });
await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: `#!/usr/bin/env node\n${requireShim}` } });
chmodSync('dist/cli.js', 0o755);
// The secrets scan's helper thread (src/checks/secrets/parallel-scan.ts loads ./secrets-worker.js beside the bundle).
await build({
  ...common,
  entryPoints: ['src/checks/secrets/scan-worker.ts'],
  outfile: 'dist/secrets-worker.js',
  banner: { js: requireShim },
});
