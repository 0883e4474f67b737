import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a}from"./chunk-GNTNELU3.js";import"./chunk-PIDAOENZ.js";import"./chunk-VVMCCTEJ.js";import"./chunk-K7DDYFXQ.js";export{a as renderJson};
//# sourceMappingURL=chunk-I4Q3OMDL.js.map
