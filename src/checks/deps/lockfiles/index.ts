// Every lockfile format the gate reads: adding a format is adding a file and a line here.
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

export const LOCKFILE_FORMATS: LockfileFormat[] = [
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

export function formatFor(file: string): LockfileFormat | undefined {
  return LOCKFILE_FORMATS.find((format) => format.matches(file));
}
