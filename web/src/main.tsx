import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app';
import './i18n/i18n';
import './styles/app.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no element with id "root"');
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
