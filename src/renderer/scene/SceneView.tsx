import { Canvas } from '@react-three/fiber';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Theme } from '../../shared/settings';
import { CameraRig, type ViewCommand } from './CameraRig';
import { PreviewTreeModel } from './PreviewTreeModel';
import { SceneErrorBoundary } from './SceneErrorBoundary';
import { SCENE_PALETTES } from './scene-palette';

const LEGEND = [
  { key: 'trunk', glyph: 'legend-glyph--trunk' },
  { key: 'branches', glyph: 'legend-glyph--branches' },
  { key: 'leaves', glyph: 'legend-glyph--leaves' },
] as const;

export function SceneView({ theme, reducedMotion }: { theme: Theme; reducedMotion: boolean }) {
  const { t } = useTranslation();
  const commandRef = useRef<ViewCommand | null>(null);
  const [attempt, setAttempt] = useState(0);
  const instructionsId = useId();
  const palette = SCENE_PALETTES[theme];

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (commandRef.current?.(event.key)) event.preventDefault();
  };

  return (
    <section className="scene" aria-label={t('scene.regionLabel')}>
      <SceneErrorBoundary key={attempt} onRetry={() => setAttempt((n) => n + 1)}>
        <div
          className="scene__viewport"
          role="application"
          tabIndex={0}
          aria-label={t('scene.regionLabel')}
          aria-describedby={instructionsId}
          onKeyDown={onKeyDown}
          data-testid="scene-viewport"
        >
          <Canvas frameloop="demand" dpr={[1, 2]} camera={{ fov: 38, near: 0.1, far: 100 }} aria-hidden="true">
            <color attach="background" args={[palette.background]} />
            <hemisphereLight args={['#ffffff', '#5a6a7a', 1.4]} />
            <directionalLight position={[4, 6, 5]} intensity={2.2} />
            <directionalLight position={[-5, 2, -3]} intensity={0.6} />
            <PreviewTreeModel palette={palette} />
            <CameraRig commandRef={commandRef} reducedMotion={reducedMotion} />
          </Canvas>
        </div>
        <button type="button" className="button scene__reset" onClick={() => commandRef.current?.('Home')}>
          <span className="button__glyph" aria-hidden="true">
            ⟲
          </span>
          {t('scene.resetView')}
        </button>
      </SceneErrorBoundary>
      <aside className="scene__panel">
        <p className="scene__preview-note">{t('scene.previewNotice')}</p>
        <h2 className="scene__legend-title">{t('scene.legendTitle')}</h2>
        <ul className="legend">
          {LEGEND.map(({ key, glyph }) => (
            <li key={key} className="legend__item">
              <span className={`legend-glyph ${glyph}`} aria-hidden="true" />
              {t(`scene.legend.${key}`)}
            </li>
          ))}
        </ul>
        <p id={instructionsId} className="scene__instructions">
          {t('scene.instructions')}
        </p>
      </aside>
    </section>
  );
}
