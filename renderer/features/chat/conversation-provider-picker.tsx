import { useState } from 'react';
import { parley, unwrap } from '../../api/parley';
import { conversationById, replaceConversation, useChatStore } from '../../stores/chat-store';
import { useProvidersStore } from '../../stores/providers-store';
import './conversation-provider-picker.css';

/**
 * Which provider this conversation talks to, shown once there is more than
 * one. For a chat not yet started it picks the default, which is what the
 * first message will be sent with.
 */
export function ConversationProviderPicker() {
  const selectedId = useChatStore((s) => s.selectedId);
  const providerId = useChatStore((s) => conversationById(s, s.selectedId)?.providerId);
  const { providers, defaultProviderId, setDefault } = useProvidersStore();
  const [busy, setBusy] = useState(false);
  if (providers.length < 2) return null;
  // A conversation whose provider was removed talks to the default, so that is what it shows.
  const current = providers.some((p) => p.id === providerId) ? providerId : defaultProviderId;

  async function choose(id: string) {
    setBusy(true);
    try {
      if (selectedId) {
        const conversation = await unwrap(parley.conversations.setProvider({ id: selectedId, providerId: id }));
        useChatStore.setState((s) => replaceConversation(s, conversation));
      } else {
        await setDefault(id);
      }
    } catch (err) {
      useChatStore.setState({ problem: `Could not change the provider: ${err instanceof Error ? err.message : String(err)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <select className="provider-picker" aria-label="Provider of this chat" title="Provider of this chat" value={current ?? ''} disabled={busy} onChange={(e) => void choose(e.target.value)}>
      {providers.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
