import type { EventPayload } from '../../src-shared/contract';
import { useI18n } from '../i18n/i18n-context';

export type SystemMessage = EventPayload<'app.error'> & { readonly id: number };

/** `app.error` events from main, each dismissible; Thai or English as the user reads. */
export function SystemMessages({ messages, onDismiss }: { readonly messages: readonly SystemMessage[]; readonly onDismiss: (id: number) => void }) {
  const { t, language } = useI18n();
  return (
    <div className="system-messages" role="alert" aria-live="assertive">
      {messages.map((message) => (
        <div key={message.id} className="system-message">
          <p className="system-message__text">
            <strong>{t.appError.title}: </strong>
            {language === 'th' ? message.messageTh : message.messageEn}
            <span className="system-message__code"> ({t.errorCode(message.code)})</span>
          </p>
          <button type="button" className="button button--small" onClick={() => onDismiss(message.id)}>
            {t.appError.dismiss}
          </button>
        </div>
      ))}
    </div>
  );
}
