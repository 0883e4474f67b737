import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
var _="0.1.0";export{_ as a};
//# sourceMappingURL=chunk-7XEKJGDZ.js.map
