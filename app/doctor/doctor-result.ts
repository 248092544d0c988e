// What a check and the verdict say: a status, a message key with its parameters (so either
// language can show it), and what fixes it. A fix that is a setting of the entry names the
// change with the entry model's field names, so the window can apply it with one click.

import type { MessageRef } from '../ras/app-messages';
import type { EntrySettings } from '../phonebook/entry-settings';

export type CheckStatus = 'ok' | 'warn' | 'fail' | 'skip';

export const CHECK_IDS = [
  'name',
  'tcp443',
  'tcp1723',
  'certificate',
  'clock',
  'ike',
  'machineCertificate',
  'strategy',
  'signIn',
  'networking',
  'dnsRouting',
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/**
 * A change of the entry: settings by their EntrySettings names, and `server` for the host the
 * entry dials (its primary destination, entry.ts `primaryDestination`).
 */
export type EntryChange = Partial<
  Pick<
    EntrySettings,
    'vpnStrategy' | 'authProtocols' | 'ipv4' | 'ipv6' | 'dnsSuffix' | 'ipv4Metric'
  >
> & { server?: string };

export interface DoctorFix {
  action: MessageRef;
  change?: EntryChange;
}

export interface DoctorCheck {
  id: CheckId;
  status: CheckStatus;
  summary: MessageRef;
  fix?: DoctorFix;
}

export interface DoctorVerdict {
  /** The failure explained (0x800B0109 as Windows reports it: -2146762487); null: none named. */
  code: number | null;
  /** The check that explains it; null when none does. */
  cause: CheckId | null;
  status: 'explained' | 'suspected' | 'unexplained' | 'clear';
  summary: MessageRef;
  fix?: DoctorFix;
}
