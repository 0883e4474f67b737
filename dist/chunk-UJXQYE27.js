import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{d as b,e as c,f as d}from"./chunk-52RXAJ7U.js";import"./chunk-PIDAOENZ.js";import{a}from"./chunk-VVMCCTEJ.js";import"./chunk-X4NLAMPK.js";import"./chunk-GNR4CKRC.js";import"./chunk-K7DDYFXQ.js";export{a as neutraliseCommands,d as painter,c as renderText,b as shouldUseColor};
//# sourceMappingURL=chunk-UJXQYE27.js.map
