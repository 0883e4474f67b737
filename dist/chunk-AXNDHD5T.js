import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a}from"./chunk-XOVGJ2OG.js";import"./chunk-JQYBAZOI.js";import"./chunk-W5WKBWQF.js";import"./chunk-SX7CJL3B.js";import"./chunk-BU547TOK.js";import"./chunk-VDCM6NXU.js";import"./chunk-K7DDYFXQ.js";export{a as prepareOutputFile};
//# sourceMappingURL=chunk-AXNDHD5T.js.map
