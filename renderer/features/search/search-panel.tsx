import { useRef, useState } from 'react';
import type { SearchOrder } from '../../../shared/search';
import { useRevealFoundMessage } from './found-message';
import { SearchResults } from './search-results';
import { useSearch } from './use-search';
import './search.css';

/**
 * The search box at the top of the sidebar. While it holds text, the results
 * cover the conversation list below it; clearing it (Escape, or the field's
 * own clear button) brings the list back.
 */
export function SearchPanel() {
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SearchOrder>('newest');
  const state = useSearch(query, order);
  const panel = useRef<HTMLDivElement>(null);
  useRevealFoundMessage();

  return (
    <div className="search" role="search" ref={panel}>
      <input
        type="search"
        aria-label="Search conversations"
        placeholder="Search"
        value={query}
        maxLength={500}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setQuery('');
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            panel.current?.querySelector<HTMLButtonElement>('.search-hit')?.focus();
          }
        }}
      />
      {query.trim() !== '' && <SearchResults state={state} order={order} onOrder={setOrder} />}
    </div>
  );
}
