import { describe, expect, it } from 'vitest';
import { StreamCoalescer } from '../../electron/services/chat/stream-coalescer';
import { FakeClock } from '../fixtures/fake-clock';

function setup(intervalMs = 16) {
  const clock = new FakeClock();
  const emitted: { at: number; text: string }[] = [];
  const coalescer = new StreamCoalescer((text) => emitted.push({ at: clock.now(), text }), intervalMs, clock);
  return { clock, emitted, coalescer };
}

describe('StreamCoalescer', () => {
  it('emits the first delta at once', () => {
    const { emitted, coalescer } = setup();
    coalescer.push('Hel');
    expect(emitted).toEqual([{ at: 0, text: 'Hel' }]);
  });

  it('gathers the deltas of one interval into a single emission', () => {
    const { clock, emitted, coalescer } = setup(16);
    coalescer.push('A');
    clock.advance(2);
    coalescer.push('b');
    clock.advance(3);
    coalescer.push('c');
    expect(emitted.map((e) => e.text)).toEqual(['A']);
    clock.advance(11);
    expect(emitted).toEqual([
      { at: 0, text: 'A' },
      { at: 16, text: 'bc' },
    ]);
  });

  it('emits at most once per interval however fast deltas come', () => {
    const { clock, emitted, coalescer } = setup(16);
    for (let i = 0; i < 1000; i++) {
      coalescer.push('x');
      clock.advance(1);
    }
    coalescer.flush();
    for (let i = 1; i < emitted.length - 1; i++) expect(emitted[i]!.at - emitted[i - 1]!.at).toBeGreaterThanOrEqual(16);
    expect(emitted.length).toBeLessThanOrEqual(Math.ceil(1000 / 16) + 2);
  });

  it('loses nothing and keeps the order, whatever the timing', () => {
    const { clock, emitted, coalescer } = setup(16);
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    let sent = '';
    for (let i = 0; i < 500; i++) {
      const piece = `${i},`;
      sent += piece;
      coalescer.push(piece);
      clock.advance(Math.floor(random() * 40));
    }
    coalescer.flush();
    expect(emitted.map((e) => e.text).join('')).toBe(sent);
  });

  it('flush emits what is pending at once and leaves no timer behind', () => {
    const { clock, emitted, coalescer } = setup(16);
    coalescer.push('first');
    coalescer.push(' second');
    coalescer.flush();
    expect(emitted.map((e) => e.text)).toEqual(['first', ' second']);
    expect(emitted[1]!.at).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    clock.advance(100);
    expect(emitted).toHaveLength(2);
  });

  it('flush with nothing pending emits nothing', () => {
    const { emitted, coalescer } = setup();
    coalescer.push('all');
    coalescer.flush();
    coalescer.flush();
    expect(emitted.map((e) => e.text)).toEqual(['all']);
  });

  it('ignores empty deltas', () => {
    const { clock, emitted, coalescer } = setup();
    coalescer.push('');
    clock.advance(50);
    coalescer.flush();
    expect(emitted).toEqual([]);
  });

  it('emits a delta at once again after a quiet interval', () => {
    const { clock, emitted, coalescer } = setup(16);
    coalescer.push('a');
    clock.advance(100);
    coalescer.push('b');
    expect(emitted).toEqual([
      { at: 0, text: 'a' },
      { at: 100, text: 'b' },
    ]);
  });
});
