// Gemfile.lock (Bundler). No maintained JS parser exists; the format is indentation-based:
// sections at column 0 (GEM, GIT, PATH, PLATFORMS, DEPENDENCIES, ...), `specs:` at 2 spaces,
// resolved gems at 4 spaces (`name (version[-platform])`), their requirements at 6.
// Bundler's reader: bundler/lib/bundler/lockfile_parser.rb.
import type { LockfileFormat, Package } from '../types.js';
import { LockfileError } from '../types.js';
import { DirectDependencies, idsByName, toPackages, type LockNode } from './dep-graph.js';

const SOURCE_SECTIONS: Record<string, Package['source']> = { GEM: 'registry', GIT: 'git', PATH: 'file', 'PLUGIN SOURCE': 'git' };
/** Bundler writes section names in capitals (GEM, PLATFORMS, RUBY VERSION, BUNDLED WITH, CHECKSUMS, ...). */
const SECTION = /^[A-Z][A-Z0-9 ]*$/;

interface Spec {
  name: string;
  version: string;
  platforms: string[];
  line: number;
  source: Package['source'];
  requires: string[];
}

export const gemfileLock: LockfileFormat = {
  name: 'Gemfile.lock',
  ecosystem: 'RubyGems',
  fileNames: ['Gemfile.lock', 'gems.locked'],
  async parse(text, file) {
    const { specs, dependencies } = readSections(text, file);
    // One package per gem, version and source: platform variants (`nokogiri (1.16.0-x86_64-linux)`,
    // `-arm64-darwin`, plain `ruby`) are one thing to fix, with the platforms as detail.
    const nodes: LockNode[] = [];
    const variants = new Map<string, { node: LockNode; platforms: string[] }>();
    const edges = new Map<string, string[]>();
    for (const spec of specs) {
      const id = `${spec.name}@${spec.version}@${spec.source}`;
      const known = variants.get(id);
      if (known) known.platforms.push(...spec.platforms);
      else {
        const node: LockNode = { id, name: spec.name, version: spec.version, line: spec.line, dev: false, source: spec.source };
        variants.set(id, { node, platforms: [...spec.platforms] });
        nodes.push(node);
      }
      edges.set(id, [...(edges.get(id) ?? []), ...spec.requires]);
    }
    for (const { node, platforms } of variants.values()) {
      const named = platforms.filter((platform) => platform !== 'ruby');
      if (named.length) node.note = `platforms: ${[...new Set(platforms)].join(', ')}`;
      else if (node.source !== 'registry') node.note = `${node.source} dependency: not matched by version`;
    }
    const byName = idsByName(nodes);
    for (const [id, names] of edges)
      edges.set(
        id,
        names.flatMap((name) => byName.get(name) ?? []),
      );
    const direct = new DirectDependencies();
    for (const name of dependencies) for (const id of byName.get(name) ?? []) direct.add(id, 'prod');
    return toPackages(file, 'RubyGems', { nodes, edges, direct });
  },
};

/**
 * The specs of the source sections and the names under DEPENDENCIES. A line at column 0 must be a
 * section name: text with no recognisable structure (random bytes named Gemfile.lock) is refused,
 * never read as a lockfile without gems.
 */
function readSections(text: string, file: string): { specs: Spec[]; dependencies: string[] } {
  const specs: Spec[] = [];
  const dependencies: string[] = [];
  let section = '';
  let sawSection = false;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const content = lines[index]!.replace(/\r$/, '');
    const line = index + 1;
    if (content.trim() === '') continue;
    if (/^\S/.test(content)) {
      section = content.trim();
      if (!SECTION.test(section))
        throw new LockfileError(file, line, `'${clip(section)}' is not a Gemfile.lock section (GEM, GIT, PATH, DEPENDENCIES, ...)`);
      sawSection = true;
      continue;
    }
    if (!sawSection) throw new LockfileError(file, line, 'indented line before any section (GEM, GIT, PATH, DEPENDENCIES)');
    const source = SOURCE_SECTIONS[section];
    if (source) {
      // Bundler's NAME_VERSION: the version is everything up to the first '-', the rest is the platform.
      const spec = /^ {4}(?! )(\S+?)(?: \(([^-)]*)(?:-([^)]*))?\))?!?$/.exec(content);
      if (spec) {
        if (spec[2] === undefined) throw new LockfileError(file, line, `gem '${spec[1]}' has no version`);
        specs.push({ name: spec[1]!, version: spec[2], platforms: [spec[3] ?? 'ruby'], line, source, requires: [] });
        continue;
      }
      const requirement = /^ {6}(?! )(\S+)/.exec(content);
      if (requirement && specs.length) specs.at(-1)!.requires.push(requirement[1]!);
      else if (!/^ {2}(?! )\S.*$/.test(content)) throw new LockfileError(file, line, `unexpected line in ${section} section`);
    } else if (section === 'DEPENDENCIES') {
      const dependency = /^ {2}(?! )(\S+?)!?(?: \(.*\))?$/.exec(content);
      if (!dependency) throw new LockfileError(file, line, 'unexpected line in DEPENDENCIES section');
      dependencies.push(dependency[1]!);
    }
  }
  if (text.trim() !== '' && !sawSection) throw new LockfileError(file, 1, 'no GEM, GIT or PATH section');
  return { specs, dependencies };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
