import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import"./chunk-K7DDYFXQ.js";function u(e){if(!e.isTTY)return;let n=0;return({check:s,done:o,total:r,unit:i})=>{let t=Date.now();t-n<200||(n=t,e.write(`\r${s}: ${o}${r?`/${r}`:""} ${i} scanned\x1B[K`))}}export{u as progressOnTty};
//# sourceMappingURL=chunk-YMQN5FTJ.js.map
