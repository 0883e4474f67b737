import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{c as b,d as c,e as d}from"./chunk-SRGXI7ZD.js";import"./chunk-WVVJXIA4.js";import{a}from"./chunk-45XL7AV2.js";import"./chunk-VDCM6NXU.js";import"./chunk-D3RFXIII.js";import"./chunk-K7DDYFXQ.js";export{a as neutraliseCommands,d as painter,c as renderText,b as shouldUseColor};
//# sourceMappingURL=chunk-PVFQKYGE.js.map
