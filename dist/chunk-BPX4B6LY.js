import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
var e={deps:async()=>(await import("./chunk-MFPGIRPH.js")).depsCheck,secrets:async()=>(await import("./chunk-Q2NMHE33.js")).secretsCheck,versions:async()=>(await import("./chunk-Q2NVE3M6.js")).versionsCheck};export{e as a};
//# sourceMappingURL=chunk-BPX4B6LY.js.map
