// RubyGems versions as Gem::Version orders them (segments, letters start a pre-release,
// trailing zeros ignored), via @renovatebot/ruby-semver.
import { create, type Version } from '@renovatebot/ruby-semver/dist/ruby/version.js';
import { compareWithFallback } from './fallback.js';

export const compareRubyGems = compareWithFallback(
  (version): Version | undefined => create(version) ?? undefined,
  (a, b) => a.compare(b),
);
