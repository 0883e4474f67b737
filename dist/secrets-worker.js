import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a}from"./chunk-LWZKJJDB.js";import"./chunk-K7DDYFXQ.js";a();await import("./chunk-HWARAI3Q.js");
//# sourceMappingURL=secrets-worker.js.map
