import { describe, expect, it } from 'vitest';
import { AnswerPersister } from '../../electron/services/chat/answer-persister';
import { FakeClock } from '../fixtures/fake-clock';

function setup(intervalMs = 250) {
  const clock = new FakeClock();
  const writes: { at: number; content: string }[] = [];
  const persister = new AnswerPersister((content) => writes.push({ at: clock.now(), content }), intervalMs, clock);
  return { clock, writes, persister };
}

describe('AnswerPersister', () => {
  it('lets the first write wait its interval, since the row was just written empty', () => {
    const { clock, writes, persister } = setup(250);
    persister.append('Hello');
    expect(writes).toEqual([]);
    clock.advance(249);
    expect(writes).toEqual([]);
    clock.advance(1);
    expect(writes).toEqual([{ at: 250, content: 'Hello' }]);
  });

  it('writes at most once per interval however fast text arrives', () => {
    const { clock, writes, persister } = setup(250);
    for (let i = 0; i < 2000; i++) {
      persister.append('t');
      clock.advance(1);
    }
    clock.advance(250);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(2250 / 250));
    for (let i = 1; i < writes.length; i++) expect(writes[i]!.at - writes[i - 1]!.at).toBeGreaterThanOrEqual(250);
  });

  it('writes the whole answer so far each time, not the latest piece', () => {
    const { clock, writes, persister } = setup(250);
    persister.append('one ');
    clock.advance(250);
    persister.append('two ');
    clock.advance(250);
    expect(writes.map((w) => w.content)).toEqual(['one ', 'one two ']);
  });

  it('never leaves text more than one interval behind on disk', () => {
    const { clock, writes, persister } = setup(250);
    let sent = '';
    for (let i = 0; i < 300; i++) {
      const piece = `${i} `;
      sent += piece;
      persister.append(piece);
      clock.advance(i % 7);
    }
    clock.advance(250);
    expect(writes.at(-1)?.content).toBe(sent);
  });

  it('keeps the latest text reachable while a write is pending', () => {
    const { writes, persister } = setup(250);
    persister.append('partial ');
    persister.append('answer');
    expect(writes).toEqual([]);
    expect(persister.content).toBe('partial answer');
  });

  it('does not write again when nothing new arrived', () => {
    const { clock, writes, persister } = setup(250);
    persister.append('once');
    clock.advance(1000);
    expect(writes).toHaveLength(1);
  });

  it('drops the pending write on dispose, leaving the final write to the caller', () => {
    const { clock, writes, persister } = setup(250);
    persister.append('late');
    persister.dispose();
    clock.advance(1000);
    expect(writes).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
    expect(persister.content).toBe('late');
  });

  it('ignores empty pieces', () => {
    const { clock, writes, persister } = setup(250);
    persister.append('');
    clock.advance(1000);
    expect(writes).toEqual([]);
  });

  it('reports a failed write once, tries no more, and keeps the text growing in memory', () => {
    const clock = new FakeClock();
    const attempts: string[] = [];
    const failures: unknown[] = [];
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    const persister = new AnswerPersister(
      (content) => {
        attempts.push(content);
        throw full;
      },
      250,
      clock,
      (err) => failures.push(err),
    );
    persister.append('one ');
    // The write runs from a timer: a throw there would be an uncaught exception in main.
    expect(() => clock.advance(250)).not.toThrow();
    persister.append('two ');
    clock.advance(1000);
    expect(attempts).toEqual(['one ']);
    expect(failures).toEqual([full]);
    expect(persister.writeError).toBe(full);
    expect(persister.content).toBe('one two ');
  });
});
