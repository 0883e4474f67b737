import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{mkdir as o,rename as e,rm as m,writeFile as c}from"node:fs/promises";import{dirname as n}from"node:path";async function w(r,i){await o(n(r),{recursive:!0});let t=`${r}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;try{await c(t,i),await e(t,r)}catch(a){throw await m(t,{force:!0}),a}}export{w as a};
//# sourceMappingURL=chunk-GBBR33FR.js.map
