import type { Message } from '../../../shared/domain';
import { useChatStore } from '../../stores/chat-store';
import { formatCount, formatUsd } from './format';

/**
 * Under an answer: its tokens and cost. "≈" and "estimated" when the
 * provider sent no usage report and Parley counted the tokens itself.
 */
export function MessageCost({ message }: { message: Message }) {
  if (message.role !== 'assistant' || message.status === 'streaming' || !message.usage) return null;
  const { promptTokens, completionTokens, estimated } = message.usage;
  const tokens = `${estimated ? '≈ ' : ''}${formatCount(promptTokens + completionTokens)} tokens`;
  const cost = message.costUsd === null ? null : `${estimated ? '≈ ' : ''}${formatUsd(message.costUsd)}`;
  return (
    <p
      className="message-note message-cost"
      title={`${formatCount(promptTokens)} sent, ${formatCount(completionTokens)} received${estimated ? '. The provider reported no usage: Parley counted the tokens itself.' : ''}`}
    >
      {tokens}
      {cost && ` · ${cost}`}
      {estimated && ' (estimated)'}
    </p>
  );
}

const noMessages: Message[] = [];

/** What the open conversation has cost so far, every version of every answer included. */
export function ConversationCost() {
  const messages = useChatStore((s) => (s.selectedId ? (s.messages[s.selectedId] ?? noMessages) : noMessages));
  let total = 0;
  let priced = 0;
  let estimated = false;
  for (const m of messages) {
    if (m.costUsd === null) continue;
    total += m.costUsd;
    priced += 1;
    estimated ||= m.usage?.estimated === true;
  }
  if (priced === 0) return null;
  return (
    <span className="conversation-cost" title="What this conversation has cost so far, every version of every answer included.">
      {estimated ? '≈ ' : ''}
      {formatUsd(total)} spent
    </span>
  );
}
