#!/usr/bin/env node
import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a as n}from"./chunk-7XEKJGDZ.js";import{a as f}from"./chunk-LWZKJJDB.js";import"./chunk-K7DDYFXQ.js";import{statSync as h,writeFileSync as U}from"node:fs";import{dirname as T,resolve as G}from"node:path";async function A(t){let{parseCliArgs:e,USAGE:o}=await import("./chunk-XALQ34FV.js"),r=e(t,process.cwd());if(r.command==="help")return p(`${o}
`,0);if(r.command==="version")return p(`security-gate ${n}
`,0);let[{prepareOutputFile:a},{shouldUseColor:g}]=await Promise.all([import("./chunk-AXNDHD5T.js"),import("./chunk-PVFQKYGE.js")]),m=!r.output&&g(process.stdout,process.env);if(r.command==="inventory"){r.output&&a(r.output,I(G(r.path)),"--output");let{runInventory:S}=await import("./chunk-MX47CMJG.js"),i=await S(r,m);for(let $ of i.problems)process.stderr.write(`security-gate: ${$}
`);return l(i.text,r.output,i.problems.length?1:0)}r.output&&a(r.output,r.settings.root,"--output");let[{run:w},{progressOnTty:v},{renderJson:b},{renderSarif:y},{renderText:C},{jsonForLog:u}]=await Promise.all([import("./chunk-IPBHXBDZ.js"),import("./chunk-YMQN5FTJ.js"),import("./chunk-GS5TZBDC.js"),import("./chunk-BICOUFS3.js"),import("./chunk-PVFQKYGE.js"),import("./chunk-VIVVFADZ.js")]),d=v(process.stderr),{verdict:s}=await w(r.settings,{progress:d});d&&process.stderr.write("\r\x1B[K");let E=r.format==="json"?u(b(s)):r.format==="sarif"?u(y(s,{toolVersion:n})):C(s,{color:m,verbose:r.verbose});return l(E,r.output,s.verdict==="fail"?1:0)}function l(t,e,o){return e?U(e,t.endsWith(`
`)?t:`${t}
`):process.stdout.write(t.endsWith(`
`)?t:`${t}
`),o}function I(t){try{return h(t).isDirectory()?t:T(t)}catch{return t}}function p(t,e){return process.stdout.write(t),e}var c=process.argv.slice(2);if(c.length===1&&c[0]==="--version")p(`security-gate ${n}
`,0);else{process.env.SECURITY_GATE_DEBUG&&process.setSourceMapsEnabled(!0),f();let{describeError:t,isUserError:e}=await import("./chunk-WFCIKG3Q.js");try{process.exitCode=await A(c)}catch(o){let{neutraliseCommands:r}=await import("./chunk-VIVVFADZ.js");process.stderr.write(`security-gate: ${r(t(o))}
`),!e(o)&&process.env.SECURITY_GATE_DEBUG&&o instanceof Error&&process.stderr.write(`${r(o.stack??"")}
`),process.exitCode=2}}
//# sourceMappingURL=cli.js.map
