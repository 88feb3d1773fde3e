import { z } from 'zod';
import { Id, MessageRole } from './domain';

export { HIGHLIGHT_END, HIGHLIGHT_START } from './search-markers';

export const SearchOrder = z.enum(['newest', 'relevance']);
export type SearchOrder = z.infer<typeof SearchOrder>;

export const SearchInput = z
  .object({
    query: z.string().max(500),
    order: SearchOrder.optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict();

export const MessageHit = z.object({
  messageId: Id,
  conversationId: Id,
  conversationTitle: z.string(),
  role: MessageRole,
  createdAt: z.number(),
  /** A few words around the matches, marked with HIGHLIGHT_START/END. */
  snippet: z.string(),
});
export type MessageHit = z.infer<typeof MessageHit>;

export const ConversationHit = z.object({
  conversationId: Id,
  /** The title, its matches marked with HIGHLIGHT_START/END. */
  title: z.string(),
  updatedAt: z.number(),
});
export type ConversationHit = z.infer<typeof ConversationHit>;

export const SearchResults = z.object({
  query: z.string(),
  conversations: z.array(ConversationHit),
  messages: z.array(MessageHit),
});
export type SearchResults = z.infer<typeof SearchResults>;
