#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a as n}from"./chunk-7XEKJGDZ.js";import{a as f}from"./chunk-LWZKJJDB.js";import"./chunk-K7DDYFXQ.js";import{statSync as h,writeFileSync as U}from"node:fs";import{dirname as T,resolve as G}from"node:path";async function A(r){let{parseCliArgs:e,USAGE:o}=await import("./chunk-MQXZ576G.js"),t=e(r,process.cwd());if(t.command==="help")return p(`${o}
`,0);if(t.command==="version")return p(`security-gate ${n}
`,0);let[{prepareOutputFile:u},{shouldUseColor:g}]=await Promise.all([import("./chunk-LOZ34GHH.js"),import("./chunk-KG725WQ4.js")]),m=!t.output&&g(process.stdout,process.env);if(t.command==="inventory"){t.output&&u(t.output,I(G(t.path)),"--output");let{runInventory:S}=await import("./chunk-HZLVCG37.js"),i=await S(t,m);for(let $ of i.problems)process.stderr.write(`security-gate: ${$}
`);return l(i.text,t.output,i.problems.length?1:0)}t.output&&u(t.output,t.settings.root,"--output");let[{run:v},{progressOnTty:w},{renderJson:b},{renderSarif:y},{renderText:C},{jsonForLog:a}]=await Promise.all([import("./chunk-LZFDZCSI.js"),import("./chunk-YMQN5FTJ.js"),import("./chunk-I4Q3OMDL.js"),import("./chunk-RLZOLQZJ.js"),import("./chunk-KG725WQ4.js"),import("./chunk-AO2NJTUE.js")]),d=w(process.stderr),{verdict:s}=await v(t.settings,{progress:d});d&&process.stderr.write("\r\x1B[K");let E=t.format==="json"?a(b(s)):t.format==="sarif"?a(y(s,{toolVersion:n})):C(s,{color:m,verbose:t.verbose});return l(E,t.output,s.verdict==="fail"?1:0)}function l(r,e,o){return e?U(e,r.endsWith(`
`)?r:`${r}
`):process.stdout.write(r.endsWith(`
`)?r:`${r}
`),o}function I(r){try{return h(r).isDirectory()?r:T(r)}catch{return r}}function p(r,e){return process.stdout.write(r),e}var c=process.argv.slice(2);if(c.length===1&&c[0]==="--version")p(`security-gate ${n}
`,0);else{process.env.SECURITY_GATE_DEBUG&&process.setSourceMapsEnabled(!0),f();let{describeError:r,isUserError:e}=await import("./chunk-GFOPAEWR.js");try{process.exitCode=await A(c)}catch(o){process.stderr.write(`security-gate: ${r(o)}
`),!e(o)&&process.env.SECURITY_GATE_DEBUG&&o instanceof Error&&process.stderr.write(`${o.stack}
`),process.exitCode=2}}
//# sourceMappingURL=cli.js.map
