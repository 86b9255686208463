import type { ReplyError } from '../../src-shared/contract';
import { ErrorRegion } from '../components/error-notice';
import { ScreenFrame } from '../components/screen-frame';
import { useI18n } from '../i18n/i18n-context';

/** The first call (`app.info`) is running, or it failed: then say why and offer a retry. */
export function LoadingScreen({ error, onRetry }: { readonly error: ReplyError | null; readonly onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <ScreenFrame title={error === null ? t.loading.title : t.loading.failedTitle} info={null} className="screen--centred">
      <section className="panel panel--narrow" aria-busy={error === null}>
        <h1 className="screen__title">{error === null ? t.loading.title : t.loading.failedTitle}</h1>
        <ErrorRegion error={error} />
        {error !== null && (
          <>
            <p className="panel__text">{t.loading.browserHint}</p>
            <button type="button" className="button button--primary" onClick={onRetry} autoFocus>
              {t.loading.retry}
            </button>
          </>
        )}
      </section>
    </ScreenFrame>
  );
}
