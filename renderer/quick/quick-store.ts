import { create } from 'zustand';
import type { Message } from '../../shared/domain';
import { parley, ParleyError, unwrap } from '../api/parley';
import { holdDelta } from '../stores/early-deltas';
import { upsert } from '../stores/message-merge';
import { withQuotedContext } from './quoted-context';

/**
 * The quick window's one exchange: its own small store rather than the main
 * window's, which pulls in branches, search and the markdown view up front.
 */
interface QuickState {
  conversationId: string | null;
  messages: Message[];
  sending: boolean;
  problem: string | null;
  /** The last question was refused because a budget is spent: "Send anyway" may send it past the budget, once. */
  budgetRefused: boolean;
  /** '' follows the provider's default model. */
  model: string;
  useClipboard: boolean;
  clipboard: { text: string; truncated: boolean } | null;
  pinned: boolean;
}

export const useQuickStore = create<QuickState>(() => ({
  conversationId: null,
  messages: [],
  sending: false,
  problem: null,
  budgetRefused: false,
  model: '',
  useClipboard: false,
  clipboard: null,
  pinned: false,
}));

const explain = (err: unknown) => (err instanceof Error ? err.message : String(err));
const set = useQuickStore.setState;
const get = useQuickStore.getState;

/** Resolves true when main took the question, so the box can clear itself. `overrideBudget`: "Send anyway". */
export async function askQuick(question: string, { overrideBudget = false } = {}): Promise<boolean> {
  const s = get();
  if (s.sending || !question.trim()) return false;
  set({ sending: true, problem: null, budgetRefused: false });
  try {
    let id = s.conversationId;
    if (!id) {
      id = (await unwrap(parley.conversations.create({ origin: 'quick' }))).id;
      if (s.model) await unwrap(parley.conversations.setOptions({ id, model: s.model }));
      set({ conversationId: id, messages: [] });
    }
    const context = s.useClipboard ? (s.clipboard?.text ?? null) : null;
    const parentId = get().messages.at(-1)?.id;
    const { userMessage, assistantMessage } = await unwrap(
      parley.chat.send({ conversationId: id, content: withQuotedContext(question, context), ...(parentId ? { parentId } : {}), ...(overrideBudget ? { overrideBudget } : {}) }),
    );
    // The clipboard was context for this question; a follow-up does not send it again, even if the default comes now.
    clipboardDecided = true;
    set((q) => ({ messages: upsert(upsert(q.messages, userMessage), assistantMessage), useClipboard: false }));
    return true;
  } catch (err) {
    set({ problem: explain(err), budgetRefused: err instanceof ParleyError && err.code === 'BUDGET_EXCEEDED' });
    return false;
  } finally {
    set({ sending: false });
  }
}

export async function stopQuick(): Promise<void> {
  const streaming = get().messages.find((m) => m.status === 'streaming');
  if (streaming) await parley.chat.stop({ messageId: streaming.id });
}

export async function chooseModel(model: string): Promise<void> {
  set({ model });
  const id = get().conversationId;
  if (!id) return; // applied when the conversation is created
  try {
    await unwrap(parley.conversations.setOptions({ id, model: model || null }));
  } catch (err) {
    set({ problem: explain(err) });
  }
}

/** "Use clipboard text by default" from settings: where a fresh quick ask starts. */
let clipboardDefault = false;
/**
 * The box was ticked or cleared in this ask, by the person or by sending. The default is read as the
 * window loads and can arrive after that: it must not undo the person's choice.
 */
let clipboardDecided = false;

export async function loadClipboardDefault(): Promise<void> {
  const r = await parley.settings.getQuickAsk({});
  if (!r.ok) return; // the box stays as it is; the person can still tick it
  clipboardDefault = r.value.useClipboardByDefault;
  if (!clipboardDecided) await showClipboard(clipboardDefault);
}

export function resetClipboardToDefault(): void {
  clipboardDecided = false;
  void showClipboard(clipboardDefault);
}

/** The person ticked or cleared "Use clipboard text". */
export async function setUseClipboard(on: boolean): Promise<void> {
  clipboardDecided = true;
  await showClipboard(on);
}

async function showClipboard(on: boolean): Promise<void> {
  set({ useClipboard: on, ...(on ? {} : { clipboard: null }) });
  if (on) await refreshClipboard();
}

/** Read again each time the window shows: the person has usually just copied something new. */
export async function refreshClipboard(): Promise<void> {
  try {
    const clipboard = await unwrap(parley.quick.clipboardText({}));
    if (get().useClipboard) set({ clipboard });
  } catch (err) {
    set({ problem: explain(err), useClipboard: false, clipboard: null });
  }
}

export async function setPinned(pinned: boolean): Promise<void> {
  set({ pinned });
  try {
    set({ pinned: (await unwrap(parley.quick.setPinned({ pinned }))).pinned });
  } catch (err) {
    set({ pinned: !pinned, problem: explain(err) });
  }
}

export function hideQuick(): void {
  void parley.quick.hide({});
}

/** Carries on in the main window; the quick window starts afresh next time. */
export async function openInMain(): Promise<void> {
  const id = get().conversationId;
  if (!id) return;
  try {
    await unwrap(parley.quick.openInMain({ conversationId: id }));
    startOver();
  } catch (err) {
    set({ problem: explain(err) });
  }
}

export function startOver(): void {
  set({ conversationId: null, messages: [], problem: null, budgetRefused: false });
  resetClipboardToDefault();
}

/** Deltas and ends of this window's conversation; other windows' answers are not ours to show. */
export function connectQuickEvents(): () => void {
  const offDelta = parley.subscribe('chat:delta', ({ conversationId, messageId, text }) => {
    if (conversationId !== get().conversationId) return;
    set((s) => {
      const i = s.messages.findIndex((m) => m.id === messageId);
      if (i < 0) {
        // The first deltas can overtake chat:send's reply, which introduces the message: upsert applies them.
        holdDelta(messageId, text);
        return s;
      }
      const next = s.messages.slice();
      next[i] = { ...s.messages[i]!, content: s.messages[i]!.content + text };
      return { messages: next };
    });
  });
  const offDone = parley.subscribe('chat:done', ({ conversationId, message }) => {
    if (conversationId === get().conversationId) set((s) => ({ messages: upsert(s.messages, message) }));
  });
  return () => {
    offDelta();
    offDone();
  };
}
