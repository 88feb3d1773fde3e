import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { useChatStore } from './stores/chat-store';
import './base.css';
import './styles.css';

// Asked for before the first render, so the list is on its way while React draws the window.
void useChatStore.getState().loadConversations();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
