import type { Conversation } from '../../shared/domain';
import type { Result } from '../../shared/error-codes';
import { parley } from '../api/parley';

/**
 * The list is read a page at a time: the first page is what the window
 * shows at start, and the rest comes as the person scrolls. Reading and
 * rendering all of a 10,000-conversation history took seconds and 200 MB
 * (bench/cold-start.ts).
 */
export const conversationPageSize = 100;

let firstPage: Promise<Result<Conversation[]>> | null = null;
let taken = false;

/**
 * Asks for the first page of the list once, as early as a script can: the
 * shell's early script (shell-list.ts) asks while React is still loading,
 * and the app's first read takes that same answer instead of asking again.
 */
export function startFirstPage(): Promise<Result<Conversation[]>> {
  firstPage ??= parley.conversations.list({ limit: conversationPageSize });
  return firstPage;
}

/** The early answer, once: a later read of the list (after an import, say) must ask anew. */
export function takeFirstPage(): Promise<Result<Conversation[]>> {
  if (taken) return parley.conversations.list({ limit: conversationPageSize });
  taken = true;
  return startFirstPage();
}
