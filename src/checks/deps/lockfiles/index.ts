// Every lockfile format the gate reads: adding a format is adding a file and a line here.
// Discovery and matching derive from each format's `fileNames`.
import { Minimatch } from 'minimatch';
import type { LockfileFormat } from '../types.js';
import { bunLock } from './bun.js';
import { npmLock } from './npm.js';
import { pnpmLock } from './pnpm.js';
import { yarnLock } from './yarn.js';
import { cargoLock } from './cargo.js';
import { composerLock } from './composer.js';
import { gemfileLock } from './gemfile.js';
import { goMod } from './gomod.js';
import { gradleLockfile } from './gradle.js';
import { nugetLock } from './nuget.js';
import { pdmLock } from './pdm.js';
import { pipfileLock } from './pipfile.js';
import { pomXml } from './pom.js';
import { poetryLock } from './poetry.js';
import { pubspecLock } from './pubspec.js';
import { requirementsFile } from './requirements.js';
import { uvLock } from './uv.js';

export const LOCKFILE_FORMATS: readonly LockfileFormat[] = [
  // JavaScript
  npmLock,
  yarnLock,
  pnpmLock,
  bunLock,
  // Other ecosystems
  requirementsFile,
  pipfileLock,
  poetryLock,
  uvLock,
  pdmLock,
  goMod,
  cargoLock,
  gemfileLock,
  composerLock,
  gradleLockfile,
  pomXml,
  nugetLock,
  pubspecLock,
];

/**
 * A file name glob matches the end of a path at a folder boundary: `Cargo.lock` matches
 * `Cargo.lock` and `rust/Cargo.lock`. Case-insensitive, as the tools on macOS and Windows read them.
 */
function pathGlob(fileName: string): string {
  return `**/${fileName}`;
}

const GLOB_OPTIONS = { dot: true, nocase: true } as const;
const MATCHERS = LOCKFILE_FORMATS.map((format) => ({
  format,
  globs: format.fileNames.map((fileName) => new Minimatch(pathGlob(fileName), GLOB_OPTIONS)),
}));

/** The globs discovery searches for: every format's file names, anywhere. */
export function discoveryGlobs(): string[] {
  return LOCKFILE_FORMATS.flatMap((format) => format.fileNames.map(pathGlob));
}

/** The format of a root-relative forward-slash path, by its file name. */
export function formatFor(file: string): LockfileFormat | undefined {
  return MATCHERS.find(({ globs }) => globs.some((glob) => glob.match(file)))?.format;
}
