import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a}from"./chunk-M55YVXJG.js";import"./chunk-TVTZNRFD.js";import"./chunk-K7DDYFXQ.js";export{a as BUILTIN_RULES};
//# sourceMappingURL=chunk-EQK2KPJ7.js.map
