import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
var e={deps:async()=>(await import("./chunk-UWKSNG27.js")).depsCheck,secrets:async()=>(await import("./chunk-LPS4DVBS.js")).secretsCheck,versions:async()=>(await import("./chunk-VH5HC45R.js")).versionsCheck};export{e as a};
//# sourceMappingURL=chunk-XIUXHHTK.js.map
