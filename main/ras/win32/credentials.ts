// Saved credentials through RasGetCredentials / RasSetCredentials (DotRas: RasPhoneBook's
// credential calls). The password never leaves this file except to RasDial; every buffer that
// held one is zeroed.

import { RasError } from '../../../app/ras/errors';
import type { CredentialsUpdate, SavedCredentials } from '../backend';
import type { RasApi32 } from './rasapi32';

const RASCM_UserName = 0x1;
const RASCM_Password = 0x2;
const RASCM_Domain = 0x4;
const RASCM_PreSharedKey = 0x10;

export interface ReadCredentials {
  userName: string;
  domain: string;
  hasPassword: boolean;
  /** The password (a handle string RasDial understands, for a saved one); '' unless asked for. */
  password: string;
}

export class Win32Credentials {
  constructor(
    private readonly api: RasApi32,
    /** Refuses a string the struct cannot hold (string-limits), before koffi would cut it. */
    private readonly check: (struct: string, values: Record<string, unknown>) => void = () =>
      undefined,
  ) {}

  async read(phonebook: string, name: string, withPassword: boolean): Promise<ReadCredentials> {
    const buffer = this.api.encode('RASCREDENTIALSW', {
      dwSize: this.api.sizeOf('RASCREDENTIALSW'),
      dwMask: RASCM_UserName | RASCM_Password | RASCM_Domain,
    });
    try {
      const result = await this.api.callAsync('RasGetCredentialsW', phonebook, name, buffer);
      if (result !== 0) throw new RasError(result);
      const c = this.api.decode<{
        dwMask: number;
        szUserName: string;
        szPassword: string;
        szDomain: string;
      }>('RASCREDENTIALSW', buffer);
      return {
        userName: c.szUserName,
        domain: c.szDomain,
        hasPassword: (c.dwMask & RASCM_Password) !== 0,
        password: withPassword ? c.szPassword : '',
      };
    } finally {
      buffer.fill(0);
    }
  }

  async get(phonebook: string, name: string): Promise<SavedCredentials> {
    const { userName, domain, hasPassword } = await this.read(phonebook, name, false);
    return {
      userName,
      domain,
      hasPassword,
      hasPreSharedKey: await this.hasPreSharedKey(phonebook, name),
    };
  }

  /** Asked alone: RAS says whether an L2TP/IKEv2 key is saved, never the key. */
  private async hasPreSharedKey(phonebook: string, name: string): Promise<boolean> {
    const buffer = this.api.encode('RASCREDENTIALSW', {
      dwSize: this.api.sizeOf('RASCREDENTIALSW'),
      dwMask: RASCM_PreSharedKey,
    });
    try {
      if ((await this.api.callAsync('RasGetCredentialsW', phonebook, name, buffer)) !== 0)
        return false;
      const { dwMask } = this.api.decode<{ dwMask: number }>('RASCREDENTIALSW', buffer);
      return (dwMask & RASCM_PreSharedKey) !== 0;
    } finally {
      buffer.fill(0);
    }
  }

  async set(phonebook: string, name: string, update: CredentialsUpdate): Promise<void> {
    const values = (password: string) => ({
      szUserName: update.userName,
      szPassword: password,
      szDomain: update.domain,
    });
    // Every string is checked before anything is written: a save is whole or not at all.
    this.check('RASCREDENTIALSW', values(update.password ?? ''));
    if (update.preSharedKey) this.check('RASCREDENTIALSW', values(update.preSharedKey));
    const write = async (mask: number, clear: boolean, password = ''): Promise<void> => {
      const buffer = this.api.encode('RASCREDENTIALSW', {
        dwSize: this.api.sizeOf('RASCREDENTIALSW'),
        dwMask: mask,
        ...values(password),
      });
      try {
        const result = await this.api.callAsync(
          'RasSetCredentialsW',
          phonebook,
          name,
          buffer,
          clear ? 1 : 0,
        );
        if (result !== 0) throw new RasError(result);
      } finally {
        buffer.fill(0);
      }
    };
    const withPassword = update.password !== undefined && update.password !== '';
    await write(
      RASCM_UserName | RASCM_Domain | (withPassword ? RASCM_Password : 0),
      false,
      update.password,
    );
    if (update.password === '') await write(RASCM_Password, true);
    // The pre-shared key goes in szPassword with RASCM_PreSharedKey alone (RasSetCredentials).
    if (update.preSharedKey) await write(RASCM_PreSharedKey, false, update.preSharedKey);
    else if (update.preSharedKey === '') await write(RASCM_PreSharedKey, true);
  }
}
