import type { ReplyError } from '../../src-shared/contract';
import { useI18n } from '../i18n/i18n-context';
import { replyErrorMessage, showsTechnicalDetail } from '../i18n/messages';

/**
 * The error region of a form or screen: always in the page (so screen readers are listening)
 * and announced when an error appears. Shows the plain message, the code for the helpdesk and,
 * folded away, the technical detail for the administrator.
 */
export function ErrorRegion({ error }: { readonly error: ReplyError | null }) {
  const { t } = useI18n();
  return (
    <div className="error-region" role="alert" aria-live="assertive" aria-atomic="true">
      {error !== null && (
        <div className="notice notice--error">
          <p className="notice__text">{replyErrorMessage(t, error)}</p>
          <p className="notice__code">{t.errorCode(error.code)}</p>
          {showsTechnicalDetail(error) && (
            <details className="notice__details">
              <summary>{t.technicalDetails}</summary>
              <p lang="en">{error.message}</p>
            </details>
          )}
        </div>
      )}
    </div>
  );
}

/** A polite notice (logged out, saved): announced without interrupting. */
export function StatusRegion({ text }: { readonly text: string | null }) {
  return (
    <div className="status-region" role="status" aria-live="polite" aria-atomic="true">
      {text !== null && <p className="notice notice--info">{text}</p>}
    </div>
  );
}
