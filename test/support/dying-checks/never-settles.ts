// A check that awaits something that can never happen (a promise nobody settles, nothing pending):
// in the main thread the process would just end, reporting nothing. Tests only.
import type { Check } from '../../../src/checks/check.js';

const neverSettles: Check = () => new Promise(() => {});

export default neverSettles;
