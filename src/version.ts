// Filled in by the bundler from package.json (scripts/build.mjs); 'dev' when run from source.
declare const __SECURITY_GATE_VERSION__: string | undefined;

export const VERSION: string = typeof __SECURITY_GATE_VERSION__ === 'string' ? __SECURITY_GATE_VERSION__ : 'dev';
