import type OpenAI from 'openai';
import type { Conversation, Message } from '../../../shared/domain';

/**
 * The messages sent with a request: the system prompt, then the branch that
 * ends at `leafId`, oldest first. Answers that failed empty are left out;
 * cut or stopped answers are sent as they stand, as the person saw them.
 */
export function buildHistory(
  conversation: Conversation | null,
  messages: Message[],
  leafId: string | null,
): OpenAI.Chat.Completions.ChatCompletionMessageParam[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const branch: Message[] = [];
  const seen = new Set<string>();
  for (let id = leafId; id && !seen.has(id); id = byId.get(id)?.parentId ?? null) {
    seen.add(id); // a damaged tree with a cycle must not hang the send
    const m = byId.get(id);
    if (!m) break;
    branch.push(m);
  }
  branch.reverse();
  const out: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [];
  if (conversation?.systemPrompt) out.push({ role: 'system', content: conversation.systemPrompt });
  for (const m of branch) {
    if (m.role === 'assistant' && (m.status === 'streaming' || m.content === '')) continue;
    out.push({ role: m.role, content: m.content } as OpenAI.Chat.Completions.ChatCompletionMessageParam);
  }
  return out;
}
