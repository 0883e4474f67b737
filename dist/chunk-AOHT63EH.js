import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
var e={deps:async()=>(await import("./chunk-6JLDYLTT.js")).depsCheck,secrets:async()=>(await import("./chunk-IOTBGUXI.js")).secretsCheck,versions:async()=>(await import("./chunk-WBSLZ2ND.js")).versionsCheck};export{e as a};
//# sourceMappingURL=chunk-AOHT63EH.js.map
