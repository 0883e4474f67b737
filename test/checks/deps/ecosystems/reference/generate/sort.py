# Sorts PEP 440 versions (one per line on stdin) with pypa/packaging's Version, as pip does, and
# prints them ascending, one line per group of equal versions. python3 sort.py < versions
import sys

from packaging.version import Version

versions = [line.strip() for line in sys.stdin if line.strip()]
versions.sort(key=Version)
groups = []
for version in versions:
    if groups and Version(groups[-1][-1]) == Version(version):
        groups[-1].append(version)
    else:
        groups.append([version])
# The sort is only a reference if the order is total on these versions: check every pair.
ranked = [(Version(v), rank) for rank, group in enumerate(groups) for v in group]
for a, i in ranked:
    for b, j in ranked:
        if (a < b) != (i < j) or (a == b) != (i == j):
            sys.exit(f"packaging orders {a} and {b} inconsistently")
for group in groups:
    print(" ".join(group))
