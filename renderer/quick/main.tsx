import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QuickApp } from './quick-app';
import '../base.css';
import './quick.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QuickApp />
  </StrictMode>,
);
