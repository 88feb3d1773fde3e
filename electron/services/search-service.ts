import type { SearchRepository } from '../db/search-repository';
import type { SearchOrder, SearchResults } from '../../shared/search';

export const DEFAULT_MESSAGE_HITS = 20;
/** Title matches sit above the message hits: a handful is what fits there. */
export const CONVERSATION_HITS = 5;

export interface SearchRequest {
  query: string;
  order?: SearchOrder | undefined;
  limit?: number | undefined;
}

/** Search as you type: titles and messages for the same words, answered in one call so the two never disagree. */
export function createSearchService(search: SearchRepository) {
  return {
    search({ query, order = 'newest', limit = DEFAULT_MESSAGE_HITS }: SearchRequest): SearchResults {
      const messages = order === 'relevance' ? search.rankedMessages(query, limit) : search.newestMessages(query, limit);
      return { query, conversations: search.conversations(query, CONVERSATION_HITS), messages };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
