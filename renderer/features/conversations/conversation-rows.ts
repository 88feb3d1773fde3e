import type { Conversation } from '../../../shared/domain';
import type { ConversationGroup } from './date-groups';

/** The list flattened for the virtual list: each group's heading, then its conversations. */
export type ConversationRow = { kind: 'heading'; group: string } | { kind: 'conversation'; group: string; conversation: Conversation };

export function rowsOf(groups: ConversationGroup[]): ConversationRow[] {
  const rows: ConversationRow[] = [];
  for (const g of groups) {
    rows.push({ kind: 'heading', group: g.label });
    for (const conversation of g.conversations) rows.push({ kind: 'conversation', group: g.label, conversation });
  }
  return rows;
}

export const rowKey = (row: ConversationRow) => (row.kind === 'heading' ? `heading:${row.group}` : row.conversation.id);

/**
 * Splits the rows on screen into runs of one group each, so every run is
 * drawn inside its group's labelled section even when the group's heading
 * has scrolled away: the section keeps the group's name for screen readers.
 */
export function runsByGroup<T>(items: T[], groupOf: (item: T) => string): { group: string; items: T[] }[] {
  const runs: { group: string; items: T[] }[] = [];
  for (const item of items) {
    const group = groupOf(item);
    const last = runs.at(-1);
    if (last && last.group === group) last.items.push(item);
    else runs.push({ group, items: [item] });
  }
  return runs;
}
