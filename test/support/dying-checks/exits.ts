// A check (or a library under it) that calls process.exit: in a worker it ends only that thread. Tests only.
import type { Check } from '../../../src/checks/check.js';

const exits: Check = () => process.exit(70);

export default exits;
