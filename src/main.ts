// The action shell: inputs -> run() -> reporters -> setFailed. All logic lives in the modules it calls.
import * as core from '@actions/core';
import { loadActionSettings } from './config/action.js';
import { describeError } from './config/errors.js';
import { reportToGitHub } from './report/github.js';
import { run } from './run.js';
import { VERSION } from './version.js';

try {
  const action = loadActionSettings(core.getInput, process.env);
  if (action.settings.token) core.setSecret(action.settings.token);
  const { verdict } = await run(action.settings);
  // What a pull request changes in its own policy: shown, applied only after merge. A file name in it
  // may come from the repository: `##[` (the runner's older command syntax) is broken.
  for (const notice of verdict.notices ?? []) core.notice(`security-gate: ${notice.replace(/##\[/g, '##\u200b[')}`);
  await reportToGitHub(verdict, { ...action, toolVersion: VERSION });
} catch (error) {
  core.setFailed(`security-gate: ${describeError(error)}`);
}
