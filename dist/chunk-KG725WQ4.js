import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{c as b,d as c,e as d}from"./chunk-5PQR4BFN.js";import"./chunk-PIDAOENZ.js";import{a}from"./chunk-VVMCCTEJ.js";import"./chunk-GNR4CKRC.js";import"./chunk-D3RFXIII.js";import"./chunk-K7DDYFXQ.js";export{a as neutraliseCommands,d as painter,c as renderText,b as shouldUseColor};
//# sourceMappingURL=chunk-KG725WQ4.js.map
