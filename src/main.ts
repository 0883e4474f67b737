// The action shell: inputs -> run() -> reporters -> setFailed. All logic lives in the modules it calls.
import * as core from '@actions/core';
import { loadActionSettings } from './config/action.js';
import { describeError } from './config/errors.js';
import { reportToGitHub, type OutputSink } from './report/github.js';
import { run } from './run.js';
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

try {
  const action = loadActionSettings(core.getInput, process.env);
  if (action.settings.token) core.setSecret(action.settings.token);
  const { verdict } = await run(action.settings);
  await reportToGitHub(verdict, { ...action, toolVersion: VERSION, summaryFile: process.env.GITHUB_STEP_SUMMARY || undefined }, sink);
} catch (error) {
  core.setFailed(`security-gate: ${describeError(error)}`);
}
