// What the entry's page shows around a redial and a refusal: the countdown while a redial
// waits, with Redial now and Cancel (Stop for a kept connection); the failure that ended an attempt sequence, with Redial
// beside its remedy; and a refusal that no dialog asked for, as a banner of the entry that
// the person dismisses.

import { useTranslation } from 'react-i18next';
import type { WireError } from '../../../app/ipc/contract';
import { errorText, wireErrorText, type ShownError } from '../format';
import { useNow } from '../use-now';
import type { EntryRef } from '../store/app-store';
import { FindOutWhy } from './find-out-why';
import '../styles/redial.css';

/**
 * The seconds left, counted on this window's clock. Not a live region: a screen reader hears
 * the wait once, from the timeline's announcement, not every tick.
 */
export function RedialCountdown({ redialAt }: { redialAt: number | null }) {
  const { t } = useTranslation();
  const now = useNow(redialAt !== null, 250);
  // No time: a kept connection waits for the network to come back.
  if (redialAt === null) return <span className="countdown">{t('keep.waitingForNetwork')}</span>;
  const seconds = Math.max(0, Math.ceil((redialAt - now) / 1000));
  return <span className="countdown">{t('ui.redialIn', { seconds })}</span>;
}

/** Redial now, and Cancel; for a kept connection Stop, which ends its loop as a hang-up does. */
export function RedialActions({
  kept = false,
  onRedialNow,
  onCancel,
}: {
  kept?: boolean;
  onRedialNow: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <span className="redial-actions">
      <button type="button" className="primary" onClick={onRedialNow}>
        {t('redial.now')}
      </button>
      <button type="button" onClick={onCancel}>
        {kept ? t('keep.stop') : t('redial.cancel')}
      </button>
    </span>
  );
}

/**
 * The error that ended the whole attempt sequence, what to do, and Redial; with `entry`, also
 * "Find out why" where the failure doctor can explain the error.
 */
export function FailureBox({
  error,
  onRedial,
  entry,
}: {
  error: ShownError;
  onRedial: () => void;
  entry?: EntryRef;
}) {
  const { t } = useTranslation();
  const text = errorText(t, error);
  return (
    <div className="failure-box" role="alert">
      <strong>
        {typeof error.code === 'number'
          ? t('ui.errorLine', { code: error.code, message: text.message })
          : text.message}
      </strong>
      <div className="failure-remedy">
        {text.remedy && <p>{t('ui.whatToDo', { remedy: text.remedy })}</p>}
        <span className="redial-actions">
          <button type="button" onClick={onRedial}>
            {t('redial.again')}
          </button>
          {entry && <FindOutWhy entry={entry} code={error.code} />}
        </span>
      </div>
    </div>
  );
}

/** A refusal with no dialog to show it: on its entry's page until dismissed. */
export function ErrorBanner({
  error,
  onDismiss,
}: {
  error: ShownError & Pick<WireError, 'name'>;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const { remedy } = errorText(t, error);
  return (
    <div className="failure-box error-banner" role="alert">
      <div>
        <strong>{wireErrorText(t, error as WireError)}</strong>
        {remedy && <p>{t('ui.whatToDo', { remedy })}</p>}
      </div>
      <button type="button" onClick={onDismiss}>
        {t('redial.dismiss')}
      </button>
    </div>
  );
}
