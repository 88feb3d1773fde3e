import type OpenAI from 'openai';
import type { ExplanationProgress } from '../../../shared/file-explanation';
import type { Message, Usage } from '../../../shared/domain';
import type { AttachmentRepository } from '../../db/attachment-repository';
import type { ConversationRepository } from '../../db/conversation-repository';
import type { MessageRepository } from '../../db/message-repository';
import { AppError } from '../app-error';
import type { Logger } from '../logging/logger';
import { errorCode } from '../logging/redaction';
import { streamAnswer, type StreamTimings } from '../chat/answer-stream';
import type { EmitEvent } from '../chat/chat-service';
import type { TokenCounter } from '../chat/token-counter';
import type { UnsavedAnswers } from '../chat/unsaved-answers';
import { explainFile, listPriceCost, type ExplanationResult, type PartExplanation } from '../explain/explain-runner';
import { explanationKey } from '../explain/explanation-key';
import type { PreparedEntry } from './file-preparation';
import { imageMessages } from './image-explanation';

export interface ExplanationRunDeps {
  conversations: ConversationRepository;
  messages: MessageRepository;
  attachments: AttachmentRepository;
  emit: EmitEvent;
  counter: TokenCounter;
  unsaved: UnsavedAnswers;
  timings: StreamTimings;
  /** The chat's backoff, when tests shorten it, so the parts' retries are shortened too. */
  retryBaseDelayMs?: number | undefined;
  concurrency: () => number;
  log?: Logger | undefined;
  /** Called as the answer ends, before the window hears so: a Stop pressed on the finished answer then finds nothing to stop. */
  onEnded: (messageId: string) => void;
  /** The cost at the person's prices, as a chat answer's; the catalogue's list prices when absent. */
  costOf?: ((model: string, usage: Usage) => number | null) | undefined;
}

type Outcome = Pick<ExplanationResult, 'status' | 'error' | 'usage' | 'costUsd'>;

/** What a stopped or failed run of parts leaves in the answer: every part's notes, so nothing paid for is lost. */
function keptParts(result: ExplanationResult, total: number): string {
  if (result.text || result.parts.length === 0) return result.text;
  const heading = result.status === 'cancelled' ? `Stopped after ${result.parts.length} of ${total} parts.` : `Explained ${result.parts.length} of ${total} parts before the error.`;
  return [heading, ...result.parts.map((p) => `### Part ${p.index + 1}: ${p.label}\n\n${p.text.trim()}`)].join('\n\n');
}

/**
 * One file explanation from the first request to the stored answer: an image
 * in one vision request, or the plan's parts map-reduced, streamed into the
 * answer like a chat answer, reported as progress, and saved for reuse once
 * it is stored complete.
 */
export function createExplanationRun(deps: ExplanationRunDeps) {
  const costOf = deps.costOf ?? listPriceCost;
  function finish(conversationId: string, assistant: Message, content: string, outcome: Outcome, started: number): void {
    const now = Date.now();
    if (outcome.status === 'error') {
      deps.log?.warn('files', 'A file explanation failed', { providerId: deps.conversations.get(conversationId)?.providerId ?? null, code: outcome.error?.code ?? null });
    }
    deps.onEnded(assistant.id);
    const { stored, unsaved: notStored } = deps.unsaved.finish(assistant, {
      status: outcome.status,
      content,
      error: outcome.error,
      finishReason: outcome.status === 'complete' ? 'stop' : null,
      usage: outcome.usage,
      costUsd: outcome.costUsd,
      ttftMs: null,
      totalMs: now - started,
      now,
    });
    const message = stored ?? notStored;
    if (message) deps.emit('chat:done', { conversationId, message });
  }

  /** Saved only once the answer is stored complete, so a reused explanation is always one a person could read. */
  function saveForReuse(entry: PreparedEntry, assistant: Message, text: string, parts: PartExplanation[]): void {
    const key = { sha256: entry.file.sha256, templateId: entry.template.id, model: entry.model };
    try {
      deps.attachments
        .explanationStoreFor(assistant.id, key)
        .save({ key: explanationKey(key), text, parts: parts.map((p) => ({ label: p.label, text: p.text })), model: entry.model, createdAt: Date.now() });
    } catch {
      // Only reuse is lost (a full disk): the explanation itself is stored and shown.
    }
  }

  return async function run(entry: PreparedEntry, conversationId: string, assistant: Message, client: OpenAI, signal: AbortSignal): Promise<void> {
    const started = Date.now();
    const { file } = entry;
    const progress = (p: ExplanationProgress) => deps.emit('files:progress', { messageId: assistant.id, conversationId, fileName: file.name, progress: p });
    const onDelta = (text: string) => deps.emit('chat:delta', { conversationId, messageId: assistant.id, text });
    const persist = (content: string) => void deps.messages.flush(assistant.id, content, Date.now());
    try {
      if (!entry.plan) {
        progress({ phase: 'parts', partsDone: 0, partsTotal: 1 });
        const outcome = await streamAnswer({
          client,
          model: entry.model,
          messages: imageMessages({ instruction: entry.template.prompt, name: file.name, image: file.image! }),
          signal,
          stopRequested: () => signal.aborted,
          onDelta,
          persist,
          timings: deps.timings,
        });
        const costUsd = outcome.usage ? costOf(entry.model, outcome.usage) : null;
        if (outcome.status === 'complete') progress({ phase: 'done', partsDone: 1, partsTotal: 1 });
        finish(conversationId, assistant, outcome.content, { ...outcome, usage: outcome.usage ?? { promptTokens: 0, completionTokens: 0 }, costUsd }, started);
        if (outcome.status === 'complete') saveForReuse(entry, assistant, outcome.content, []);
        return;
      }
      const plan = entry.plan;
      const result = await explainFile({
        client,
        plan,
        counter: deps.counter,
        concurrency: deps.concurrency(),
        ...(deps.retryBaseDelayMs !== undefined ? { retry: { baseDelayMs: deps.retryBaseDelayMs } } : {}),
        signal,
        done: entry.done,
        onProgress: progress,
        onPart: (part: PartExplanation) => entry.done.push(part),
        onDelta,
        persist,
        timings: deps.timings,
        costOf,
      });
      const complete = result.status === 'complete';
      finish(conversationId, assistant, complete ? result.text : keptParts(result, plan.parts.length), result, started);
      if (complete) {
        saveForReuse(entry, assistant, result.text, result.parts);
        // Explaining again after a Stop goes on from the parts done; once complete there is nothing to go on from.
        entry.done = [];
      }
    } catch (err) {
      // Class and code only: a parser's message may quote the file.
      if (!(err instanceof AppError)) deps.log?.error('files', 'Explaining a file failed inside Parley', errorCode(err));
      const error = err instanceof AppError ? err.toShape() : { code: 'INTERNAL' as const, message: String(err) };
      finish(conversationId, assistant, deps.messages.get(assistant.id)?.content ?? '', { status: 'error', error, usage: { promptTokens: 0, completionTokens: 0 }, costUsd: null }, started);
    }
  };
}
