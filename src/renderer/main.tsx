import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { AtlasRoot } from './App';
import { parseBenchMode } from './bench/bench-mode';
import { ErrorBoundary } from './components/ErrorBoundary';
import { initI18n } from './i18n';
import './styles/app.css';

// The benchmark's reference scene is a separate chunk, fetched only on a `?bench=reference` page.
const ReferenceScene = lazy(() => import('./bench/ReferenceScene').then((m) => ({ default: m.ReferenceScene })));

initI18n();
const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      {parseBenchMode(window.location.search) === 'reference' ? (
        <Suspense fallback={null}>
          <ReferenceScene />
        </Suspense>
      ) : (
        <AtlasRoot />
      )}
    </ErrorBoundary>
  </StrictMode>,
);
