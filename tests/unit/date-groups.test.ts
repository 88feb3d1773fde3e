import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../shared/domain';
import { groupByDate } from '../../renderer/features/conversations/date-groups';

const now = new Date(2026, 10, 26, 15, 0).getTime();
const day = 86_400_000;
const conv = (id: string, updatedAt: number, pinned = false): Conversation => ({
  id, title: id, model: null, providerId: 'openai', systemPrompt: null, pinned, origin: 'chat', createdAt: updatedAt, updatedAt, archivedAt: null,
});

describe('grouping conversations by date', () => {
  it('puts pinned first, then today, yesterday, the last week, the last month, then months', () => {
    const groups = groupByDate(
      [
        conv('pinned-old', now - 400 * day, true),
        conv('today', now - 60_000),
        conv('yesterday', now - day),
        conv('last-week', now - 5 * day),
        conv('last-month', now - 20 * day),
        conv('august', new Date(2026, 7, 3).getTime()),
        conv('last-year', new Date(2025, 2, 3).getTime()),
      ],
      now,
    );
    expect(groups.map((g) => [g.label, g.conversations.map((c) => c.id)])).toEqual([
      ['Pinned', ['pinned-old']],
      ['Today', ['today']],
      ['Yesterday', ['yesterday']],
      ['Previous 7 days', ['last-week']],
      ['Previous 30 days', ['last-month']],
      [new Date(2026, 7, 3).toLocaleDateString(undefined, { month: 'long' }), ['august']],
      [new Date(2025, 2, 3).toLocaleDateString(undefined, { month: 'long', year: 'numeric' }), ['last-year']],
    ]);
  });

  it('counts "today" from midnight, not from 24 hours ago', () => {
    const justAfterMidnight = new Date(2026, 10, 26, 0, 5).getTime();
    const lateYesterday = new Date(2026, 10, 25, 23, 50).getTime();
    expect(groupByDate([conv('late', lateYesterday)], justAfterMidnight)[0]!.label).toBe('Yesterday');
  });

  it('keeps the given order inside a group', () => {
    const groups = groupByDate([conv('b', now - 1000), conv('a', now - 2000)], now);
    expect(groups[0]!.conversations.map((c) => c.id)).toEqual(['b', 'a']);
  });
});
