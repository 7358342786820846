import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { AtlasRoot } from './App';
import { parseBenchMode } from './bench/bench-mode';
import { ErrorBoundary } from './components/ErrorBoundary';
import { initI18n } from './i18n';
import './styles/app.css';

// The benchmark's reference scene is a separate chunk, fetched only on a `?bench=reference` page.
const ReferenceScene = lazy(() => import('./bench/ReferenceScene').then((m) => ({ default: m.ReferenceScene })));
const PhysiologyBench = lazy(() => import('./physiology/scene/PhysiologyBench').then((m) => ({ default: m.PhysiologyBench })));

function BenchPage({ mode }: { mode: 'reference' | 'physiology' }) {
  return <Suspense fallback={null}>{mode === 'reference' ? <ReferenceScene /> : <PhysiologyBench />}</Suspense>;
}

initI18n();
const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element');

const benchMode = parseBenchMode(window.location.search);
createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>
      {benchMode === 'reference' || benchMode === 'physiology' ? <BenchPage mode={benchMode} /> : <AtlasRoot />}
    </ErrorBoundary>
  </StrictMode>,
);
