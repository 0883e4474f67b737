// Dependencies check benchmark (`npx tsx bench/deps.ts`):
// 1. parse + match of the santatracker package-lock.json against an offline database of 50,000
//    advisories generated from the shapes of the real records, as a ratio against
//    `npm ls --all --package-lock-only --json` on the same lockfile in the same run (target ≤ 0.5×);
//    the one-time database load and index is reported beside it.
// 2. HTTP requests the OSV API client makes for the lockfile's N unique packages against the local
//    OSV server, cold and warm cache (target: ⌈N/1000⌉ batches + one GET per distinct advisory; no GET warm),
//    and how many record fetches run at once for 200 advisories (above 8, at most 32).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { strToU8, zipSync } from 'fflate';
import { loadAdvisoryDatabase, OsvApiClient, RecordCache, uniqueQueries } from '../src/checks/deps/advisories/index.js';
import { findVulnerabilities } from '../src/checks/deps/findings.js';
import { npmLock } from '../src/checks/deps/lockfiles/npm.js';
import type { OsvRecord, Package, ParseContext } from '../src/checks/deps/types.js';
import { fixtureRecords, OsvServer, syntheticAdvisories } from '../test/support/osv-server.js';

const ADVISORIES = 50_000;
const RUNS = 7;
const local = join(import.meta.dirname, '..', 'test', 'checks', 'deps', 'lockfiles', 'npm', 'package-lock.v2-large-santatracker.json');
const lockfilePath = existsSync(local)
  ? local
  : join(import.meta.dirname, '..', '..', 'shared', 'data', 'lockfiles', 'npm', 'package-lock.v2-large-santatracker.json');
const lockText = readFileSync(lockfilePath, 'utf8');
const work = mkdtempSync(join(tmpdir(), 'sg-bench-deps-'));

try {
  const NO_SIBLINGS: ParseContext = { readSibling: async () => undefined };
  const packages = await npmLock.parse(lockText, 'package-lock.json', NO_SIBLINGS);
  const names = [...new Set(packages.map((pkg) => pkg.name))];

  // --- a 50,000-advisory database from the real npm records' shapes ---
  const templates = fixtureRecords().filter((record) => record.affected?.some((entry) => entry.package?.ecosystem === 'npm'));
  const random = seeded(42);
  const zipEntries: Record<string, Uint8Array> = {};
  for (let i = 0; i < ADVISORIES; i += 1) {
    const template = templates[i % templates.length]!;
    // One in five names a package of the lockfile (about 15 advisories per package), the rest other packages.
    const name = random() < 0.2 ? names[Math.floor(random() * names.length)]! : `bench-pkg-${Math.floor(random() * 200_000)}`;
    const record: OsvRecord = {
      ...template,
      id: `GHSA-bench-${i.toString(36).padStart(4, '0')}`,
      affected: template.affected?.map((entry) => ({ ...entry, package: { ecosystem: 'npm', name } })),
    };
    zipEntries[`${record.id}.json`] = strToU8(JSON.stringify(record));
  }
  const zipPath = join(work, 'all.zip');
  writeFileSync(zipPath, zipSync(zipEntries, { level: 1 }));

  const loadStart = performance.now();
  const { index } = await loadAdvisoryDatabase(zipPath, { wanted: names });
  const loadMs = performance.now() - loadStart;

  // --- parse + match, the measured part ---
  let findings = 0;
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const parsed = await npmLock.parse(lockText, 'package-lock.json', NO_SIBLINGS);
    findings = findVulnerabilities(parsed, index).length;
    samples.push(performance.now() - start);
  }
  const ours = median(samples);

  // --- npm ls on the same lockfile ---
  const npmDir = join(work, 'npm');
  execFileSync('mkdir', ['-p', npmDir]);
  writeFileSync(join(npmDir, 'package-lock.json'), lockText);
  writeFileSync(join(npmDir, 'package.json'), JSON.stringify(rootManifest(lockText)));
  const npm = median(
    Array.from({ length: RUNS }, () => {
      const start = performance.now();
      execFileSync('npm', ['ls', '--all', '--package-lock-only', '--json'], {
        cwd: npmDir,
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 1 << 28,
      });
      return performance.now() - start;
    }),
  );

  console.log(
    `lockfile: ${packages.length} packages (${names.length} names), database: ${ADVISORIES} advisories, ${index.size} about these packages`,
  );
  console.log(`database load + index (once): ${loadMs.toFixed(0)} ms`);
  console.log(`parse + match: ${ours.toFixed(1)} ms (median of ${RUNS}), ${findings} findings`);
  console.log(`npm ls --all --package-lock-only --json: ${npm.toFixed(0)} ms (median of ${RUNS})`);
  console.log(`ratio parse + match / npm ls: ${(ours / npm).toFixed(3)}x (target <= 0.5x)`);
  console.log(`ratio with the database load: ${((ours + loadMs) / npm).toFixed(3)}x`);
  if (ours / npm > 0.5) process.exitCode = 1;

  // --- HTTP requests against the local OSV server ---
  const server = await OsvServer.start();
  try {
    const queries = uniqueQueries(packages.filter((pkg: Package) => pkg.source === 'registry' && pkg.version !== ''));
    const cache = new RecordCache(join(work, 'cache'), server.url);
    const cold = new OsvApiClient({ url: server.url, cache });
    const records = await cold.lookup(queries);
    const warm = new OsvApiClient({ url: server.url, cache });
    await warm.lookup(queries);
    const expected = Math.ceil(queries.length / 1000) + records.length;
    console.log(
      `HTTP requests for N=${queries.length} unique packages: cold ${cold.requests} (${cold.batchRequests} querybatch + ${cold.vulnRequests} GET; expected ${expected}), warm ${warm.requests} (${warm.vulnRequests} GET)`,
    );
    const many = Array.from({ length: 2500 }, (_, i) => ({ ecosystem: 'npm', name: `bench-${i}`, version: '1.0.0' }));
    const big = new OsvApiClient({ url: server.url });
    await big.lookup([...many, ...queries]);
    const bigExpected = Math.ceil((many.length + queries.length) / 1000) + records.length;
    console.log(`HTTP requests for N=${many.length + queries.length}: ${big.requests} (expected ${bigExpected})`);
    if (cold.requests !== expected || warm.vulnRequests !== 0 || big.requests !== bigExpected) process.exitCode = 1;

    // Parallel record fetches rise from 8 while the API keeps up (bounded at 32).
    server.setRecords([...fixtureRecords(), ...syntheticAdvisories('bench-many', 200)]);
    const wide = new OsvApiClient({ url: server.url });
    const many200 = await wide.lookup([{ ecosystem: 'npm', name: 'bench-many', version: '1.0.0' }]);
    console.log(
      `parallel GET /v1/vulns for ${many200.length} advisories: peak ${wide.pacer.peak} at once (starts at 8, at most 32), ${wide.requests} requests`,
    );
    if (wide.pacer.peak <= 8 || wide.pacer.peak > 32 || wide.requests !== 201) process.exitCode = 1;
  } finally {
    await server.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

function rootManifest(text: string): Record<string, unknown> {
  const root = (JSON.parse(text) as { packages: Record<string, Record<string, unknown>> }).packages[''] ?? {};
  const keep = ['name', 'version', 'dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];
  return Object.fromEntries(Object.entries(root).filter(([key]) => keep.includes(key)));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A small deterministic PRNG (mulberry32) so every run builds the same database. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
