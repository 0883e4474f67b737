// PyPI versions by PEP 440 (epochs, pre/post/dev releases, local versions), via @renovatebot/pep440.
import { compare, valid } from '@renovatebot/pep440';
import { compareWithFallback } from './fallback.js';

export const comparePyPI = compareWithFallback(
  (version) => (valid(version) === null ? undefined : version),
  (a, b) => compare(a, b),
);
