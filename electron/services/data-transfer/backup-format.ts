import { z } from 'zod';
import { Conversation, Message } from '../../../shared/domain';

/** One conversation with every message of every branch: the unit of Parley's JSON export and backup. */
export const ConversationBundle = z.object({ conversation: Conversation, messages: z.array(Message) });
export type ConversationBundle = z.infer<typeof ConversationBundle>;

export const ParleyConversationFile = z.object({
  format: z.literal('parley-conversation'),
  version: z.literal(1),
  conversation: Conversation,
  messages: z.array(Message),
});

export const ParleyBackupFile = z.object({
  format: z.literal('parley-backup'),
  version: z.literal(1),
  exportedAt: z.string(),
  conversations: z.array(ConversationBundle),
});

export function toBackupJson(bundles: ConversationBundle[], now = new Date()): string {
  return JSON.stringify({ format: 'parley-backup', version: 1, exportedAt: now.toISOString(), conversations: bundles });
}
