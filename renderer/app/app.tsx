import { useEffect } from 'react';
import { ChatView } from '../features/chat/chat-view';
import { ConversationList } from '../features/conversations/conversation-list';
import { SettingsDialog } from '../features/settings/settings-dialog';
import { connectChatEvents, useChatStore } from '../stores/chat-store';
import { useSettingsStore } from '../stores/settings-store';

export function App() {
  const settingsOpen = useSettingsStore((s) => s.open);
  const settingsLoaded = useSettingsStore((s) => s.provider !== null);

  useEffect(() => {
    const disconnect = connectChatEvents();
    void useChatStore.getState().loadConversations();
    // First run: with no key anywhere, Settings is the first thing to see.
    useSettingsStore
      .getState()
      .load()
      .then(() => {
        if (!useSettingsStore.getState().key?.hasKey) useSettingsStore.getState().setOpen(true);
      })
      .catch((err: Error) => useChatStore.setState({ problem: err.message }));
    return disconnect;
  }, []);

  return (
    <div className="app">
      <ConversationList />
      <div className="main-column">
        <header className="toolbar">
          <span className="brand">Parley</span>
          <button type="button" onClick={() => useSettingsStore.getState().setOpen(true)}>
            Settings
          </button>
        </header>
        <ChatView />
      </div>
      {settingsOpen && settingsLoaded && <SettingsDialog />}
    </div>
  );
}
