// The failure doctor's words in the person's language: its messages come as keys (app/doctor),
// translated through the app's message table, and the report to copy is built from them.

import type { TFunction } from 'i18next';
import type { DoctorCheck, DoctorVerdict } from '../../../app/doctor/doctor-result';
import { englishText, type MessageRef } from '../../../app/ras/app-messages';
import { describeError } from '../../../app/ras/errors';
import { errorText } from '../format';

export function doctorText(t: TFunction, ref: MessageRef): string {
  return t(`appError.message.${ref.key}`, { ...ref.params, defaultValue: englishText(ref) });
}

export function checkTitle(t: TFunction, check: Pick<DoctorCheck, 'id'>): string {
  return doctorText(t, { key: `doctor.check.${check.id}`, params: {} });
}

/** "Error 868: …" for the failure explained, or the words for none recorded. */
export function failureLine(t: TFunction, code: number | null): string {
  if (code === null) return t('doctor.noFailure');
  const { message } = errorText(t, describeError(code));
  // An HRESULT as Windows writes it (0x800B0109), not as the negative number it is.
  const shown = code < 0 ? `0x${(code >>> 0).toString(16).toUpperCase()}` : code;
  return t('doctor.failure', { error: t('ui.errorLine', { code: shown, message }) });
}

/** The report as plain text: each check with its status word, then the verdict and the fix. */
export function reportText(
  t: TFunction,
  title: string,
  code: number | null,
  checks: readonly DoctorCheck[],
  verdict: DoctorVerdict | null,
): string {
  const lines = [title, failureLine(t, code), ''];
  for (const check of checks)
    lines.push(
      `[${t(`doctor.status.${check.status}`)}] ${checkTitle(t, check)}: ${doctorText(t, check.summary)}`,
    );
  if (verdict) {
    lines.push('', `${t('doctor.verdict')}: ${doctorText(t, verdict.summary)}`);
    if (verdict.fix) lines.push(t('doctor.fix', { action: doctorText(t, verdict.fix.action) }));
  }
  return lines.join('\n');
}
