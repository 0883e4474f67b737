// Node's module resolution for a whole lockfile at once (package-lock.json v2/v3, bun.lock): a
// package finds `name` in the nearest folder, from its own up to the root, that installs it.
// Walking up once per dependency made deep install paths cubic (a walk as deep as the key, each
// step building a key as long): here the folders form a tree, one depth-first walk keeps, for each
// name, the stack of installs visible from the current folder, and every lookup is one map read.
// Linear in the folders plus the lookups, however deep the nesting.

/** A folder of the lockfile: where a package sits, and what it can require from there. */
export class Folder {
  private children: Map<string, Folder> | undefined;
  /** What `name` resolves to in this folder: a node id, or null where it stops at nothing (npm's link to a workspace). */
  private installs: Map<string, string | null> | undefined;
  private lookups: Lookup[] | undefined;
  /** False when the folders below do not search this one (bun: a key part `@scope` is half of the next name). */
  searchedFromBelow = true;

  /** The folder one part further down (created on first use). */
  child(part: string): Folder {
    this.children ??= new Map();
    let found = this.children.get(part);
    if (!found) {
      found = new Folder();
      this.children.set(part, found);
    }
    return found;
  }

  /** `name` resolves to `id` (a node) or to nothing (null) when looked up from here or below. */
  install(name: string, id: string | null): void {
    (this.installs ??= new Map()).set(name, id);
  }

  /** The ids `names` resolve to from this folder, in order (undefined: not installed); filled by `resolveLookups`. */
  lookup(names: string[]): Lookup {
    const lookup: Lookup = { names, found: [] };
    (this.lookups ??= []).push(lookup);
    return lookup;
  }

  /** Answers every lookup in the tree under `root`, with one depth-first walk (an explicit stack: trees may be deep). */
  static resolveLookups(root: Folder): void {
    const visible = new Map<string, (string | null)[]>();
    const stack: { folder: Folder; leaving: boolean }[] = [{ folder: root, leaving: false }];
    while (stack.length) {
      const { folder, leaving } = stack.pop()!;
      if (leaving) {
        for (const name of folder.installs!.keys()) visible.get(name)!.pop();
        continue;
      }
      for (const lookup of folder.lookups ?? []) {
        lookup.found = lookup.names.map((name) => {
          const here = folder.installs?.get(name);
          return (here === undefined ? visible.get(name)?.at(-1) : here) ?? undefined;
        });
      }
      if (folder.searchedFromBelow && folder.installs) {
        for (const [name, id] of folder.installs) {
          const ids = visible.get(name);
          if (ids) ids.push(id);
          else visible.set(name, [id]);
        }
        stack.push({ folder, leaving: true });
      }
      for (const child of folder.children?.values() ?? []) stack.push({ folder: child, leaving: false });
    }
  }
}

export interface Lookup {
  names: string[];
  found: (string | undefined)[];
}
