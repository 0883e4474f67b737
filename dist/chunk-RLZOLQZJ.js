import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a as b,b as c}from"./chunk-APCBIPKJ.js";import{g as a}from"./chunk-PIDAOENZ.js";import"./chunk-VVMCCTEJ.js";import"./chunk-GNR4CKRC.js";import"./chunk-K7DDYFXQ.js";export{b as SARIF_SCHEMA,a as relativeUri,c as renderSarif};
//# sourceMappingURL=chunk-RLZOLQZJ.js.map
