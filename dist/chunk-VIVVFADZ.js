import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a,b,c,d,e}from"./chunk-45XL7AV2.js";import"./chunk-K7DDYFXQ.js";export{b as breakLegacyCommands,c as escapeData,d as escapeProperty,e as jsonForLog,a as neutraliseCommands};
//# sourceMappingURL=chunk-VIVVFADZ.js.map
