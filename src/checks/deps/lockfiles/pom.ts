// pom.xml: the dependencies a project declares with a literal version, `${property}` references
// resolved from the file's own <properties> and project coordinates. Versions that come from a
// parent or an imported BOM are not in this file: listed with a note, not matched.
import { LockfileError, type LockfileFormat, type Package } from '../types.js';
import { child, childText, parseXml, type XmlElement } from './xml.js';

export const pomXml: LockfileFormat = {
  name: 'pom.xml',
  ecosystem: 'Maven',
  fileNames: ['pom.xml'],
  async parse(text, file) {
    const project = parseXml(text, file);
    if (project.name !== 'project') throw new LockfileError(file, project.line, `root element is <${project.name}>, not <project>`);
    const properties = projectProperties(project);
    let line = project.line;
    const resolve = (value: string | undefined) => (value === undefined ? undefined : interpolate(value, properties, file, line));
    const managed = new Map<string, string>();
    for (const dependency of dependencyElements(child(project, 'dependencyManagement'))) {
      line = dependency.line;
      const version = resolve(childText(dependency, 'version'));
      const key = `${resolve(childText(dependency, 'groupId'))}:${resolve(childText(dependency, 'artifactId'))}`;
      if (version) managed.set(key, version);
    }
    return dependencyElements(project).map((dependency): Package => {
      line = dependency.line;
      const groupId = resolve(childText(dependency, 'groupId'));
      const artifactId = resolve(childText(dependency, 'artifactId'));
      if (!groupId || !artifactId) throw new LockfileError(file, dependency.line, '<dependency> needs a <groupId> and an <artifactId>');
      const name = `${groupId}:${artifactId}`;
      const version = resolve(childText(dependency, 'version')) ?? managed.get(name);
      const scope = resolve(childText(dependency, 'scope'));
      const base = {
        ecosystem: 'Maven' as const,
        name,
        lockfile: file,
        line: dependency.line,
        dev: scope === 'test',
        direct: true,
        path: [name],
      };
      if (version === undefined)
        return { ...base, version: '', source: 'registry', note: 'version comes from a parent or BOM, not matched' };
      if (version.includes('${'))
        return {
          ...base,
          version: '',
          source: 'registry',
          note: `version ${version} uses a property not defined in this file, not matched`,
        };
      if (/^[[(]|,/.test(version)) return { ...base, version: '', source: 'registry', note: `version range ${version}, not matched` };
      return { ...base, version, source: scope === 'system' ? 'file' : 'registry' };
    });
  },
};

function dependencyElements(parent: XmlElement | undefined): XmlElement[] {
  return (child(parent, 'dependencies')?.children ?? []).filter((element) => element.name === 'dependency');
}

/** <properties> plus the built-in project coordinates (`project.version`, `project.parent.version`, ...). */
function projectProperties(project: XmlElement): Map<string, string> {
  const properties = new Map<string, string>();
  const parent = child(project, 'parent');
  for (const key of ['groupId', 'artifactId', 'version']) {
    const own = childText(project, key) ?? childText(parent, key);
    const inherited = childText(parent, key);
    if (own !== undefined) properties.set(`project.${key}`, own).set(`pom.${key}`, own).set(key, own);
    if (inherited !== undefined) properties.set(`project.parent.${key}`, inherited).set(`parent.${key}`, inherited);
  }
  for (const property of child(project, 'properties')?.children ?? []) properties.set(property.name, property.text.trim());
  return properties;
}

/** Maven coordinates and versions are short: an expansion past this is a property bomb, not a version. */
const MAX_EXPANDED_LENGTH = 4096;
const MAX_EXPANSION_DEPTH = 10;

/**
 * Replaces `${name}` repeatedly (properties may refer to properties), at most 10 levels deep;
 * unknown ones stay as written. Each pass is measured before it is built: a value that would grow
 * past 4,096 characters (nested references doubling at every level) is a LockfileError, not an
 * out-of-memory crash.
 */
function interpolate(value: string, properties: Map<string, string>, file: string, line: number): string {
  let current = value;
  for (let depth = 0; depth < MAX_EXPANSION_DEPTH && current.includes('${'); depth++) {
    let length = current.length;
    for (const match of current.matchAll(/\$\{([^}]+)\}/g)) {
      length += (properties.get(match[1]!)?.length ?? match[0].length) - match[0].length;
      if (length > MAX_EXPANDED_LENGTH) {
        throw new LockfileError(
          file,
          line,
          `\${${match[1]}} expands to more than ${MAX_EXPANDED_LENGTH} characters (nested property references); not read`,
        );
      }
    }
    const next = current.replace(/\$\{([^}]+)\}/g, (whole, name: string) => properties.get(name) ?? whole);
    if (next === current) break;
    current = next;
  }
  return current;
}
