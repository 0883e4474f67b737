import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
function t(e){return e.range.label}function o(e){return e.root===e.repoRoot?[]:["."]}function n(e){return/^[0-9a-f]{40,64}$/.test(e)?e.slice(0,7):e}export{t as a,o as b,n as c};
//# sourceMappingURL=chunk-74LSG7D5.js.map
