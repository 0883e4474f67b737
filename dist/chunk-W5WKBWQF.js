import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{h as t}from"./chunk-BU547TOK.js";function n(e){return e.range.label}function r(e){return e.root===e.repoRoot?[]:["."]}function a(e){return t.test(e)?e.slice(0,7):e}export{n as a,r as b,a as c};
//# sourceMappingURL=chunk-W5WKBWQF.js.map
