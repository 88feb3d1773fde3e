import { describe, expect, it } from 'vitest';
import { splitQuotedContext, withQuotedContext } from '../../renderer/quick/quoted-context';

describe('the clipboard text sent with a quick question', () => {
  it('follows the question (whose first line names the conversation) as a markdown quote, line by line', () => {
    expect(withQuotedContext('What does it mean?', 'line one\r\n\r\nline three\n')).toBe('What does it mean?\n\n> line one\n>\n> line three');
  });

  it('leaves the question alone when there is no text to quote', () => {
    expect(withQuotedContext('Hi', null)).toBe('Hi');
    expect(withQuotedContext('Hi', ' \n\t')).toBe('Hi');
  });
});

describe('a sent quick question shown again', () => {
  it('is split back into the question and its quoted context', () => {
    const sent = withQuotedContext('What does it mean?\nIn short.', 'line one\n\nline three');
    expect(splitQuotedContext(sent)).toEqual({ question: 'What does it mean?\nIn short.', context: 'line one\n\nline three' });
  });

  it('leaves a message that is only a quote, or has none, as it is', () => {
    expect(splitQuotedContext('> just a quote')).toEqual({ question: '> just a quote', context: null });
    expect(splitQuotedContext('plain\n\ntext')).toEqual({ question: 'plain\n\ntext', context: null });
  });
});
