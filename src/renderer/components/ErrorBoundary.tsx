import i18next from 'i18next';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** The last line of defence: an unexpected error shows a clear message, never a blank window. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('[atlas] unexpected error', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = i18next.t.bind(i18next);
    return (
      <main className="fatal-error" role="alert">
        <h1>{t('error.title')}</h1>
        <p>{t('error.body')}</p>
        <details>
          <summary>{t('error.details')}</summary>
          <pre>{error.stack ?? error.message}</pre>
        </details>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>
      </main>
    );
  }
}
