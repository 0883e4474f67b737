import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
function t(n){return typeof n=="object"&&n!==null&&!Array.isArray(n)}function e(n){return(n instanceof Error?n.message:String(n)).split(`
`)[0]??""}function i(n,r){return n<r?-1:n>r?1:0}function o(n){return Number.isSafeInteger(n)?String(n).replace(/\B(?=(\d{3})+$)/g,","):n.toLocaleString("en-US")}export{t as a,e as b,i as c,o as d};
//# sourceMappingURL=chunk-X4NLAMPK.js.map
