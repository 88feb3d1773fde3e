import { randomUUID } from 'node:crypto';
import type OpenAI from 'openai';
import type { ChannelOutput } from '../../../shared/contract';
import type { Conversation, Message } from '../../../shared/domain';
import { canContinue } from '../../../shared/message-tree';
import type { ConversationRepository } from '../../db/conversation-repository';
import { AppError } from '../app-error';
import type { Continuation } from './continuation';
import { readyToAnswer, type ReadinessDeps } from './answer-readiness';

export interface BranchActionsContext extends ReadinessDeps {
  conversations: ConversationRepository;
  startAnswer(conversationId: string, assistant: Message, client: OpenAI, model: string, continuation?: Continuation): void;
}

interface Ready {
  conversation: Conversation;
  target: Message;
  model: string;
  client: OpenAI;
}

/**
 * Regenerate, edit and continue. The first two add a sibling in the message
 * tree, so every earlier version stays and can be switched back to; continue
 * adds to the cut answer itself (see continuation.ts for why).
 */
export function createBranchActions(ctx: BranchActionsContext) {
  /** The checks every new answer passes before anything is written, as for a send. */
  async function prepare(messageId: string): Promise<Ready> {
    const target = ctx.messages.get(messageId);
    const conversation = target && ctx.conversations.get(target.conversationId);
    if (!target || !conversation) throw new AppError('NOT_FOUND', 'That message no longer exists.');
    const { client, model } = await readyToAnswer(ctx, conversation);
    return { conversation, target, model, client };
  }

  function insertAnswer(conversation: Conversation, parentId: string, model: string, now: number): Message {
    return ctx.messages.insert({ id: randomUUID(), conversationId: conversation.id, parentId, role: 'assistant', content: '', status: 'streaming', model, now });
  }

  return {
    async regenerate(messageId: string): Promise<ChannelOutput<'chat:regenerate'>> {
      const { conversation, target, model, client } = await prepare(messageId);
      const questionId = target.role === 'user' ? target.id : target.parentId;
      if (target.role === 'system' || !questionId) throw new AppError('BAD_INPUT', 'Only an answer to a question can be regenerated.');
      const now = Date.now();
      const assistantMessage = ctx.messages.transaction(() => {
        const answer = insertAnswer(conversation, questionId, model, now);
        ctx.conversations.touch(conversation.id, now);
        return answer;
      });
      ctx.startAnswer(conversation.id, assistantMessage, client, model);
      return { assistantMessage };
    },

    async edit(messageId: string, content: string): Promise<ChannelOutput<'chat:edit'>> {
      const { conversation, target, model, client } = await prepare(messageId);
      if (target.role !== 'user') throw new AppError('BAD_INPUT', 'Only your own messages can be edited.');
      const now = Date.now();
      const [userMessage, assistantMessage] = ctx.messages.transaction(() => {
        const user = ctx.messages.insert({ id: randomUUID(), conversationId: conversation.id, parentId: target.parentId, role: 'user', content, status: 'complete', model: null, now });
        const answer = insertAnswer(conversation, user.id, model, now + 1);
        ctx.conversations.touch(conversation.id, now);
        return [user, answer] as const;
      });
      ctx.startAnswer(conversation.id, assistantMessage, client, model);
      return { userMessage, assistantMessage };
    },

    async continueAnswer(messageId: string): Promise<ChannelOutput<'chat:continue'>> {
      const { conversation, target, model, client } = await prepare(messageId);
      if (!canContinue(target)) {
        throw new AppError('BAD_INPUT', 'Only an answer that was cut off with some text can be continued. Regenerate it instead.');
      }
      // Later turns were written against the cut text: growing it under them would change what they answered.
      if (ctx.messages.hasChildren(target.id)) {
        throw new AppError('BAD_INPUT', 'The conversation has gone on after this answer, so it can no longer be continued. Regenerate it instead.');
      }
      const now = Date.now();
      const assistantMessage = ctx.messages.transaction(() => {
        const reopened = ctx.messages.reopen(target.id, now);
        ctx.conversations.touch(conversation.id, now);
        return reopened;
      });
      if (!assistantMessage) throw new AppError('BUSY', 'This answer is already being continued.');
      ctx.startAnswer(conversation.id, assistantMessage, client, model, { previous: target });
      return { assistantMessage };
    },
  };
}
