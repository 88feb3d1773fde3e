import { describe, expect, it } from 'vitest';
import { buildMessageTree, canContinue, newestUnder, siblingsOf, visiblePath } from '../../shared/message-tree';

/** q = question, a = answer; listed in the order main creates (and lists) them. */
const m = (id: string, parentId: string | null) => ({ id, parentId });
const conversation = [
  m('q1', null),
  m('a1', 'q1'),
  m('q2', 'a1'),
  m('a2', 'q2'),
  m('a2b', 'q2'), // regenerated
  m('q2b', 'a1'), // the second question, edited
  m('a2c', 'q2b'),
  m('q3', 'a2'), // the person went back to the first answer to q2 and carried on
  m('a3', 'q3'),
];
const tree = buildMessageTree(conversation);

describe('the path through a conversation with versions', () => {
  it('runs through the newest message when nothing was chosen', () => {
    expect(visiblePath(tree, undefined)).toEqual(['q1', 'a1', 'q2', 'a2', 'q3', 'a3']);
  });

  it('runs through a chosen version and on down to the newest message under it', () => {
    expect(visiblePath(tree, 'q2b')).toEqual(['q1', 'a1', 'q2b', 'a2c']);
    expect(visiblePath(tree, 'q2')).toEqual(['q1', 'a1', 'q2', 'a2', 'q3', 'a3']);
    expect(visiblePath(tree, 'a2b')).toEqual(['q1', 'a1', 'q2', 'a2b']);
  });

  it('falls back to the newest message for a choice that is not in the conversation', () => {
    expect(visiblePath(tree, 'gone')).toEqual(visiblePath(tree, undefined));
    expect(visiblePath(buildMessageTree([]), undefined)).toEqual([]);
  });

  it('lists versions oldest first, and treats first messages as versions of each other', () => {
    expect(siblingsOf(tree, 'a2b')).toEqual(['a2', 'a2b']);
    expect(siblingsOf(tree, 'q2b')).toEqual(['q2', 'q2b']);
    expect(siblingsOf(tree, 'q1')).toEqual(['q1']);
    const edited = buildMessageTree([m('q1', null), m('a1', 'q1'), m('q1b', null), m('a1b', 'q1b')]);
    expect(siblingsOf(edited, 'q1')).toEqual(['q1', 'q1b']);
  });

  it('finds the newest message under a version', () => {
    expect(newestUnder(tree, 'q2')).toBe('a3');
    expect(newestUnder(tree, 'a2b')).toBe('a2b');
  });

  it('shows a message whose parent is missing rather than losing it, and survives a cycle', () => {
    expect(visiblePath(buildMessageTree([m('x', 'not-loaded'), m('y', 'x')]), undefined)).toEqual(['x', 'y']);
    const looped = buildMessageTree([m('p', 'q'), m('q', 'p')]);
    expect(visiblePath(looped, undefined).length).toBeLessThanOrEqual(2);
  });
});

describe('which answers can be continued', () => {
  const answer = { role: 'assistant' as const, content: 'Half of it', finishReason: null };
  it.each(['interrupted', 'error', 'cancelled'] as const)('an answer left %s with some text', (status) => {
    expect(canContinue({ ...answer, status })).toBe(true);
  });
  it('an answer cut at the token limit, but not one that finished', () => {
    expect(canContinue({ ...answer, status: 'complete', finishReason: 'length' })).toBe(true);
    expect(canContinue({ ...answer, status: 'complete', finishReason: 'stop' })).toBe(false);
  });
  it('not an answer that failed before any text, nor a question, nor one still streaming', () => {
    expect(canContinue({ ...answer, status: 'error', content: '' })).toBe(false);
    expect(canContinue({ ...answer, role: 'user', status: 'cancelled' })).toBe(false);
    expect(canContinue({ ...answer, status: 'streaming' })).toBe(false);
  });
});
