// A check whose bug throws where no promise catches it (in a timer callback, as a stream's unhandled
// 'error' event does): in the main thread that would end the whole process. Tests only.
import type { Check } from '../../../src/checks/check.js';

const uncaught: Check = () =>
  new Promise(() => {
    setTimeout(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'version')");
    }, 1);
  });

export default uncaught;
