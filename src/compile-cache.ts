// Node's module compile cache (Node 22.1+): the bundles' code is compiled once and the bytecode kept
// on disk (in $TMPDIR/node-compile-cache, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1 turns
// it off), so the next start skips the parse (issue 13, "Start fast"). Node 20 has no such cache.
// Call it before loading anything large: only modules loaded after it use the cache.
import module from 'node:module';

export function enableCompileCache(): void {
  try {
    (module as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // A cache that cannot be written (read-only temp dir) only makes the start slower.
  }
}
