// Issue 10, item 14: nothing the repository controls may form a workflow command, in either of the
// runner's syntaxes. Checked against a port of the runner's own parser (test/support/runner-commands.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonForLog, neutraliseCommands } from '../../src/report/workflow-commands.js';
import { readRunnerLog } from '../support/runner-commands.js';

const HOSTILE = [
  'x ##[stop-commands]y',
  '##[error]evil',
  'see ##[warning file=a.js;line=1]fake',
  '###[error]three hashes',
  '::stop-commands::tok',
  '::add-mask::hunter2',
  '  ::set-output name=verdict::pass',
  '\u00a0\u2003::error::non-breaking spaces',
  '\u0085::error::next line (a .NET space)',
  '\t::ERROR::upper case',
  '::group::title',
  'a line\r::warning::after a bare carriage return',
];

describe('the runner port (so the tests below mean something)', () => {
  it('reads both syntaxes as the runner does', () => {
    const log = readRunnerLog(
      [
        '::error file=a.js,line=3,title=T%3A x::message%0Anext',
        'text ##[warning]old syntax anywhere in the line',
        '  ::notice::after spaces',
        '::unknown::not a command',
        '##[unknown]not a command',
        'plain text',
      ].join('\n'),
    );
    expect(log.annotations.map((command) => [command.command, command.syntax, command.data])).toEqual([
      ['error', 'v2', 'message\nnext'],
      ['warning', 'legacy', 'old syntax anywhere in the line'],
      ['notice', 'v2', 'after spaces'],
    ]);
    expect(log.annotations[0]!.properties).toEqual({ file: 'a.js', line: '3', title: 'T: x' });
    expect(log.output).toEqual(['::unknown::not a command', '##[unknown]not a command', 'plain text']);
  });

  it('stops processing at stop-commands and resumes at its token, in either syntax', () => {
    const log = readRunnerLog(['author x ##[stop-commands]y', '::error::lost', '::y::', '::error::seen'].join('\n'));
    expect(log.annotations.map((command) => command.data)).toEqual(['seen']);
    expect(readRunnerLog('::stop-commands::tok\n::error::lost').stopped).toBe(true);
  });

  it('finds every hostile line a command', () => {
    for (const line of HOSTILE) expect(readRunnerLog(line).commands, line).not.toEqual([]);
  });
});

describe('neutraliseCommands', () => {
  it('leaves the runner nothing to process in hostile lines, and the text readable', () => {
    const safe = neutraliseCommands(HOSTILE.join('\n'));
    expect(readRunnerLog(safe).commands).toEqual([]);
    expect(safe.replace(/\u200b/g, '')).toBe(HOSTILE.join('\n'));
  });

  it('leaves no command in any text built from command fragments', () => {
    const fragment = fc.constantFrom(
      '::',
      '##[',
      ']',
      '#',
      ':',
      ' ',
      '\t',
      '\n',
      '\r',
      '\u0085',
      'error',
      'stop-commands',
      'add-mask',
      'x',
      '=',
      ',',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 30 }), (parts) => {
        expect(readRunnerLog(neutraliseCommands(parts.join(''))).commands).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('jsonForLog', () => {
  it('prints a JSON report a workflow log cannot read a command from, and that parses back the same', () => {
    const document = { findings: HOSTILE.map((line) => ({ path: line, message: `${line}\n${line}` })) };
    const text = jsonForLog(document);
    expect(readRunnerLog(text).commands).toEqual([]);
    expect(JSON.parse(text)).toEqual(document);
  });
});
