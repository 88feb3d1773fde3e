import { describe, expect, it } from 'vitest';
import { withQuotedContext } from '../../renderer/quick/quoted-context';

describe('the clipboard text sent with a quick question', () => {
  it('goes first as a markdown quote, line by line, then the question', () => {
    expect(withQuotedContext('What does it mean?', 'line one\r\n\r\nline three\n')).toBe('> line one\n>\n> line three\n\nWhat does it mean?');
  });

  it('leaves the question alone when there is no text to quote', () => {
    expect(withQuotedContext('Hi', null)).toBe('Hi');
    expect(withQuotedContext('Hi', ' \n\t')).toBe('Hi');
  });
});
