import { randomUUID } from 'node:crypto';
import type OpenAI from 'openai';
import type { EventName } from '../../../shared/channels';
import type { ChannelOutput, EventPayload, ParsedInput } from '../../../shared/contract';
import type { Message } from '../../../shared/domain';
import { estimateCostUsd, findModel } from '../../../shared/model-catalogue';
import type { ConversationRepository } from '../../db/conversation-repository';
import type { MessageRepository } from '../../db/message-repository';
import { AppError } from '../app-error';
import type { KeyService } from '../secrets/key-service';
import type { ProviderSettingsService } from '../settings/provider-settings';
import { defaultStreamTimings, streamAnswer, type StreamTimings } from './answer-stream';
import { createUnsavedAnswers } from './unsaved-answers';
import { createProviderClients } from './provider-client';
import { readyToAnswer } from './answer-readiness';
import { buildHistory } from './history';
import type { RequestContext } from './request-context';
import { createBranchActions } from './branch-actions';
import { continuationHistory, joinContinuation, type Continuation } from './continuation';
import type { Clock } from './clock';
import { createTitleWriter, titleFrom } from './title-writer';

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ChatServiceDeps {
  conversations: ConversationRepository;
  messages: MessageRepository;
  keys: KeyService;
  provider: ProviderSettingsService;
  /** Fits each request to the model's window and adds the conversation's sampling choices. */
  context: RequestContext;
  emit: EmitEvent;
  fetch?: typeof globalThis.fetch;
  timings?: Partial<StreamTimings>;
  clock?: Clock;
}

interface ActiveAnswer {
  controller: AbortController;
  stopRequested: boolean;
  done: Promise<void>;
}

export function createChatService(deps: ChatServiceDeps) {
  const timings = { ...defaultStreamTimings, ...deps.timings };
  const active = new Map<string, ActiveAnswer>();
  const titles = createTitleWriter(deps);
  const unsaved = createUnsavedAnswers(deps.messages);
  // Each conversation talks to its own provider (OpenAI, Azure or a compatible server), one client each.
  const clientFor = createProviderClients({ keys: deps.keys, ...(deps.fetch ? { fetch: deps.fetch } : {}) });

  function startAnswer(conversationId: string, assistant: Message, client: OpenAI, model: string, continuation?: Continuation, temperature?: number): void {
    const controller = new AbortController();
    const entry: ActiveAnswer = { controller, stopRequested: false, done: Promise.resolve() };
    active.set(assistant.id, entry);
    const history = continuation
      ? continuationHistory(deps.conversations.get(conversationId), deps.messages.listByConversation(conversationId), continuation)
      : buildHistory(deps.conversations.get(conversationId), deps.messages.listByConversation(conversationId), assistant.parentId);
    const request = deps.context.fit(conversationId, history, model);
    // Reasoning models refuse any temperature but their own, so a template's is dropped for them as the conversation's is.
    const params = temperature !== undefined && !findModel(model)?.reasoning ? { ...request.params, temperature } : request.params;
    const prefix = continuation?.previous.content ?? '';
    entry.done = streamAnswer({
      client,
      model,
      messages: request.messages,
      params,
      signal: controller.signal,
      stopRequested: () => entry.stopRequested,
      onDelta: (text) => deps.emit('chat:delta', { conversationId, messageId: assistant.id, text }),
      persist: (content) => deps.messages.flush(assistant.id, prefix + content, Date.now()),
      timings,
      ...(deps.clock ? { clock: deps.clock } : {}),
    }).then((attempt) => {
      active.delete(assistant.id);
      const outcome = continuation ? joinContinuation(continuation.previous, attempt) : attempt;
      const answer = {
        ...outcome,
        costUsd: outcome.usage ? estimateCostUsd(model, outcome.usage.promptTokens, outcome.usage.completionTokens) : null,
        now: Date.now(),
      };
      const { stored: finished, unsaved: notStored } = unsaved.finish(assistant, answer);
      if (notStored) deps.emit('chat:done', { conversationId, message: notStored });
      if (finished) deps.emit('chat:done', { conversationId, message: finished });
      if (finished && !continuation) titles.afterAnswer(conversationId, finished, client, model);
    });
  }

  return {
    ...createBranchActions({ ...deps, clientFor, startAnswer }),

    async send(input: ParsedInput<'chat:send'>): Promise<ChannelOutput<'chat:send'>> {
      const conversation = deps.conversations.get(input.conversationId);
      if (!conversation) throw new AppError('NOT_FOUND', 'That conversation no longer exists.');
      // An answer the full disk kept from being stored goes first, or its conversation would look busy for ever.
      unsaved.saveWaiting();
      const { client, model } = await readyToAnswer({ ...deps, clientFor }, conversation);

      const newest = deps.messages.newestIn(conversation.id);
      const parentId = input.parentId === undefined ? (newest?.id ?? null) : input.parentId;
      if (parentId && deps.messages.get(parentId)?.conversationId !== conversation.id) {
        throw new AppError('NOT_FOUND', 'The message to reply to no longer exists.');
      }
      const now = Date.now();
      const [userMessage, assistantMessage] = deps.messages.transaction(() => {
        const user = deps.messages.insert({ id: randomUUID(), conversationId: conversation.id, parentId, role: 'user', content: input.content, status: 'complete', model: null, now });
        const assistant = deps.messages.insert({ id: randomUUID(), conversationId: conversation.id, parentId: user.id, role: 'assistant', content: '', status: 'streaming', model, now: now + 1 });
        deps.conversations.touch(conversation.id, now);
        return [user, assistant] as const;
      });
      if (newest === null && conversation.title === 'New chat') {
        const renamed = deps.conversations.rename(conversation.id, titleFrom(input.content), now);
        if (renamed) deps.emit('conversations:changed', { conversation: renamed });
      }
      startAnswer(conversation.id, assistantMessage, client, model, undefined, input.temperature);
      return { userMessage, assistantMessage };
    },

    stop(messageId: string): boolean {
      const entry = active.get(messageId);
      if (!entry) return false;
      entry.stopRequested = true;
      entry.controller.abort();
      return true;
    },

    /** Resolves once every answer in flight has been stored; used at shutdown and by tests. */
    async settle(): Promise<void> {
      await Promise.all([...active.values()].map((a) => a.done));
      await titles.settle();
      try {
        unsaved.saveWaiting();
      } catch {
        // Still no room: the next start marks those answers interrupted, with the text last flushed.
      }
    },

    abortAll(): void {
      titles.abortAll();
      for (const a of active.values()) {
        a.stopRequested = true;
        a.controller.abort();
      }
    },
  };
}


export type ChatService = ReturnType<typeof createChatService>;
