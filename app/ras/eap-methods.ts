// EAP method names by IANA EAP type: protocol names, the same in every language, shown by
// the window's Details and by ras-connect status.

export const EAP_METHODS: Readonly<Record<number, string>> = {
  4: 'MD5-Challenge',
  6: 'Generic Token Card',
  13: 'EAP-TLS',
  21: 'EAP-TTLS',
  25: 'PEAP',
  26: 'EAP-MSCHAP v2',
};
