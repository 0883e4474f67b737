// Gemfile.lock (Bundler). No maintained JS parser exists; the format is indentation-based:
// sections at column 0 (GEM, GIT, PATH, PLATFORMS, DEPENDENCIES, ...), `specs:` at 2 spaces,
// resolved gems at 4 spaces (`name (version[-platform])`), their requirements at 6.
import { LockfileError, type LockfileFormat, type Package } from '../types.js';

const SOURCE_SECTIONS: Record<string, Package['source']> = { GEM: 'registry', GIT: 'git', PATH: 'file', 'PLUGIN SOURCE': 'git' };

export const gemfileLock: LockfileFormat = {
  name: 'Gemfile.lock',
  ecosystem: 'RubyGems',
  fileNames: ['Gemfile.lock', 'gems.locked'],
  async parse(text, file) {
    const specs: Package[] = [];
    const direct = new Set<string>();
    let section = '';
    let sawSection = false;
    text.split(/\r?\n/).forEach((content, index) => {
      const line = index + 1;
      if (content.trim() === '') return;
      if (/^\S/.test(content)) {
        section = content.trim();
        sawSection = true;
        return;
      }
      if (!sawSection) throw new LockfileError(file, line, 'indented line before any section (GEM, GIT, PATH, DEPENDENCIES)');
      const source = SOURCE_SECTIONS[section];
      if (source) {
        // Bundler's NAME_VERSION: the version is everything up to the first '-', the rest is the platform.
        const spec = /^ {4}(?! )(\S+?)(?: \(([^-)]*)(?:-([^)]*))?\))?!?$/.exec(content);
        if (spec) {
          if (spec[2] === undefined) throw new LockfileError(file, line, `gem '${spec[1]}' has no version`);
          specs.push({
            ecosystem: 'RubyGems',
            name: spec[1],
            version: spec[2],
            lockfile: file,
            line,
            dev: false,
            direct: false,
            path: [spec[1]],
            source,
          });
        } else if (!/^ {2}(?! )\S.*$|^ {6}(?! )\S.*$/.test(content)) {
          throw new LockfileError(file, line, `unexpected line in ${section} section`);
        }
      } else if (section === 'DEPENDENCIES') {
        const dependency = /^ {2}(?! )(\S+?)!?(?: \(.*\))?$/.exec(content);
        if (!dependency) throw new LockfileError(file, line, 'unexpected line in DEPENDENCIES section');
        direct.add(dependency[1]);
      }
    });
    if (text.trim() !== '' && !sawSection) throw new LockfileError(file, 1, 'no GEM, GIT or PATH section');
    return specs.map((spec) => ({ ...spec, direct: direct.has(spec.name) }));
  },
};
