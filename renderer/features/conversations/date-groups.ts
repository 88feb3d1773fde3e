import type { Conversation } from '../../../shared/domain';

export interface ConversationGroup {
  label: string;
  conversations: Conversation[];
}

const day = 24 * 60 * 60 * 1000;

function startOfDay(t: number): number {
  const d = new Date(t);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * Groups the list the way ChatGPT and Chatbox users know it: Pinned first,
 * then Today, Yesterday, Previous 7 days, Previous 30 days, then by month.
 * Input order (newest first) is kept inside each group.
 */
export function groupByDate(conversations: Conversation[], now = Date.now()): ConversationGroup[] {
  const today = startOfDay(now);
  const groups = new Map<string, Conversation[]>();
  const add = (label: string, c: Conversation) => {
    let list = groups.get(label);
    if (!list) groups.set(label, (list = []));
    list.push(c);
  };
  for (const c of conversations) {
    if (c.pinned) add('Pinned', c);
    else if (c.updatedAt >= today) add('Today', c);
    else if (c.updatedAt >= today - day) add('Yesterday', c);
    else if (c.updatedAt >= today - 7 * day) add('Previous 7 days', c);
    else if (c.updatedAt >= today - 30 * day) add('Previous 30 days', c);
    else {
      const d = new Date(c.updatedAt);
      const sameYear = d.getFullYear() === new Date(now).getFullYear();
      add(d.toLocaleDateString(undefined, sameYear ? { month: 'long' } : { month: 'long', year: 'numeric' }), c);
    }
  }
  return [...groups].map(([label, list]) => ({ label, conversations: list }));
}
