// Sorts npm versions (one per line on stdin) with node-semver's compare, as npm does, and prints
// them ascending, one line per group of equal versions. node sort-npm.mjs < versions
import { readFileSync } from 'node:fs';
import semver from 'semver';

const versions = readFileSync(0, 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter(Boolean);
for (const version of versions) if (!semver.valid(version)) throw new Error(`not a valid npm version: ${version}`);
versions.sort(semver.compare);
const groups = [];
for (const version of versions) {
  const last = groups.at(-1);
  if (last && semver.compare(last[0], version) === 0) last.push(version);
  else groups.push([version]);
}
// The sort is only a reference if the order is total on these versions: check every pair.
const ranked = groups.flatMap((group, rank) => group.map((version) => [version, rank]));
for (const [a, i] of ranked)
  for (const [b, j] of ranked)
    if (semver.compare(a, b) !== Math.sign(i - j)) throw new Error(`node-semver orders ${a} and ${b} inconsistently`);
for (const group of groups) console.log(group.join(' '));
