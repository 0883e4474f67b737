import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import e from"node:module";function a(){try{e.enableCompileCache?.()}catch{}}export{a};
//# sourceMappingURL=chunk-LWZKJJDB.js.map
