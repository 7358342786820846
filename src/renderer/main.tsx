import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { chooseHost } from './host/choose-host';
import { initI18n } from './i18n';
import './styles/app.css';

initI18n();
const host = chooseHost();
const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <App host={host} />
    </ErrorBoundary>
  </StrictMode>,
);
