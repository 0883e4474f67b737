// Long scans read in segments on several streams (issue 13.1, 13.2) find exactly what one stream
// finds, in the same order: a history with merges, renames and secrets in messages, and a working
// tree compared with a straightforward reading of every file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeSecretsCheck, type SecretsCheckOptions } from '../../../src/checks/secrets/check.js';
import { linesOf } from '../../../src/checks/secrets/detect/detector.js';
import { scanSegments, type Job } from '../../../src/checks/secrets/parallel-scan.js';
import { BUILTIN_RULES } from '../../../src/checks/secrets/rules/builtin.js';
import type { SecretRule } from '../../../src/checks/secrets/rules/types.js';
import { configSchema } from '../../../src/config/schema.js';
import type { CheckResult } from '../../../src/finding.js';
import { contextFor } from '../../support/context.js';
import { cleanupTempDirs, gitRepo, tempDir, type GitRepo } from '../../support/git-repo.js';
import { TEST_RULES, awsKey, detectorFor, githubPat } from './test-rules.js';

afterAll(cleanupTempDirs);

const TEST_RULES_MODULE = { module: new URL('./test-rules.ts', import.meta.url).href, name: 'TEST_RULES' };

async function scan(repo: GitRepo | string, rules: SecretRule[], options: SecretsCheckOptions, git = true): Promise<CheckResult> {
  const root = typeof repo === 'string' ? repo : repo.dir;
  return makeSecretsCheck(rules, options)(await contextFor(root, { mode: 'full', git }), configSchema.parse({}));
}

/** What a reader sees of a result: every finding whole, and what was read. */
function seen(result: CheckResult) {
  const { restrictedLines, decodedValues, commits, files, lines, skippedBinary, largeFiles } = result.stats ?? {};
  return {
    findings: result.findings,
    errors: result.errors,
    read: { commits, files, lines, skippedBinary, largeFiles, restrictedLines, decodedValues },
  };
}

/** 40 commits on two branches: keys in files and messages, a conflict resolved with a token, a rename with an edit, merges. */
function history(): GitRepo {
  const repo = gitRepo().commit('base', { 'conf.env': 'A=1\nB=2\nC=3\n', 'old/k.env': 'REGION=eu\n' });
  for (let index = 0; index < 12; index++) {
    repo.commit(index % 4 === 0 ? `fix ${index}\n\nthe old key ${awsKey(300 + index)} is gone` : `change ${index}`, {
      [`src/file-${index}.ts`]: `export const n = ${index};\n${index % 3 === 0 ? `const key = "${awsKey(320 + index)}";\n` : ''}`,
    });
  }
  repo.branch('feature').commit('feature', { 'conf.env': 'A=1\nB=feature\nC=3\n' });
  repo.git('mv', 'old', 'new');
  repo.commit('move and edit', { 'new/k.env': `REGION=eu\nTOKEN=${githubPat(340)}\n` });
  for (let index = 0; index < 8; index++) repo.commit(`feature ${index}`, { [`feature/f-${index}.txt`]: `KEY=${awsKey(350 + index)}\n` });
  repo.checkout('main').commit('main', { 'conf.env': 'A=1\nB=main\nC=3\n' });
  try {
    repo.git('merge', '-q', '--no-ff', '--no-commit', 'feature');
  } catch {
    // a conflict in conf.env: resolved by hand below, with a token typed into the resolution
  }
  repo.commit(`merge feature\n\ntoken: ${githubPat(360)}`, { 'conf.env': `A=1\nB=merged ${githubPat(361)}\nC=3\n` });
  for (let index = 0; index < 12; index++)
    repo.commit(`after ${index}`, { [`after/a-${index}.env`]: `K=${index % 2 ? awsKey(370 + index) : 'none'}\n` });
  return repo;
}

describe('a history read in segments', () => {
  it('finds what one stream finds, in the same order, with the same fingerprints, on any number of streams', async () => {
    const repo = history();
    const single = await scan(repo, TEST_RULES, { parallel: { runners: 1 } });
    expect(single.errors).toEqual([]);
    expect(single.stats).toMatchObject({ commits: Number(repo.git('rev-list', '--all', '--count').trim()) });
    // The merge's conflict resolution, the renamed file's new line, and the messages are all there.
    const paths = single.findings.map((finding) => finding.location.path);
    expect(paths).toEqual(expect.arrayContaining(['conf.env', 'new/k.env', '(commit message)']));
    expect(single.findings.length).toBeGreaterThan(15);
    for (const runners of [2, 3]) {
      const split = await scan(repo, TEST_RULES, { parallel: { runners, minSplit: 0 } });
      expect(seen(split)).toEqual(seen(single));
    }
  });

  it('reads segments in helper threads built from the same rules, with the same result', async () => {
    const repo = history();
    const single = await scan(repo, TEST_RULES, { parallel: { runners: 1 } });
    const threads = await scan(repo, TEST_RULES, { workerRules: TEST_RULES_MODULE, parallel: { runners: 2, minSplit: 0 } });
    expect(seen(threads)).toEqual(seen(single));
    // The raw values found in the helper thread reach the reporters' redaction pass too.
    expect(threads.secretValues?.size).toBe(single.secretValues?.size);
  });

  it('scans a subfolder as one stream does: only the commits that touched it, only its files', async () => {
    const repo = history();
    const root = join(repo.dir, 'src');
    const single = await scan(root, TEST_RULES, { parallel: { runners: 1 } });
    const split = await scan(root, TEST_RULES, { parallel: { runners: 3, minSplit: 0 } });
    expect(
      single.findings.map((finding) => finding.location.path).every((path) => path.startsWith('src/file-') || path === '(commit message)'),
    ).toBe(true);
    expect(single.findings.length).toBeGreaterThan(0);
    expect(seen(split)).toEqual(seen(single));
  });
});

/** A tree of a few hundred files: keys in code and config, a value on the line after its provider's name, CRLF, big, binary and skipped files. */
function tree(): string {
  const dir = tempDir('sg-tree-');
  const write = (path: string, text: string | Buffer) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  for (let index = 0; index < 300; index++) {
    const secret =
      index % 37 === 0
        ? `const key = "${awsKey(400 + index)}";\n`
        : index % 41 === 0
          ? `stripe:\n  secret_key: sk_live_${'51Hx'.padEnd(24, String(index % 10))}\n`
          : index % 43 === 0
            ? `token = ${githubPat(500 + index)}\r\n`
            : '';
    write(`src/${String(index % 7)}/m-${index}.ts`, `import x from './x';\nexport const v${index} = x(${index});\n${secret}// end\n`);
  }
  write('zz/huge.log', `${'filler line without anything\n'.repeat(60_000)}AWS=${awsKey(600)}\n`);
  write('assets/logo.png', Buffer.from([0x89, 0x50, 0, 1, 2]));
  write('web/node_modules/pkg/index.js', `const k = "${awsKey(601)}";\n`);
  write('web/node_modules/pkg/lib/more.js', 'x\n');
  write('vendor/lib/.git/config', `[remote]\n  url = https://x:${githubPat(602)}@example.com\n`);
  return dir;
}

describe('a working tree read in segments', () => {
  it('finds what a straightforward reading of every file finds, in path order, on any number of streams', async () => {
    const dir = tree();
    // The reference: every file the walker reads whole (within the size limit, not binary, not skipped), every line scanned.
    const maxFileSize = configSchema.parse({}).secrets['max-file-size'];
    const detector = detectorFor(BUILTIN_RULES, { testPaths: configSchema.parse({}).secrets['test-paths'] });
    const files = [...Array(300).keys()].map((index) => `src/${String(index % 7)}/m-${index}.ts`).sort();
    const reference = files.flatMap((path) => {
      const text = readFileSync(join(dir, path), 'utf8');
      expect(Buffer.byteLength(text)).toBeLessThan(maxFileSize);
      return detector.scan(linesOf(text, path)).map((found) => `${found.rule.id} ${path}:${found.line.line}`);
    });
    expect(reference.length).toBeGreaterThanOrEqual(15);

    const results = [
      await scan(dir, BUILTIN_RULES, { parallel: { runners: 1 } }, false),
      await scan(dir, BUILTIN_RULES, { parallel: { runners: 3, minSplit: 0 } }, false),
      await scan(dir, BUILTIN_RULES, { workerRules: 'builtin', parallel: { runners: 2, minSplit: 0 } }, false),
    ];
    for (const result of results) {
      const found = result.findings.map((finding) => `${finding.rule} ${finding.location.path}:${finding.location.line}`);
      // The big file is read for distinctive tokens only, after every file before it in path order.
      expect(found).toEqual([...reference, expect.stringMatching(/^aws-access-key-id zz\/huge\.log:60001$/)]);
      expect(result.stats).toMatchObject({ files: 301, skippedBinary: 1, largeFiles: 1, skippedNodeModules: 2, skippedGitFolder: 1 });
      expect(seen(result)).toEqual(seen(results[0]!));
    }
  });
});

describe('when a stream cannot run', () => {
  it('reads on this thread what a helper thread that cannot start would have read', async () => {
    const repo = history();
    const single = await scan(repo, TEST_RULES, { parallel: { runners: 1 } });
    const broken = await scan(repo, TEST_RULES, {
      workerRules: { module: new URL('./no-such-rules.ts', import.meta.url).href, name: 'NONE' },
      parallel: { runners: 2, minSplit: 0 },
    });
    expect(seen(broken)).toEqual(seen(single));
  });

  it('fails closed when git cannot read a commit of one segment', async () => {
    const repo = history();
    // A blob git needs for one commit's diff, gone from the object database.
    const blob = repo.git('rev-parse', `${repo.sha(3)}:src/file-2.ts`).trim();
    repo.git('repack', '-q', '-a', '-d');
    repo.git('prune-packed');
    const pack = readdirSync(join(repo.dir, '.git/objects/pack')).find((name) => name.endsWith('.pack'))!;
    // Unpack everything loose, then drop the one blob.
    const packed = readFileSync(join(repo.dir, '.git/objects/pack', pack));
    for (const name of readdirSync(join(repo.dir, '.git/objects/pack'))) rmSync(join(repo.dir, '.git/objects/pack', name));
    execFileSync('git', ['unpack-objects', '-q'], { cwd: repo.dir, input: packed });
    rmSync(join(repo.dir, '.git/objects', blob.slice(0, 2), blob.slice(2)));
    for (const runners of [1, 3]) {
      const result = await scan(repo, TEST_RULES, { parallel: { runners, minSplit: 0 } });
      expect(result.errors).toEqual([expect.objectContaining({ fatal: true, message: expect.stringContaining('the scan stopped early') })]);
    }
  });
});

describe('scanSegments', () => {
  it('hands out findings in segment order, whichever stream finishes first', async () => {
    // Segment 0 is long, the others one commit each: on three streams they finish long before it.
    const repo = gitRepo();
    for (let index = 0; index < 30; index++) repo.commit(`c${index}`, { [`k${index}.env`]: `KEY=${awsKey(800 + index)}\n` });
    const commits = repo.git('rev-list', '--all').trim().split('\n');
    const jobs: Job[] = [commits.slice(0, 28), [commits[28]!], [commits[29]!]].map((list) => ({
      kind: 'history',
      commits: `${list.join('\n')}\n`,
    }));
    const totals = { read: {}, detector: { restrictedLines: 0, decodedValues: 0 }, unreadable: [] };
    const options = {
      place: { root: repo.dir, pathspec: [], maxFileSize: 1 << 20, mode: 'full' as const },
      makeDetector: () => detectorFor(TEST_RULES),
    };
    const paths: string[] = [];
    for await (const batch of scanSegments(jobs, 3, options, totals)) for (const { finding } of batch) paths.push(finding.location.path);
    // git log order: newest first, k29 ... k0.
    expect(paths).toEqual([...Array(30).keys()].reverse().map((index) => `k${index}.env`));
    expect(totals.read).toMatchObject({ commits: 30, files: 30 });
  });
});
