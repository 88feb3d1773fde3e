import type { Conversation } from '../../shared/domain';
import { rowsOf } from '../features/conversations/conversation-rows';
import { groupByDate } from '../features/conversations/date-groups';
import { startFirstPage } from './first-page';

/**
 * The window's early script, run on its own as soon as it has loaded
 * (vite.config.ts injects it), before React and the app are even evaluated:
 * it asks for the first page of conversations and draws the rows that fit
 * into the app shell's sidebar, in place of its placeholder lines. The
 * shell stays a picture (inert, hidden from assistive tech); React's first
 * render replaces it with the real list, drawn from this same answer, with
 * the rows in the same places (app-shell.e2e.test.ts). On a database of
 * thousands of conversations that shows the list about as soon as the page
 * paints, instead of after React has loaded (bench cold-start).
 */
function drawShellList(conversations: Conversation[]): void {
  const sidebar = document.querySelector('#boot-shell .boot-sidebar');
  if (!sidebar || conversations.length === 0) return;
  // Rows are at least a group heading's 34 px tall: this many always fill the window's height.
  const fits = Math.ceil(window.innerHeight / 34);
  const list = el('div', 'conversation-groups');
  let ul: HTMLElement | null = null;
  for (const row of rowsOf(groupByDate(conversations)).slice(0, fits)) {
    if (row.kind === 'heading') {
      const section = list.appendChild(el('section'));
      section.appendChild(el('h2', 'group-label')).textContent = row.group;
      ul = section.appendChild(el('ul', 'conversation-list'));
      continue;
    }
    const li = ul!.appendChild(el('li', 'conversation'));
    const open = li.appendChild(el('span', 'conversation-open'));
    if (row.conversation.pinned) open.append('📌 ');
    open.appendChild(el('span', 'conversation-title')).textContent = row.conversation.title;
    if (row.conversation.origin === 'quick') open.appendChild(el('span', 'origin-badge')).textContent = 'Quick';
    // The row's hidden actions button takes its width from the title, as in the app.
    li.appendChild(el('span', 'menu-anchor')).appendChild(el('button', 'icon menu-trigger')).textContent = '⋯';
  }
  for (const line of sidebar.querySelectorAll('.boot-line')) line.remove();
  sidebar.appendChild(list);
}

function el(tag: string, className?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  return e;
}

void startFirstPage().then((result) => result.ok && drawShellList(result.value));
