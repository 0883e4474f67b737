// Where a worker thread starts. Bundled, the entry is a file of dist/ beside the chunk that starts it.
// From source (tests, tsx) it is a .ts file, behind a one-line module that registers tsx in the new
// thread first (Node 20 does not honour `--import tsx` in a worker's execArgv).

/** The entry for a worker started by the module at `callerUrl` (its `import.meta.url`). */
export function workerEntry(callerUrl: string, fromSource: string, bundled: string): URL {
  if (!callerUrl.endsWith('.ts')) return new URL(bundled, callerUrl);
  const register = `(await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})).register();`;
  const entry = `await import(${JSON.stringify(new URL(fromSource, callerUrl).href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(register + entry)}`);
}
