// One dialog per paused state. Each answers through `onAnswer` (resume) and each has
// Cancel, which hangs the dial up. The terminal window is in terminal-pane.tsx.

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PausedRequest } from '../../../app/connection-view';
import type { PausedAnswer } from '../../../app/ras/dial-types';
import { PWLEN, RAS_MAX_CALLBACK_NUMBER, UNLEN } from '../../../app/ras/limits';
import { useAppStore } from '../store/app-store';
import { CredentialsFields, type Credentials } from './credentials-fields';
import { Dialog, Field } from './dialog';
import { InteractiveDialog } from './terminal-pane';

export interface PausedDialogProps {
  /** The paused connection (the terminal window talks to its port). */
  connectionId: string;
  entryName: string;
  paused: PausedRequest;
  onAnswer: (answer: PausedAnswer) => void;
  onCancel: () => void;
}

export function CallbackDialog({ entryName, onAnswer, onCancel }: PausedDialogProps) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  return (
    <Dialog
      title={`${t('dialog.callback.title')} — ${entryName}`}
      onSubmit={() => onAnswer({ kind: 'callback', callbackNumber: number.trim() })}
      onCancel={onCancel}
      actions={
        <>
          <button type="submit" disabled={number.trim() === ''}>
            {t('dialog.callback.submit')}
          </button>
          <button type="button" onClick={() => onAnswer({ kind: 'callback', callbackNumber: '' })}>
            {t('dialog.callback.noCallback')}
          </button>
        </>
      }
    >
      <p>{t('dialog.callback.text')}</p>
      <Field
        label={t('dialog.callback.number')}
        value={number}
        maxLength={RAS_MAX_CALLBACK_NUMBER}
        inputMode="tel"
        onChange={(e) => setNumber(e.target.value)}
      />
    </Dialog>
  );
}

export function RetryAuthenticationDialog({
  entryName,
  paused,
  onAnswer,
  onCancel,
}: PausedDialogProps) {
  const { t } = useTranslation();
  const [credentials, setCredentials] = useState<Credentials>({
    userName: paused.userName,
    password: '',
    domain: paused.domain,
  });
  return (
    <Dialog
      title={`${t('dialog.retry.title')} — ${entryName}`}
      onSubmit={() => onAnswer({ kind: 'retry-authentication', ...credentials })}
      onCancel={onCancel}
      actions={<button type="submit">{t('dialog.retry.submit')}</button>}
    >
      <p>
        <strong>{t('dialog.retry.attempt', { retry: paused.retry })}.</strong>{' '}
        {t('error.691.message')}
      </p>
      <CredentialsFields value={credentials} onChange={setCredentials} />
    </Dialog>
  );
}

export function NewPasswordDialog({ entryName, onAnswer, onCancel }: PausedDialogProps) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const mismatch = confirm !== '' && password !== confirm;
  const valid = password !== '' && password === confirm;
  return (
    <Dialog
      title={`${t('dialog.newPassword.title')} — ${entryName}`}
      onSubmit={() => valid && onAnswer({ kind: 'new-password', password })}
      onCancel={onCancel}
      actions={
        <button type="submit" disabled={!valid}>
          {t('dialog.newPassword.submit')}
        </button>
      }
    >
      <p>{t('dialog.newPassword.text')}</p>
      <Field
        label={t('dialog.newPassword.password')}
        type="password"
        value={password}
        maxLength={PWLEN}
        autoComplete="new-password"
        onChange={(e) => setPassword(e.target.value)}
      />
      <Field
        label={t('dialog.newPassword.confirm')}
        type="password"
        value={confirm}
        maxLength={PWLEN}
        autoComplete="new-password"
        aria-invalid={mismatch}
        aria-describedby={mismatch ? 'password-mismatch' : undefined}
        onChange={(e) => setConfirm(e.target.value)}
      />
      {mismatch && (
        <p id="password-mismatch" role="alert" className="problem">
          {t('dialog.newPassword.mismatch')}
        </p>
      )}
    </Dialog>
  );
}

/** The EAP step: the simulated server's own method, or Windows' window for the real ones. */
export function EapDialog(props: PausedDialogProps) {
  const simulated = useAppStore((s) => s.info?.backend === 'simulated');
  return simulated ? <TokenCardDialog {...props} /> : <WindowsEapDialog {...props} />;
}

function WindowsEapDialog({ entryName, onAnswer, onCancel }: PausedDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      title={`${t('dialog.eap.title')} — ${entryName}`}
      onSubmit={() => onAnswer({ kind: 'eap' })}
      onCancel={onCancel}
      actions={<button type="submit">{t('dialog.continue')}</button>}
    >
      <p>{t('dialog.eap.text')}</p>
    </Dialog>
  );
}

/** What the simulated token card takes: six digits (the server refuses 000000). */
const TOKEN_CODE = /^\d{6}$/;

/** The simulated EAP method's dialog: a user name and the token card's one-time code. */
function TokenCardDialog({ entryName, paused, onAnswer, onCancel }: PausedDialogProps) {
  const { t } = useTranslation();
  const [userName, setUserName] = useState(paused.userName);
  const [code, setCode] = useState('');
  const valid = userName.trim() !== '' && TOKEN_CODE.test(code);
  return (
    <Dialog
      title={`${t('dialog.eap.title')} — ${entryName}`}
      onSubmit={() =>
        valid && onAnswer({ kind: 'eap', tokenCard: { userName: userName.trim(), code } })
      }
      onCancel={onCancel}
      actions={
        <button type="submit" disabled={!valid}>
          {t('eapCard.submit')}
        </button>
      }
    >
      <p>
        <strong>{t('eapCard.method')}.</strong> {t('eapCard.text')}
      </p>
      {paused.retry > 1 && (
        <p role="alert" className="problem">
          {t('eapCard.refused', { retry: paused.retry })}
        </p>
      )}
      <Field
        label={t('eapCard.userName')}
        value={userName}
        maxLength={UNLEN}
        autoComplete="username"
        onChange={(e) => setUserName(e.target.value)}
      />
      <Field
        label={t('eapCard.code')}
        className="token-code"
        value={code}
        maxLength={6}
        inputMode="numeric"
        autoComplete="one-time-code"
        aria-describedby="token-rule"
        onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
      />
      <p id="token-rule" className="hint">
        {t('eapCard.rule')}
      </p>
    </Dialog>
  );
}

export function PausedDialog(props: PausedDialogProps) {
  switch (props.paused.kind) {
    case 'callback':
      return <CallbackDialog {...props} />;
    case 'retry-authentication':
      return <RetryAuthenticationDialog {...props} />;
    case 'new-password':
      return <NewPasswordDialog {...props} />;
    case 'eap':
      return <EapDialog {...props} />;
    case 'interactive':
      return <InteractiveDialog {...props} />;
  }
}
