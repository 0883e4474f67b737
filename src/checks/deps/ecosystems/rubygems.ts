// RubyGems versions as Gem::Version#<=> orders them (rubygems lib/rubygems/version.rb, checked
// against RubyGems 3.3 in test/checks/deps/ecosystems/reference/rubygems.txt). Segments are runs
// of digits or of letters; a letter makes a pre-release, below the release; trailing zeros do not
// count; a dash is `.pre.`. Ported rather than taken from @renovatebot/ruby-semver, which compares
// letters with localeCompare (Ruby compares bytes: `RC` < `beta`) and numbers as doubles (Ruby's
// are exact past 2^53). Linear in the version's length; never throws (see fallback.ts).
import { compareWithFallback } from './fallback.js';

/** A number (as digits without leading zeros, '' for 0) or a string segment. */
type Segment = { number: string } | { string: string };

// Gem::Version::VERSION_PATTERN without its surrounding whitespace. Each repetition starts with its
// own separator, so the match is unambiguous and linear (Ruby uses an atomic group for the same).
const VERSION_PATTERN = /^[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const RUBY_SPACE = /[ \t\r\n\f\v]/; // Ruby's \s

/** Gem::Version.new: the canonical segments (numeric release part and pre-release part, each without trailing zeros). */
function parseGemVersion(input: string): Segment[] | undefined {
  let start = 0;
  let end = input.length;
  while (start < end && RUBY_SPACE.test(input.charAt(start))) start++;
  while (end > start && RUBY_SPACE.test(input.charAt(end - 1))) end--;
  const core = input.slice(start, end);
  if (core !== '' && !VERSION_PATTERN.test(core)) return undefined;
  const version = core === '' ? '0' : core.replaceAll('-', '.pre.');
  const segments: Segment[] = [];
  for (const [run] of version.matchAll(/[0-9]+|[a-z]+/gi))
    segments.push(/^\d/.test(run) ? { number: run.replace(/^0+/, '') } : { string: run });
  // canonical_segments: drop trailing zeros from the release part and from the pre-release part.
  const firstString = segments.findIndex((segment) => 'string' in segment);
  const release = firstString === -1 ? segments : segments.slice(0, firstString);
  const prerelease = firstString === -1 ? [] : segments.slice(firstString);
  return [...dropTrailingZeros(release), ...dropTrailingZeros(prerelease)];
}

function dropTrailingZeros(segments: Segment[]): Segment[] {
  let end = segments.length;
  while (end > 0 && isZero(segments[end - 1])) end--;
  return segments.slice(0, end);
}

const isZero = (segment: Segment | undefined): boolean => segment !== undefined && 'number' in segment && segment.number === '';

const ZERO: Segment = { number: '' };

/** Gem::Version#<=>: segment by segment, a missing one is 0; a string is below a number. */
function compareSegments(left: Segment[], right: Segment[]): number {
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i] ?? ZERO;
    const r = right[i] ?? ZERO;
    if ('number' in l && 'number' in r) {
      if (l.number.length !== r.number.length) return l.number.length < r.number.length ? -1 : 1;
      if (l.number !== r.number) return l.number < r.number ? -1 : 1;
    } else if ('string' in l && 'string' in r) {
      if (l.string !== r.string) return l.string < r.string ? -1 : 1; // bytes, as Ruby's String#<=>
    } else return 'string' in l ? -1 : 1;
  }
  return 0;
}

export const compareRubyGems = compareWithFallback(parseGemVersion, compareSegments);
