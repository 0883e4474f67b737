// Each comparator against its ecosystem's own reference implementation, on real published versions:
// the lists in reference/ were sorted by that implementation (each file's header says which one and
// how; reference/generate/ holds the programs). NuGet and Pub have no runnable reference here, so
// their lists are built by hand from the rules and tests of NuGet.Versioning and pub_semver.
import { describe } from 'vitest';
import { compareGo } from '../../../../src/checks/deps/ecosystems/go.js';
import { compareMaven } from '../../../../src/checks/deps/ecosystems/maven.js';
import { compareNuGet } from '../../../../src/checks/deps/ecosystems/nuget.js';
import { comparePackagist } from '../../../../src/checks/deps/ecosystems/packagist.js';
import { comparePub } from '../../../../src/checks/deps/ecosystems/pub.js';
import { comparePyPI } from '../../../../src/checks/deps/ecosystems/pypi.js';
import { compareRubyGems } from '../../../../src/checks/deps/ecosystems/rubygems.js';
import { compareSemVer } from '../../../../src/checks/deps/ecosystems/semver.js';
import { itOrdersLikeReference } from './ordering.js';

describe('comparators agree with the reference implementations', () => {
  itOrdersLikeReference('npm', compareSemVer);
  itOrdersLikeReference('crates.io', compareSemVer);
  itOrdersLikeReference('go', compareGo);
  itOrdersLikeReference('pypi', comparePyPI);
  itOrdersLikeReference('rubygems', compareRubyGems);
  itOrdersLikeReference('maven', compareMaven);
  itOrdersLikeReference('packagist', comparePackagist);
  itOrdersLikeReference('nuget', compareNuGet);
  itOrdersLikeReference('pub', comparePub);
});
