import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { useChatStore } from './stores/chat-store';
import './base.css';
import './styles.css';

/**
 * How long the first render waits for the conversation list. The answer is
 * usually in already (the shell's early script asked for it) or takes a few
 * milliseconds; rendering without it would replace the shell's rows with an
 * empty sidebar and draw them again a render later. A database slow to
 * answer never keeps the window from React longer than this.
 */
const firstRenderWaitsForListMs = 150;

const listRead = useChatStore.getState().loadConversations();
const waited = new Promise((resolve) => setTimeout(resolve, firstRenderWaitsForListMs));

void Promise.race([listRead, waited]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
