# Sorts RubyGems versions (one per line on stdin) with Gem::Version#<=> and prints them ascending,
# one line per group of equal versions. ruby sort.rb < versions
versions = $stdin.each_line.map(&:strip).reject(&:empty?)
sorted = versions.sort { |a, b| Gem::Version.new(a) <=> Gem::Version.new(b) }
groups = sorted.chunk_while { |a, b| Gem::Version.new(a) == Gem::Version.new(b) }
# The sort is only a reference if the order is total on these versions: check every pair.
ranked = groups.each_with_index.flat_map { |group, rank| group.map { |v| [Gem::Version.new(v), rank] } }
ranked.each do |a, i|
  ranked.each { |b, j| abort "Gem::Version orders #{a} and #{b} inconsistently" unless (a <=> b) == (i <=> j) }
end
groups.each { |group| puts group.join(' ') }
