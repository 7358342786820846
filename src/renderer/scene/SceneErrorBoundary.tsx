import i18next from 'i18next';
import { Component, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  onRetry(): void;
}

/**
 * When the 3D view cannot start (no WebGL, a lost context), say so in place of the canvas and keep
 * the rest of the atlas working.
 */
export class SceneErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error): void {
    console.warn('[atlas] the 3D view could not start:', error.message);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const t = i18next.t.bind(i18next);
    return (
      <div className="scene__unavailable" role="alert">
        <h2>{t('scene.unavailableTitle')}</h2>
        <p>{t('scene.unavailableBody')}</p>
        <button type="button" className="button" onClick={this.props.onRetry}>
          {t('scene.retry')}
        </button>
      </div>
    );
  }
}
