import { useEffect, useRef, useState } from 'react';
import type { SearchOrder, SearchResults } from '../../../shared/search';
import { parley } from '../../api/parley';

/** A pause in typing this long sends the query: one search per word or so, not per key. */
export const SEARCH_DEBOUNCE_MS = 120;

export type SearchState =
  | { phase: 'idle' }
  | { phase: 'searching'; results: SearchResults | null }
  | { phase: 'done'; results: SearchResults }
  | { phase: 'failed'; message: string };

/**
 * Searches as the text changes. Answers can come back out of order, so only
 * the answer to the latest text is shown; an answer already shown stays on
 * screen while the next one is on its way.
 */
export function useSearch(query: string, order: SearchOrder): SearchState {
  const [state, setState] = useState<SearchState>({ phase: 'idle' });
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (query.trim() === '') {
      setState({ phase: 'idle' });
      return;
    }
    setState((s) => ({ phase: 'searching', results: s.phase === 'done' || s.phase === 'searching' ? s.results : null }));
    const timer = setTimeout(async () => {
      try {
        const answer = await parley.search.messages({ query, order });
        if (ticket !== latest.current) return;
        setState(answer.ok ? { phase: 'done', results: answer.value } : { phase: 'failed', message: answer.error.message });
      } catch (err) {
        if (ticket === latest.current) setState({ phase: 'failed', message: err instanceof Error ? err.message : String(err) });
      }
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query, order]);

  return state;
}
