import type OpenAI from 'openai';
import type { Conversation } from '../../../shared/domain';
import type { Provider } from '../../../shared/providers';
import type { MessageRepository } from '../../db/message-repository';
import { AppError } from '../app-error';
import type { ProviderSettingsService } from '../settings/provider-settings';
import { modelFor } from './provider-client';
import type { RequestContext } from './request-context';

export interface ReadinessDeps {
  messages: MessageRepository;
  provider: ProviderSettingsService;
  context: Pick<RequestContext, 'ready'>;
  clientFor(provider: Provider): Promise<OpenAI>;
}

/**
 * The checks every new answer (send, regenerate, edit, continue) passes before
 * anything is written: one answer at a time per conversation, and a key
 * resolved, so a refusal never leaves an empty question or answer behind.
 */
export async function readyToAnswer(deps: ReadinessDeps, conversation: Conversation): Promise<{ client: OpenAI; model: string }> {
  if (deps.messages.hasStreaming(conversation.id)) {
    throw new AppError('BUSY', 'An answer is still being written in this conversation. Stop it or wait for it to finish.');
  }
  const provider = deps.provider.forConversation(conversation.id);
  const client = await deps.clientFor(provider);
  const model = modelFor(conversation.model, provider);
  await deps.context.ready(model);
  return { client, model };
}
