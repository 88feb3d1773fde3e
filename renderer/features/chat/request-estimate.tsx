import { useEffect, useState } from 'react';
import type { RequestEstimate as Estimate } from '../../../shared/chat-options';
import { parley } from '../../api/parley';
import { shownLeafId, useBranchStore } from '../../stores/branch-store';
import { conversationById, useChatStore } from '../../stores/chat-store';
import { useConversationOptionsStore } from '../../stores/conversation-options-store';
import { useSettingsStore } from '../../stores/settings-store';

/** Long enough that typing at speed asks main once per pause, short enough to feel live. */
const debounceMs = 150;

const tokenFormat = new Intl.NumberFormat('en-US');

export function formatCost(usd: number): string {
  if (usd === 0) return '$0';
  if (usd < 0.0001) return '< $0.0001';
  if (usd < 0.01) return `$${usd.toPrecision(2)}`;
  return `$${usd.toFixed(2)}`;
}

export function describeOmitted(n: number): string {
  return n === 1 ? '1 earlier message not sent' : `${n} earlier messages not sent`;
}

/**
 * The size and price of the request the draft would make, counted in main
 * (the tokenizer is too heavy for the window, and only main knows what fits).
 * A failed estimate shows nothing: it is a hint, and sending still works.
 */
function useRequestEstimate(draft: string): Estimate | null {
  const conversationId = useChatStore((s) => s.selectedId);
  // Re-estimate when a message is added or an answer finishes, not on every streamed word.
  const history = useChatStore((s) => {
    const list = s.selectedId ? s.messages[s.selectedId] : undefined;
    return `${list?.length ?? 0}:${list?.at(-1)?.id}:${list?.at(-1)?.status}`;
  });
  const shownLeaf = useBranchStore((s) => (conversationId ? s.shownLeaf[conversationId] : undefined));
  const revision = useConversationOptionsStore((s) => s.revision);
  // Another window may change the model or prompt: the conversation in the list says so.
  const chosen = useChatStore((s) => {
    const c = conversationById(s, s.selectedId);
    return c ? `${c.model}\u0000${c.systemPrompt}` : '';
  });
  const defaultModel = useSettingsStore((s) => s.provider?.model);
  const [estimate, setEstimate] = useState<Estimate | null>(null);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const loaded = conversationId ? useChatStore.getState().messages[conversationId] : undefined;
      const parentId = conversationId && loaded ? shownLeafId(conversationId, loaded) : undefined;
      void parley.chat
        .estimate({ ...(conversationId ? { conversationId } : {}), ...(parentId !== undefined ? { parentId } : {}), content: draft })
        .then((r) => current && setEstimate(r.ok ? r.value : null), () => current && setEstimate(null));
    }, debounceMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [conversationId, history, shownLeaf, revision, chosen, defaultModel, draft]);

  return estimate;
}

export function RequestEstimate({ draft }: { draft: string }) {
  const estimate = useRequestEstimate(draft);
  if (!estimate) return null;
  const windowText = `${tokenFormat.format(estimate.contextWindow)}-token context of ${estimate.model || 'this model'}${estimate.contextWindowKnown ? '' : ' (assumed: the model is not in Parley’s catalogue)'}`;
  return (
    <div className="request-estimate" role="group" aria-label="Next request">
      <span title={`Prompt tokens of the next request, out of the ${windowText}; ${tokenFormat.format(estimate.reservedForAnswer)} are kept for the answer.`}>
        {tokenFormat.format(estimate.promptTokens)} tokens
      </span>
      <span title="The prompt at list price; the answer is billed on top.">
        {estimate.estimatedCostUsd === null ? 'cost unknown' : `≈ ${formatCost(estimate.estimatedCostUsd)}`}
      </span>
      {estimate.omittedMessages > 0 && (
        <span className="not-sent" title={`The oldest messages do not fit the ${windowText}, so they are left out of the request. They stay in the conversation.`}>
          {describeOmitted(estimate.omittedMessages)}
        </span>
      )}
      {!estimate.fits && <span className="too-long">Too long for the {windowText}</span>}
    </div>
  );
}
