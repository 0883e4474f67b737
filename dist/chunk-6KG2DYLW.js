import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a}from"./chunk-MRBLWZWY.js";import"./chunk-TVTZNRFD.js";import"./chunk-D3RFXIII.js";import"./chunk-K7DDYFXQ.js";export{a as BUILTIN_RULES};
//# sourceMappingURL=chunk-6KG2DYLW.js.map
