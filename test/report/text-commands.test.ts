import { describe, expect, it } from 'vitest';
import { neutraliseCommands, renderText } from '../../src/report/text.js';
import { findingOf, verdictOf } from '../support/verdict.js';

const startsACommand = (line: string) =>
  line
    .replace(/\u001b\[[0-9;]*m/g, '')
    .trimStart()
    .startsWith('::');

describe('the text report in a workflow log', () => {
  it('breaks any line that would start a workflow command', () => {
    const safe = neutraliseCommands(
      'security-gate\n    ::add-mask::x\n::stop-commands::token\n\u001b[2m::warning::y\u001b[22m\nkeeps a::b inside lines\n',
    );
    expect(safe.split('\n').filter(startsACommand)).toEqual([]);
    expect(safe).toContain('keeps a::b inside lines');
  });

  it('so repository text in a message cannot smuggle one', () => {
    const finding = findingOf({ message: 'row text:\n::set-env name=NODE_OPTIONS::--require=/tmp/x.js' });
    for (const color of [false, true]) {
      const text = renderText(verdictOf([finding]), { color });
      expect(text).toContain('set-env');
      expect(text.split('\n').filter(startsACommand)).toEqual([]);
    }
  });
});
