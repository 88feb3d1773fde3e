import type OpenAI from 'openai';
import type { EventName } from '../../../shared/channels';
import type { EventPayload } from '../../../shared/contract';
import type { Message } from '../../../shared/domain';
import { findModel } from '../../../shared/model-catalogue';
import type { ConversationRepository } from '../../db/conversation-repository';
import type { MessageRepository } from '../../db/message-repository';
import type { UsageService } from '../usage/usage-service';

const instructions =
  'Write a title of at most six words for the conversation below, in the language of its question. ' +
  'Reply with the title only: no quotes, no final full stop.';

/** The first line, shortened at a word: the title until (or instead of) the model-written one. */
export function titleFrom(content: string): string {
  const line = content.trim().split('\n')[0]!.trim();
  if (line.length <= 60) return line;
  const cut = line.slice(0, 60);
  const space = cut.lastIndexOf(' ');
  return `${space > 30 ? cut.slice(0, space) : cut}…`;
}

/** What a model returns is trimmed to a title: one line, no wrapping quotes, at most 60 characters. */
export function cleanTitle(raw: string | null | undefined): string | null {
  const line = (raw ?? '').trim().split('\n')[0]!.trim().replace(/^title:\s*/i, '').replace(/^["'“”‘’*_]+|["'“”‘’*_.]+$/g, '').trim();
  if (!line) return null;
  return line.length <= 60 ? line : `${line.slice(0, 59).trimEnd()}…`;
}

interface Deps {
  conversations: ConversationRepository;
  messages: MessageRepository;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** A title costs tokens too: its request is counted with the answers' on the dashboard and against the budgets. */
  usage?: Pick<UsageService, 'record' | 'status'>;
  timeoutMs?: number;
}

/**
 * After the first answer of a conversation, asks the same model for a short
 * title with one cheap, non-streamed request. It never blocks the chat, and
 * any failure leaves the first-line title in place. A title the person has
 * changed meanwhile is never overwritten.
 */
export function createTitleWriter({ conversations, messages, emit, usage, timeoutMs = 15_000 }: Deps) {
  const inFlight = new Map<string, { controller: AbortController; done: Promise<void> }>();

  return {
    afterAnswer(conversationId: string, answer: Message, client: OpenAI, model: string, providerId: string | null): void {
      if (answer.status !== 'complete' || inFlight.has(conversationId)) return;
      // Reasoning models spend a small token budget thinking and return nothing.
      if (findModel(model)?.reasoning) return;
      // Two single-row reads, not the whole conversation: this runs after every answer.
      const conversation = conversations.get(conversationId);
      const question = answer.parentId ? messages.get(answer.parentId) : null;
      // Only an answer to the opening question, while the title is still the first-line one.
      if (!conversation || !question || question.parentId !== null || conversation.title !== titleFrom(question.content)) return;
      // A spent budget stops requests nobody asked for; the first-line title stays. Asked last: it sums the spending.
      if (usage?.status().level === 'exceeded') return;

      const automaticTitle = conversation.title;
      const controller = new AbortController();
      const startedAt = Date.now();
      // Counted in requests, tokens and cost; left out of the answers' timings, which it is not one of.
      const done = client.chat.completions
        .create(
          {
            model,
            messages: [
              { role: 'system', content: instructions },
              { role: 'user', content: `${question.content.slice(0, 2000)}\n\n---\n\n${answer.content.slice(0, 2000)}` },
            ],
            max_tokens: 24,
            temperature: 0.2,
          },
          { signal: controller.signal, timeout: timeoutMs, maxRetries: 0 },
        )
        .then((res) => {
          usage?.record({
            conversationId,
            messageId: null,
            providerId,
            model,
            at: startedAt,
            status: 'complete',
            errorCode: null,
            usage: res.usage ? { promptTokens: res.usage.prompt_tokens, completionTokens: res.usage.completion_tokens } : null,
            ttftMs: null,
            totalMs: null,
          });
          const title = cleanTitle(res.choices[0]?.message?.content);
          if (!title || title === automaticTitle || conversations.get(conversationId)?.title !== automaticTitle) return;
          const renamed = conversations.rename(conversationId, title, Date.now());
          if (renamed) emit('conversations:changed', { conversation: renamed });
        })
        .catch(() => undefined)
        .finally(() => inFlight.delete(conversationId));
      inFlight.set(conversationId, { controller, done });
    },

    abortAll(): void {
      for (const { controller } of inFlight.values()) controller.abort();
    },

    async settle(): Promise<void> {
      await Promise.all([...inFlight.values()].map((t) => t.done));
    },
  };
}

export type TitleWriter = ReturnType<typeof createTitleWriter>;
