// Sorts crates.io versions (one per line on stdin) by SemVer precedence as the semver crate
// (the one Cargo uses) orders them with build metadata cleared, which is how Cargo's requirements
// match (build metadata never decides a match), and prints them ascending, one line per group.
use semver::{BuildMetadata, Version};
use std::cmp::Ordering;
use std::io::{self, BufRead};

fn precedence(v: &str) -> Version {
    let mut version = Version::parse(v).unwrap_or_else(|e| panic!("not a valid crate version {v}: {e}"));
    version.build = BuildMetadata::EMPTY;
    version
}

fn main() {
    let mut versions: Vec<String> =
        io::stdin().lock().lines().map(|l| l.unwrap().trim().to_string()).filter(|l| !l.is_empty()).collect();
    versions.sort_by(|a, b| precedence(a).cmp(&precedence(b)));
    // The sort is only a reference if the order is total on these versions: check every pair.
    let mut rank = vec![0usize; versions.len()];
    for i in 1..versions.len() {
        rank[i] = if precedence(&versions[i - 1]) == precedence(&versions[i]) { rank[i - 1] } else { i };
    }
    for (i, a) in versions.iter().enumerate() {
        for (j, b) in versions.iter().enumerate() {
            assert_eq!(precedence(a).cmp(&precedence(b)), rank[i].cmp(&rank[j]), "semver orders {a} and {b} inconsistently");
        }
    }
    let mut group: Vec<&str> = Vec::new();
    for (i, v) in versions.iter().enumerate() {
        if i > 0 && precedence(&versions[i - 1]).cmp(&precedence(v)) != Ordering::Equal {
            println!("{}", group.join(" "));
            group.clear();
        }
        group.push(v);
    }
    if !group.is_empty() {
        println!("{}", group.join(" "));
    }
}
