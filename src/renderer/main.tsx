import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AtlasRoot } from './App';
import { ErrorBoundary } from './components/ErrorBoundary';
import { initI18n } from './i18n';
import './styles/app.css';

initI18n();
const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      <AtlasRoot />
    </ErrorBoundary>
  </StrictMode>,
);
