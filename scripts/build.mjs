// Bundles the action (dist/index.js), the CLI (dist/cli.js), the check worker (dist/check-worker.js)
// and the secrets scan's helper thread (dist/secrets-worker.js) as ESM for Node 20 and 24, in one build so they share chunks: what a start does not need (each
// check, the reporters, octokit) is a chunk loaded by dynamic import() when used (issue 13, "Start
// fast"). Minified; each file has its source map beside it (`node --enable-source-maps` reads them,
// a plain start does not). Deterministic: no timestamps, no absolute paths, chunk names are content
// hashes, so CI can compare a fresh build with dist/.
import { build } from 'esbuild';
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// @actions/* pull in CommonJS packages that call require('net'): ESM bundles need a real require.
const requireShim = "import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);";

// @actions/core imports @actions/http-client, and with it undici (400 KB) and tunnel, only for
// getIDToken, which the action never calls. They do nothing when imported, but as CommonJS the bundler
// must assume they do and would load them at every start: marked side-effect free, they are kept only
// where they are used (octokit's chunk, loaded when the run talks to GitHub).
const onlyWhereUsed = {
  name: 'only-where-used',
  setup(build) {
    build.onResolve(
      { filter: /^(undici|tunnel|@actions\/http-client)(\/.*)?$/ },
      async ({ path, kind, resolveDir, importer, pluginData }) => {
        if (pluginData === 'resolving') return undefined;
        const resolved = await build.resolve(path, { kind, resolveDir, importer, pluginData: 'resolving' });
        return resolved.errors.length ? undefined : { path: resolved.path, sideEffects: false };
      },
    );
  },
};

// `node scripts/build.mjs [OUTDIR]`: dist/ by default; tests build elsewhere to compare two builds.
const outdir = process.argv[2] ?? 'dist';
rmSync(outdir, { recursive: true, force: true });
await build({
  // src/cli.ts starts with its own #! line, which esbuild keeps at the top of dist/cli.js.
  entryPoints: {
    index: 'src/main.ts',
    cli: 'src/cli.ts',
    'check-worker': 'src/checks/worker.ts',
    // The secrets scan's helper threads (src/checks/secrets/parallel-scan.ts loads ./secrets-worker.js).
    'secrets-worker': 'src/checks/secrets-worker.ts',
  },
  outdir,
  // Flat: every chunk sits beside the entries, so `new URL('./check-worker.js', import.meta.url)` holds from any of them.
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  minify: true,
  sourcemap: 'linked',
  // The maps name files and lines; the sources are in the repository, not repeated in dist/.
  sourcesContent: false,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: requireShim },
  define: { __SECURITY_GATE_VERSION__: JSON.stringify(version) },
  // jsonc-parser's `main` is a UMD build whose require() calls esbuild cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  plugins: [onlyWhereUsed],
});
chmodSync(join(outdir, 'cli.js'), 0o755);
