import { lazy, Suspense, useEffect } from 'react';
import { ChatView } from '../features/chat/chat-view';
import { ConversationList } from '../features/conversations/conversation-list';
import { connectChatEvents, useChatStore } from '../stores/chat-store';
import { useSettingsStore } from '../stores/settings-store';
import { defaultProviderNeedsKey } from '../stores/providers-store';
import { useAppearanceStore } from '../stores/appearance-store';
import { openConversation } from '../stores/conversation-actions';
import { parley } from '../api/parley';
import { focusByLabel, useKeyboardShortcuts } from '../features/shortcuts/shortcuts';
import { ShortcutsSheet } from '../features/shortcuts/shortcuts-sheet';
import { useShortcutSheet } from '../features/shortcuts/shortcuts-sheet-store';
import { FileDropZone } from '../features/files/file-drop-zone';
import { mainWindowSink } from '../features/files/main-window-sink';
import { useWindowFiles } from '../features/files/use-window-files';
import { useUsageStore } from '../stores/usage-store';
import { UpdateBanner } from '../features/updates/update-banner';

// Opened by a button (Settings also on first run): fetched then, not with the window's first script,
// which the conversation list waits for (bench cold-start).
const SettingsDialog = lazy(() => import('../features/settings/settings-dialog').then((m) => ({ default: m.SettingsDialog })));
const UsageDialog = lazy(() => import('../features/usage/usage-dialog').then((m) => ({ default: m.UsageDialog })));

export function App() {
  const settingsOpen = useSettingsStore((s) => s.open);
  const settingsLoaded = useSettingsStore((s) => s.provider !== null);
  const usageOpen = useUsageStore((s) => s.dashboardOpen);

  useKeyboardShortcuts();
  useWindowFiles(mainWindowSink, true);
  useEffect(() => {
    const disconnect = connectChatEvents();
    const offOpen = parley.subscribe('app:openConversation', ({ conversationId }) => void openConversation(conversationId));
    const offNewChat = parley.subscribe('app:newChat', () => {
      useChatStore.getState().newChat();
      focusByLabel('Message');
    });
    void useAppearanceStore.getState().load().catch(() => {}); // the system theme stays if this fails
    // Said once, where problems show: e.g. an unreadable history was moved aside, and where to.
    void parley.app.startupNotices({}).then((r) => {
      if (r.ok && r.value.notices.length) useChatStore.setState({ problem: r.value.notices.map((n) => `${n.title}. ${n.message}`).join(' ') });
    });
    // First run: with no key anywhere, Settings is the first thing to see.
    useSettingsStore
      .getState()
      .load()
      .then(async () => {
        const needsKey = await defaultProviderNeedsKey(); // also loads the provider list the chat header shows
        if (!useSettingsStore.getState().key?.hasKey && needsKey) useSettingsStore.getState().setOpen(true);
      })
      .catch((err: Error) => useChatStore.setState({ problem: err.message }));
    return () => {
      disconnect();
      offOpen();
      offNewChat();
    };
  }, []);

  return (
    <div className="app">
      <ConversationList />
      <div className="main-column">
        <header className="toolbar">
          <span className="brand">Parley</span>
          <span className="toolbar-actions">
            <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts" onClick={() => useShortcutSheet.setState({ open: true })}>
              ⌨
            </button>
            <button type="button" onClick={() => useUsageStore.getState().setDashboardOpen(true)}>
              Usage
            </button>
            <button type="button" onClick={() => useSettingsStore.getState().setOpen(true)}>
              Settings
            </button>
          </span>
        </header>
        <UpdateBanner />
        <ChatView />
      </div>
      <Suspense fallback={null}>
        {settingsOpen && settingsLoaded && <SettingsDialog />}
        {usageOpen && <UsageDialog />}
      </Suspense>
      <ShortcutsSheet />
      <FileDropZone fallback="window" />
    </div>
  );
}
