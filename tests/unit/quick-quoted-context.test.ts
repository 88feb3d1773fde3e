import { describe, expect, it } from 'vitest';
import { splitQuotedContext, withQuotedContext } from '../../renderer/quick/quoted-context';

describe('the clipboard text sent with a quick question', () => {
  it('goes first as a markdown quote, line by line, then the question', () => {
    expect(withQuotedContext('What does it mean?', 'line one\r\n\r\nline three\n')).toBe('> line one\n>\n> line three\n\nWhat does it mean?');
  });

  it('leaves the question alone when there is no text to quote', () => {
    expect(withQuotedContext('Hi', null)).toBe('Hi');
    expect(withQuotedContext('Hi', ' \n\t')).toBe('Hi');
  });
});

describe('a sent quick question shown again', () => {
  it('is split back into its quoted context and the question', () => {
    const sent = withQuotedContext('What does it mean?', 'line one\n\nline three');
    expect(splitQuotedContext(sent)).toEqual({ context: 'line one\n\nline three', question: 'What does it mean?' });
    expect(splitQuotedContext('> not a context block')).toEqual({ context: null, question: '> not a context block' });
  });
});
