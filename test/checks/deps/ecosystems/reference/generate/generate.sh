#!/usr/bin/env bash
# Re-sorts each ../<ecosystem>.txt with that ecosystem's own reference implementation and rewrites
# it: the header says which reference and command produced the order. Tests read the files only;
# they never need Java, PHP, Ruby, Python, Go or Rust. Run from anywhere; add versions to a file
# (anywhere below its header), then run this. Needs (Debian 12): default-jdk maven php-cli
# php-composer-semver ruby golang-go golang-golang-x-mod-dev librust-semver-dev cargo, and Python's
# packaging.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/.."

versions() { grep -v '^#' "$out/$1" | tr ' ' '\n' | sed '/^$/d' | sort -u; }

write() { # file, reference, command, sorted groups
  local file="$1" reference="$2" command="$3" sorted="$4"
  {
    echo "# $(head -1 "$out/$file" | sed 's/^# //')"
    echo "# Ascending order by $reference; versions it finds equal share a line."
    echo "# Produced by test/checks/deps/ecosystems/reference/generate/generate.sh: $command"
    echo "$sorted"
  } >"$out/$file.tmp"
  mv "$out/$file.tmp" "$out/$file"
}

jar=/usr/share/maven/lib/maven-artifact-3.x.jar
maven_version="$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: //p' | tr -d '\r')"
sorted="$(versions maven.txt | java -cp "$jar" "$here/Sort.java")"
write maven.txt "Apache Maven $maven_version ComparableVersion (maven-artifact)" "java -cp $jar Sort.java" "$sorted"

packaging_version="$(python3 -c 'import packaging; print(packaging.__version__)')"
sorted="$(versions pypi.txt | python3 "$here/sort.py")"
write pypi.txt "pypa/packaging $packaging_version Version" "python3 sort.py" "$sorted"

sorted="$(versions rubygems.txt | ruby "$here/sort.rb")"
write rubygems.txt "Gem::Version of RubyGems $(ruby -e 'print Gem::VERSION') (Ruby $(ruby -e 'print RUBY_VERSION'))" "ruby sort.rb" "$sorted"

composer_version="$(dpkg-query -W -f '${Version}' php-composer-semver)"
sorted="$(versions packagist.txt | php "$here/sort.php")"
write packagist.txt "composer/semver $composer_version VersionParser::normalize + Comparator (PHP $(php -r 'echo PHP_VERSION;'))" "php sort.php" "$sorted"

x_mod_version="$(dpkg-query -W -f '${Version}' golang-golang-x-mod-dev)"
sorted="$(versions go.txt | (cd "$here/sort-go" && GOPATH=/usr/share/gocode GO111MODULE=off go run main.go))"
write go.txt "golang.org/x/mod/semver.Compare (x/mod $x_mod_version, $(go version | cut -d' ' -f3))" "go run sort-go/main.go" "$sorted"

semver_crate="$(dpkg-query -W -f '${Version}' librust-semver-dev)"
sorted="$(versions crates.io.txt | cargo run --quiet --offline --manifest-path "$here/sort-crates/Cargo.toml" --target-dir "${TMPDIR:-/tmp}/security-gate-sort-crates")"
write crates.io.txt "the semver crate $semver_crate (Cargo's) Version::cmp with build metadata cleared" "cargo run --manifest-path sort-crates/Cargo.toml" "$sorted"

semver_npm="$(node -p "require('$here/../../../../../../node_modules/semver/package.json').version")"
sorted="$(versions npm.txt | node "$here/sort-npm.mjs")"
write npm.txt "node-semver $semver_npm compare (npm's)" "node sort-npm.mjs" "$sorted"
