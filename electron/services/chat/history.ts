import type OpenAI from 'openai';
import type { Conversation, Message } from '../../../shared/domain';

export type ChatMessageParam = OpenAI.Chat.Completions.ChatCompletionMessageParam;

/** The branch that ends at `leafId`, oldest first. */
export function branchTo(messages: Message[], leafId: string | null): Message[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const branch: Message[] = [];
  const seen = new Set<string>();
  for (let id = leafId; id && !seen.has(id); id = byId.get(id)?.parentId ?? null) {
    seen.add(id); // a damaged tree with a cycle must not hang the send
    const m = byId.get(id);
    if (!m) break;
    branch.push(m);
  }
  return branch.reverse();
}

/** Answers that failed empty are left out; cut or stopped answers are sent as they stand, as the person saw them. */
export function isSendable(m: Message): boolean {
  return !(m.role === 'assistant' && (m.status === 'streaming' || m.content === ''));
}

export function toParam(m: Pick<Message, 'role' | 'content'>): ChatMessageParam {
  return { role: m.role, content: m.content } as ChatMessageParam;
}

/**
 * The messages sent with a request: the system prompt, then the branch that
 * ends at `leafId`, oldest first, all of it. What fits a model's context is
 * chosen by request-context.ts.
 */
export function buildHistory(conversation: Conversation | null, messages: Message[], leafId: string | null): ChatMessageParam[] {
  const out: ChatMessageParam[] = [];
  if (conversation?.systemPrompt) out.push({ role: 'system', content: conversation.systemPrompt });
  for (const m of branchTo(messages, leafId)) if (isSendable(m)) out.push(toParam(m));
  return out;
}
