import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
function t(n){return typeof n=="object"&&n!==null&&!Array.isArray(n)}function e(n,r){return`${n} ${r}${n===1?"":"s"}`}function i(n){return(n instanceof Error?n.message:String(n)).split(`
`)[0]??""}function o(n,r){return n<r?-1:n>r?1:0}function s(n){return Number.isSafeInteger(n)?String(n).replace(/\B(?=(\d{3})+$)/g,","):n.toLocaleString("en-US")}export{t as a,e as b,i as c,o as d,s as e};
//# sourceMappingURL=chunk-D3RFXIII.js.map
