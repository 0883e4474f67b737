// The entry of a helper thread of a long secrets scan (secrets/parallel-scan.ts; bundled:
// dist/secrets-worker.js). It turns the compile cache on, then loads the thread's work
// (secrets/scan-thread.ts) by dynamic import, whose code the bundle
// shares with the secrets check's own chunks: a start loads only what the scan needs.
import { enableCompileCache } from '../compile-cache.js';

enableCompileCache();
await import('./secrets/scan-thread.js');
