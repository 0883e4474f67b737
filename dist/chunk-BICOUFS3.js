import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a as b,b as c}from"./chunk-326GUHZX.js";import{g as a}from"./chunk-WVVJXIA4.js";import"./chunk-45XL7AV2.js";import"./chunk-VDCM6NXU.js";import"./chunk-K7DDYFXQ.js";export{b as SARIF_SCHEMA,a as relativeUri,c as renderSarif};
//# sourceMappingURL=chunk-BICOUFS3.js.map
