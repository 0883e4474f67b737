import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
var e={deps:async()=>(await import("./chunk-AQLCPFHQ.js")).depsCheck,secrets:async()=>(await import("./chunk-BGCJPCR3.js")).secretsCheck,versions:async()=>(await import("./chunk-H2MZZBLR.js")).versionsCheck};export{e as a};
//# sourceMappingURL=chunk-SIUQUBVT.js.map
