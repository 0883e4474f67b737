import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
function t(r){return e(r.replace(/^((?:[\s\u0085]|\u001b\[[0-9;]*m)*):(?=:)/gm,"$1:\u200B"))}function e(r){return r.replace(/##\[/g,"##\u200B[")}function n(r){return r.replace(/%/g,"%25").replace(/\r/g,"%0D").replace(/\n/g,"%0A")}function g(r){return n(r).replace(/:/g,"%3A").replace(/,/g,"%2C")}function u(r){return JSON.stringify(r,null,2).replace(/##\[/g,"##\\u005b")}export{t as a,e as b,n as c,g as d,u as e};
//# sourceMappingURL=chunk-VVMCCTEJ.js.map
