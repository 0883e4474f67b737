import { createRequire as __sgCreateRequire } from 'node:module'; const require = __sgCreateRequire(import.meta.url);
import{a,b,c,d,e}from"./chunk-SX7CJL3B.js";import"./chunk-VDCM6NXU.js";import"./chunk-K7DDYFXQ.js";export{a as ConfigError,c as RepositoryError,b as UsageError,e as describeError,d as isUserError};
//# sourceMappingURL=chunk-WFCIKG3Q.js.map
