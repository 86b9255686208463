import { useI18n } from '../i18n/i18n-context';

/** Training mode: big, coloured, at the top of every screen, never dismissible. */
export function TrainingBanner() {
  const { t } = useI18n();
  return (
    <div className="training-banner" role="note">
      <p className="training-banner__text">
        <strong>{t.training.banner}</strong>
        <span className="training-banner__detail">{t.training.detail}</span>
      </p>
    </div>
  );
}
