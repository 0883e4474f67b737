<?php
// Sorts Packagist versions (one per line on stdin) as Composer does: VersionParser::normalize, then
// Comparator (version_compare on the normalized strings), and prints them ascending, one line per
// group of equal versions. php sort.php < versions (needs composer/semver: Debian php-composer-semver)
require '/usr/share/php/Composer/Semver/autoload.php';

use Composer\Semver\Comparator;
use Composer\Semver\VersionParser;

$parser = new VersionParser();
$versions = array_values(array_filter(array_map('trim', file('php://stdin')), 'strlen'));
$compare = function ($a, $b) use ($parser) {
    $left = $parser->normalize($a);
    $right = $parser->normalize($b);
    if (Comparator::lessThan($left, $right)) return -1;
    if (Comparator::greaterThan($left, $right)) return 1;
    if (!Comparator::equalTo($left, $right)) throw new Exception("$a and $b are not ordered");
    return 0;
};
usort($versions, $compare);
// The sort is only a reference if the order is total on these versions: check every pair.
$rank = [];
foreach ($versions as $i => $version) {
    $rank[$i] = $i > 0 && $compare($versions[$i - 1], $version) === 0 ? $rank[$i - 1] : $i;
}
foreach ($versions as $i => $a) {
    foreach ($versions as $j => $b) {
        if ($compare($a, $b) !== ($rank[$i] <=> $rank[$j])) throw new Exception("Composer orders $a and $b inconsistently");
    }
}
$group = [];
foreach ($versions as $i => $version) {
    if ($i > 0 && $compare($versions[$i - 1], $version) !== 0) {
        echo implode(' ', $group), "\n";
        $group = [];
    }
    $group[] = $version;
}
if ($group) echo implode(' ', $group), "\n";
