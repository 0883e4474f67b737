import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a}from"./chunk-M7UNBD5V.js";import"./chunk-VJSIY6OC.js";import"./chunk-CV77NLFW.js";import"./chunk-BBJSZ3F5.js";import"./chunk-GNR4CKRC.js";import"./chunk-K7DDYFXQ.js";export{a as prepareOutputFile};
//# sourceMappingURL=chunk-LOZ34GHH.js.map
