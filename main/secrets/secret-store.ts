// Where saved passwords are sealed when RAS itself does not keep them (the simulated
// server): Electron's safeStorage, backed by the system's key store. Without one, a
// password is not saved at all, and the person is told why.

export interface SecretStore {
  /** Seals a secret to a string that only this user on this machine can open again. */
  seal(secret: string): string;
  open(sealed: string): string;
}
