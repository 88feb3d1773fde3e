import { describe, expect, it } from 'vitest';
import { titleFrom } from '../../electron/services/chat/title-writer';

describe('titleFrom', () => {
  it('uses a short first message as it is', () => {
    expect(titleFrom('Plan a trip to Lisbon')).toBe('Plan a trip to Lisbon');
  });

  it('uses only the first line, trimmed', () => {
    expect(titleFrom('\n\n  Fix this bug  \r\nTraceback (most recent call last):\n  File "x.py"')).toBe('Fix this bug');
  });

  it('keeps exactly 60 characters whole', () => {
    const sixty = 'a'.repeat(60);
    expect(titleFrom(sixty)).toBe(sixty);
  });

  it('cuts a long line at the last word that fits and marks the cut', () => {
    const line = 'Explain the difference between optimistic and pessimistic locking in databases please';
    const title = titleFrom(line);
    expect(title).toBe('Explain the difference between optimistic and pessimistic…');
    expect(title.length).toBeLessThanOrEqual(61);
  });

  it('cuts a long unbroken line at 60 characters', () => {
    expect(titleFrom('x'.repeat(200))).toBe(`${'x'.repeat(60)}…`);
  });

  it('does not cut back to a space so early that little is left', () => {
    const line = `Short words ${'y'.repeat(100)}`;
    expect(titleFrom(line)).toBe(`${line.slice(0, 60)}…`);
  });
});
