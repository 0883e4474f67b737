// The action shell: inputs -> run() -> reporters -> setFailed. All logic lives in the modules it calls.
// The pipeline and the reporters load after Node's compile cache is on, and octokit only if the run
// talks to GitHub (issue 13, "Start fast").
import * as core from '@actions/core';
import { enableCompileCache } from './compile-cache.js';
import { loadActionSettings } from './config/action.js';
import { describeError } from './config/errors.js';
import type { OutputSink } from './report/github.js';
import { VERSION } from './version.js';

// The reporters' only way out to the runner.
const sink: OutputSink = {
  write: (text) => void process.stdout.write(text),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  notice: (message) => core.notice(message),
  setOutput: (name, value) => core.setOutput(name, value),
  setFailed: (message) => core.setFailed(message),
};

enableCompileCache();
try {
  const action = loadActionSettings(core.getInput, process.env);
  if (action.settings.token) core.setSecret(action.settings.token);
  const [{ run }, { reportToGitHub }] = await Promise.all([import('./run.js'), import('./report/github.js')]);
  const { verdict } = await run(action.settings);
  await reportToGitHub(verdict, { ...action, toolVersion: VERSION, summaryFile: process.env.GITHUB_STEP_SUMMARY || undefined }, sink);
} catch (error) {
  core.setFailed(`security-gate: ${describeError(error)}`);
}
