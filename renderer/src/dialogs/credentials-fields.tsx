// User name, password and domain, with the limits of lmcons.h: the Connect form and the
// retry-authentication dialog both ask for them.

import { useTranslation } from 'react-i18next';
import { DNLEN, PWLEN, UNLEN } from '../../../app/ras/limits';
import { Field } from './dialog';

export interface Credentials {
  userName: string;
  password: string;
  domain: string;
}

export function CredentialsFields({
  value,
  onChange,
  passwordPlaceholder,
}: {
  value: Credentials;
  onChange: (next: Credentials) => void;
  passwordPlaceholder?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        label={t('ui.userName')}
        value={value.userName}
        maxLength={UNLEN}
        autoComplete="username"
        onChange={(e) => onChange({ ...value, userName: e.target.value })}
      />
      <Field
        label={t('ui.password')}
        type="password"
        value={value.password}
        maxLength={PWLEN}
        placeholder={passwordPlaceholder}
        autoComplete="current-password"
        onChange={(e) => onChange({ ...value, password: e.target.value })}
      />
      <Field
        label={t('ui.domain')}
        value={value.domain}
        maxLength={DNLEN}
        onChange={(e) => onChange({ ...value, domain: e.target.value })}
      />
    </>
  );
}
