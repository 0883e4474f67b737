import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{b as h,c as p}from"./chunk-LVKKYJQ6.js";import{b as s}from"./chunk-SX7CJL3B.js";import"./chunk-VDCM6NXU.js";import"./chunk-K7DDYFXQ.js";import{parseArgs as v}from"node:util";import{resolve as l}from"node:path";var c=`Usage:
  security-gate scan [PATH] [options]      check dependencies, secrets and supported versions
  security-gate inventory [PATH] [options] list the packages in the lockfiles under PATH (or one lockfile)

Scan options:
  --checks LIST        comma-separated: deps,secrets,versions (default: all, or the config file's)
  --config FILE        config file (default: .github/security-gate.yml or .security-gate.yml)
  --fail-on LEVEL      critical|high|medium|low: lowest severity that fails (default: high)
  --base REV           compare against REV: scan commits REV..HEAD, and fail only on what they introduce
  --since REV          same as --base
  --head REV           end of the range (default: HEAD)
  --no-git             scan the working tree's files only (no history, no tags)
  --staged             scan what \`git add\` staged for secrets (a pre-commit hook; implies --checks secrets)
  --full               read the whole history again for secrets, ignoring the history cache in deps.cache-dir
  --advisory-db PATH   offline OSV database: a folder of OSV JSON files or an all.zip
  --baseline FILE      a JSON report of an earlier run: its findings warn instead of failing
  --format FORMAT      text|json|sarif (default: text)
  --output FILE        write the report to FILE (its folder is created) instead of standard output
  --verbose            also list ignored findings
Inventory options:
  --format text|json, --output FILE

Exit codes: 0 nothing fails, 1 a finding fails the policy, 2 bad usage, bad config or an unusable repository.`;function A(m,i){let d;try{d=v({args:m,allowPositionals:!0,strict:!0,options:{checks:{type:"string"},config:{type:"string"},"fail-on":{type:"string"},base:{type:"string"},since:{type:"string"},head:{type:"string"},"no-git":{type:"boolean",default:!1},staged:{type:"boolean",default:!1},full:{type:"boolean",default:!1},"advisory-db":{type:"string"},baseline:{type:"string"},format:{type:"string"},output:{type:"string",short:"o"},verbose:{type:"boolean",short:"v",default:!1},include:{type:"string",multiple:!0},exclude:{type:"string",multiple:!0},help:{type:"boolean",short:"h",default:!1},version:{type:"boolean",default:!1}}})}catch(t){throw new s(`${t.message}

${c}`)}let{values:e,positionals:y}=d,r=t=>t===void 0?void 0:l(i,t);if(e.help)return{command:"help"};if(e.version)return{command:"version"};let[o="scan",f=".",...g]=y;if(g.length>0)throw new s(`unexpected argument '${g[0]}'

${c}`);if(o==="inventory"){let t=e.format??"text";if(t!=="text"&&t!=="json")throw new s(`--format must be text or json for inventory, not '${t}'`);return{command:o,path:f,format:t,output:r(e.output),include:e.include??[],exclude:e.exclude??[]}}if(o!=="scan")throw new s(`unknown command '${o}'

${c}`);let n=e.format??"text";if(n!=="text"&&n!=="json"&&n!=="sarif")throw new s(`--format must be text, json or sarif, not '${n}'`);if(e.base&&e.since&&e.base!==e.since)throw new s("give --base or --since, not both");let a=e.base??e.since;if(e["no-git"]&&(a||e.head))throw new s("--no-git scans files only: it cannot take --base or --head");if(e.staged&&(e["no-git"]||a||e.head))throw new s("--staged scans the index: it cannot take --no-git, --base or --head");if(e.full&&(e["no-git"]||e.staged||a||e.head))throw new s("--full rescans the whole history: it cannot take --no-git, --staged, --base or --head");let u=new Set(e.checks===void 0?[]:p(e.checks));if(e.staged&&e.checks!==void 0&&(u.size!==1||!u.has("secrets")))throw new s("--staged scans staged changes for secrets only: use --checks secrets");let{overrides:b,overrideNames:w}=h({checks:e.staged?"secrets":e.checks,"fail-on":e["fail-on"],"advisory-db":e["advisory-db"],baseline:e.baseline},{label:t=>`--${t}`,path:t=>l(i,t)});return{command:o,format:n,output:r(e.output),verbose:e.verbose??!1,settings:{root:l(i,f),configPath:r(e.config),overrides:b,overrideNames:w,base:a,head:e.head,git:!e["no-git"],...e.staged?{staged:!0}:{},...e.full?{fullRescan:!0}:{}}}}export{c as USAGE,A as parseCliArgs};
//# sourceMappingURL=chunk-XALQ34FV.js.map
