import type { MessageHit, SearchOrder, SearchResults as Results } from '../../../shared/search';
import { useChatStore } from '../../stores/chat-store';
import { openAtMessage } from './found-message';
import { HighlightedText } from './highlighted-text';
import type { SearchState } from './use-search';

const whenFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });

function summary(results: Results, order: SearchOrder): string {
  const { conversations, messages } = results;
  if (conversations.length === 0 && messages.length === 0) return `Nothing matches “${results.query.trim()}”.`;
  const parts = [];
  if (conversations.length) parts.push(`${conversations.length} conversation${conversations.length === 1 ? '' : 's'}`);
  if (messages.length) parts.push(`${messages.length} message${messages.length === 1 ? '' : 's'}`);
  return `${parts.join(' and ')}, ${order === 'newest' ? 'newest first' : 'best match first'}.`;
}

function MessageResult({ hit }: { hit: MessageHit }) {
  return (
    <li>
      <button type="button" className="search-hit" onClick={() => void openAtMessage(hit.conversationId, hit.messageId)}>
        <span className="search-hit-where">
          {hit.conversationTitle} · {hit.role === 'user' ? 'You' : 'Assistant'} · {whenFormat.format(hit.createdAt)}
        </span>
        <span className="search-hit-snippet">
          <HighlightedText text={hit.snippet} />
        </span>
      </button>
    </li>
  );
}

interface Props {
  state: SearchState;
  order: SearchOrder;
  onOrder(order: SearchOrder): void;
}

export function SearchResults({ state, order, onOrder }: Props) {
  const select = useChatStore((s) => s.select);
  const results = state.phase === 'done' || state.phase === 'searching' ? state.results : null;
  return (
    <section className="search-results" aria-label="Search results" aria-busy={state.phase === 'searching'}>
      <div className="search-toolbar">
        <p role="status" className="search-status">
          {state.phase === 'searching' && !results ? 'Searching…' : results ? summary(results, order) : ''}
        </p>
        <select aria-label="Sort results" value={order} onChange={(e) => onOrder(e.target.value as SearchOrder)}>
          <option value="newest">Newest</option>
          <option value="relevance">Best match</option>
        </select>
      </div>
      {state.phase === 'failed' && (
        <p role="alert" className="problem">
          Search failed: {state.message}
        </p>
      )}
      {results && results.conversations.length > 0 && (
        <section aria-label="Matching conversations">
          <h2 className="group-label">Conversations</h2>
          <ul className="search-hits">
            {results.conversations.map((c) => (
              <li key={c.conversationId}>
                <button type="button" className="search-hit" onClick={() => void select(c.conversationId)}>
                  <span className="search-hit-title">
                    <HighlightedText text={c.title} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {results && results.messages.length > 0 && (
        <section aria-label="Matching messages">
          <h2 className="group-label">Messages</h2>
          <ul className="search-hits">
            {results.messages.map((hit) => (
              <MessageResult key={hit.messageId} hit={hit} />
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
