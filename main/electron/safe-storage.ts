// Electron's safeStorage as the SecretStore: the system's key store (DPAPI, Keychain,
// libsecret/kwallet). Linux's "basic_text" fallback protects nothing, so it counts as none.

import { safeStorage } from 'electron';
import type { SecretStore } from '../secrets/secret-store';

export function safeStorageSecrets(
  platform: NodeJS.Platform = process.platform,
): SecretStore | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text')
    return undefined;
  return {
    seal: (secret) => safeStorage.encryptString(secret).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
