import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a}from"./chunk-G6KYTDN5.js";import"./chunk-WVVJXIA4.js";import"./chunk-45XL7AV2.js";import"./chunk-K7DDYFXQ.js";export{a as renderJson};
//# sourceMappingURL=chunk-GS5TZBDC.js.map
