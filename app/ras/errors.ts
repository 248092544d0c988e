// RAS and Win32 error codes → constant name, message, and what the person can do about it.
// Codes cross every boundary as data ({ code, name, message }); see ARCHITECTURE.md.

import { englishText, type MessageParams, type MessageRef } from './app-messages';
import { RAS_ERROR_TABLE, type RasErrorStatus } from './ras-error-table';

export const RASBASE = 600;
export const RASBASEEND = 878;

export const ERROR_SUCCESS = 0;
export const ERROR_ACCESS_DENIED = 5;
export const ERROR_INVALID_HANDLE = 6;
export const ERROR_INVALID_PARAMETER = 87;
export const ERROR_INVALID_NAME = 123;
export const ERROR_ALREADY_EXISTS = 183;

/** The RAS codes the app itself acts on, by name. */
export const RasErrorCode = {
  ERROR_BUFFER_TOO_SMALL: 603,
  ERROR_ALREADY_DISCONNECTING: 617,
  ERROR_CANNOT_OPEN_PHONEBOOK: 621,
  ERROR_CANNOT_FIND_PHONEBOOK_ENTRY: 623,
  ERROR_CANNOT_WRITE_PHONEBOOK: 624,
  ERROR_CORRUPT_PHONEBOOK: 625,
  ERROR_REMOTE_DISCONNECTION: 629,
  ERROR_USER_DISCONNECTION: 631,
  ERROR_INVALID_SIZE: 632,
  ERROR_PORT_NOT_AVAILABLE: 633,
  ERROR_RESTRICTED_LOGON_HOURS: 646,
  ERROR_ACCT_DISABLED: 647,
  ERROR_PASSWD_EXPIRED: 648,
  ERROR_NO_DIALIN_PERMISSION: 649,
  ERROR_NO_CONNECTION: 668,
  ERROR_LINE_BUSY: 676,
  ERROR_NO_ANSWER: 678,
  ERROR_NO_CARRIER: 679,
  ERROR_NO_DIALTONE: 680,
  ERROR_AUTHENTICATION_FAILURE: 691,
  ERROR_INTERACTIVE_MODE: 703,
  ERROR_BAD_CALLBACK_NUMBER: 704,
  ERROR_DIAL_ALREADY_IN_PROGRESS: 756,
  ERROR_AUTOMATIC_VPN_FAILED: 800,
  ERROR_CANNOT_DELETE: 817,
  ERROR_DNSNAME_NOT_RESOLVABLE: 868,
} as const;

export type ErrorSource = 'success' | 'ras' | 'win32' | 'ipsec' | 'app' | 'unknown';

export interface ErrorInfo {
  code: number | AppErrorCode;
  name: string;
  message: string;
  remedy: string;
  source: ErrorSource;
  /** For RAS codes: which header versions define it. */
  status?: RasErrorStatus;
  /**
   * The message as data (app-messages.ts), for showing it in the person's language: the whole
   * message of an app error, or the detail that follows a RAS or Win32 code's own text.
   */
  key?: string;
  params?: MessageParams;
}

const win32Codes: Record<number, [string, string, string]> = {
  0: ['ERROR_SUCCESS', 'The operation completed successfully.', ''],
  // What an incomplete rasapi32 (Wine's stubs) answers for a call it does not carry out.
  1: [
    'ERROR_INVALID_FUNCTION',
    "Incorrect function: this system's Remote Access does not carry out this call.",
    'Remote Access on this system is incomplete (under Wine, rasapi32 is a stub); use the simulated backend or dial on Windows.',
  ],
  5: [
    'ERROR_ACCESS_DENIED',
    'Access is denied.',
    'Changing all-users entries or credentials needs administrator rights; use your own phonebook or run as an administrator.',
  ],
  6: [
    'ERROR_INVALID_HANDLE',
    'The connection no longer exists.',
    'Refresh the list of connections.',
  ],
  8: [
    'ERROR_NOT_ENOUGH_MEMORY',
    'Not enough memory to complete the operation.',
    'Close other programs and try again.',
  ],
  87: [
    'ERROR_INVALID_PARAMETER',
    'A parameter is not valid.',
    'Check the entry’s settings; if they look right, report this problem with the diagnostics.',
  ],
  122: [
    'ERROR_INSUFFICIENT_BUFFER',
    'A buffer was too small for the answer.',
    'Report this problem with the diagnostics.',
  ],
  123: [
    'ERROR_INVALID_NAME',
    'The entry name is not valid.',
    'Use a name with at least one letter or digit, without | > < ? * \\ / : and not starting with a dot.',
  ],
  183: ['ERROR_ALREADY_EXISTS', 'An entry with that name already exists.', 'Choose another name.'],
  1784: [
    'ERROR_INVALID_USER_BUFFER',
    'The supplied buffer is not valid for the operation.',
    'Report this problem with the diagnostics.',
  ],
};

/** The IKE and IPsec negotiation errors of winerror.h, which Windows answers for IKEv2 and L2TP. */
export const IPSEC_FIRST = 13800;
export const IPSEC_LAST = 13909;

const ipsecNamed: Record<number, [string, string]> = {
  13801: ['ERROR_IPSEC_IKE_AUTH_FAIL', 'IKE authentication credentials are unacceptable.'],
  13806: ['ERROR_IPSEC_IKE_NO_CERT', 'IKE failed to find a valid machine certificate.'],
  13868: ['ERROR_IPSEC_IKE_POLICY_MATCH', 'No policy configured for the IKE negotiation.'],
};

// Remedies: specific ones first (ras-reference.md §7.2 and the paths people hit), then by
// the family a code belongs to, so every code in the range has real advice.
const specificRemedies: Record<number, string> = {
  600: 'Wait for the operation to finish.',
  602: 'Another connection is using the device; hang it up first or choose another device.',
  603: 'Report this problem with the diagnostics.',
  608: 'The device is gone (unplugged or removed); choose another device in the entry’s properties.',
  610: 'Report this problem with the diagnostics.',
  611: 'Check the entry’s configuration.',
  617: 'A hang-up is already under way; wait for it to finish.',
  619: 'Check the VPN type and that a firewall does not block the VPN, then try again.',
  621: 'Check that the phonebook file exists and that you may read it.',
  622: 'Check that the phonebook file is a RAS phonebook and is not damaged.',
  623: 'The entry was renamed or deleted; refresh the phonebook.',
  624: 'Check that you may write the phonebook file and that the disk is not full.',
  625: 'The phonebook file is damaged; open it to see the line at fault.',
  628: 'The server ended the call during set-up; try again, it may be busy.',
  629: 'Connect again; if it keeps happening, ask the server’s administrator.',
  630: 'Check the modem or other device and its cable.',
  631: 'You hung up; connect again when you need to.',
  632: 'This version of Windows does not support the request; report it with the diagnostics.',
  633: 'The device is in use or a previous hang-up has not finished; wait a moment and try again.',
  635: 'Try again; if it keeps happening, note the number and contact your administrator.',
  638: 'The server did not answer in time; try again later.',
  645: 'Try again; if it keeps happening, tell your administrator the extended error.',
  646: 'Your account may not sign in at this time of day; try again within your permitted hours.',
  647: 'Your account is disabled; contact your administrator.',
  648: 'Your password has expired; choose a new one.',
  649: 'Your account has no dial-in permission; ask your administrator for remote access.',
  668: 'The connection had already ended.',
  676: 'Try again later, or use an alternate number.',
  677: 'A person answered instead of a modem; check the number.',
  678: 'Try again later, or use an alternate number.',
  679: 'Check the number, or try an alternate number.',
  680: 'Check that the phone cable is plugged in and the line works.',
  691: 'Check your user name, password and domain, and try again.',
  692: 'Check the modem: switch it off and on, or reinstall its driver.',
  703: 'The connection needs information from you; dial it from the window or answer on the terminal.',
  704: 'Enter the callback number again with digits only.',
  708: 'Your account has expired; contact your administrator.',
  709: 'Choose a password that meets the domain’s rules (length, history) and try again.',
  711: 'Start the Remote Access Connection Manager service, or restart the computer.',
  718: 'The server stopped answering during sign-in; try again.',
  720: 'The network protocol settings do not match the server’s; check the entry’s Networking tab.',
  721: 'The server did not respond; a firewall or NAT may block the VPN (GRE for PPTP).',
  734: 'Check the entry’s authentication and encryption settings.',
  735: 'Let the server assign the IP address instead of a fixed one.',
  741: 'Relax the entry’s data encryption requirement.',
  742: 'Relax the entry’s data encryption requirement or ask the server’s administrator.',
  749: 'Enter a phone number or host name for the entry.',
  753: 'You may not hang up this connection; ask the person who started it or an administrator.',
  756: 'This entry is already being dialed; wait for that attempt to finish.',
  766: 'Install the machine certificate that L2TP/IPsec needs, or use another VPN type.',
  769: 'The destination cannot be reached; check your network and the host name.',
  777: 'The remote device is out of order; try another number or server.',
  789: 'Check the pre-shared key or certificate for L2TP/IPsec.',
  800: 'The VPN server is unreachable or blocks every VPN type; check the address and your firewall.',
  806: 'A firewall blocks GRE between you and the server; allow it or use another VPN type.',
  807: 'The network path to the VPN server was interrupted; connect again.',
  808: 'The VPN server refused or did not answer; check the address and VPN type.',
  809: 'The VPN server does not answer; a firewall or NAT may block it.',
  810: 'Check the certificates used by the VPN.',
  811: 'Check the pre-shared key.',
  812: 'The server’s policy does not allow this sign-in method; ask its administrator.',
  813: 'A broadband connection is already active; hang it up first.',
  814: 'Connect the Ethernet adapter the broadband connection needs.',
  815: 'The broadband server does not answer; check the cable or modem and try again.',
  817: 'Hang up the connection before deleting the entry.',
  827: 'Start the IKE and AuthIP IPsec Keying Modules and Base Filtering Engine services.',
  868: 'Check the host name in the entry and your DNS settings.',
};

function familyRemedy(code: number): string {
  if ((code >= 653 && code <= 675) || (code >= 681 && code <= 690) || (code >= 693 && code <= 702))
    return 'The modem’s configuration files are damaged or incomplete; reinstall the modem driver.';
  if (
    (code >= 758 && code <= 767 && code !== 764 && code !== 766) ||
    code === 782 ||
    code === 783 ||
    code === 799
  )
    return 'Review the Internet Connection Sharing settings of your network adapters.';
  if (code >= 818 && code <= 822)
    return 'Check that the Network Access Protection Agent service is running.';
  if (code >= 786 && code <= 793)
    return 'Check the L2TP/IPsec settings: pre-shared key, certificates and IPsec policy.';
  if (
    code === 764 ||
    code === 778 ||
    (code >= 784 && code <= 785) ||
    code === 798 ||
    (code >= 801 && code <= 805) ||
    (code >= 823 && code <= 826) ||
    code === 835 ||
    (code >= 845 && code <= 867) ||
    code === 869 ||
    code === 874
  )
    return 'Check the certificates and EAP settings of the entry, or ask your administrator.';
  if (code >= 828 && code <= 834)
    return 'The connection ended because of the computer’s state; connect again when you are ready.';
  if (code >= 837 && code <= 844) return 'Check the VPN type and IKEv2 settings of the entry.';
  if ((code >= 770 && code <= 776) || code === 628)
    return 'Try again later or use another number or server.';
  if ((code >= 716 && code <= 740) || code === 612)
    return 'Check the entry’s network settings, or ask the server’s administrator.';
  if (code >= 601 && code <= 618) return 'Check the device and its configuration, then try again.';
  return 'Try again; if it keeps happening, note the error number and contact your administrator.';
}

const rasByCode = new Map<number, ErrorInfo>(
  RAS_ERROR_TABLE.map(([code, name, status, message]) => [
    code,
    {
      code,
      name,
      message,
      status,
      source: 'ras',
      remedy: specificRemedies[code] ?? familyRemedy(code),
    },
  ]),
);

export const ALL_RAS_ERRORS: readonly ErrorInfo[] = [...rasByCode.values()];

/** Describes any error number; an unknown one gets a generic entry that still shows it. */
export function describeError(code: number): ErrorInfo {
  const ras = rasByCode.get(code);
  if (ras) return ras;
  const win32 = win32Codes[code];
  if (win32) {
    const [name, message, remedy] = win32;
    return { code, name, message, remedy, source: code === 0 ? 'success' : 'win32' };
  }
  if (code >= IPSEC_FIRST && code <= IPSEC_LAST) {
    const [name, message] = ipsecNamed[code] ?? [
      `ERROR_IPSEC_IKE_${code}`,
      `IPsec/IKE negotiation failed (error ${code}).`,
    ];
    return {
      code,
      name,
      message,
      source: 'ipsec',
      remedy:
        'Check the VPN’s credentials, certificates and IKE settings, or ask your administrator.',
    };
  }
  return {
    code,
    name: `ERROR_${code}`,
    message: `Error ${code}.`,
    source: 'unknown',
    remedy: 'Note the error number and contact your administrator.',
  };
}

export function isRasErrorCode(code: number): boolean {
  return code >= RASBASE && code <= RASBASEEND;
}

/** Every IKE/IPsec code, each with its message and remedy, for translating them too. */
export const ALL_IPSEC_ERRORS: readonly ErrorInfo[] = Array.from(
  { length: IPSEC_LAST - IPSEC_FIRST + 1 },
  (_, i) => describeError(IPSEC_FIRST + i),
);

/** The Win32 codes the app describes in words, for translating them too. */
export const ALL_WIN32_ERRORS: readonly ErrorInfo[] = Object.keys(win32Codes).map((code) =>
  describeError(Number(code)),
);

/** An error reported by the RAS API (or the simulated server) with its number. */
export class RasError extends Error {
  readonly code: number;
  readonly errorName: string;
  /** The detail as data, when it is words and not only a name in brackets. */
  readonly detail?: MessageRef;
  constructor(code: number, detail?: string | MessageRef) {
    const info = describeError(code);
    const text = typeof detail === 'object' ? englishText(detail) : detail;
    super(text ? `${info.message} ${text}` : info.message);
    this.name = 'RasError';
    this.code = code;
    this.errorName = info.name;
    if (typeof detail === 'object') this.detail = detail;
  }
}

/** The closed set of errors the app raises itself, where the OS gave no number. */
export const APP_ERRORS = {
  INVALID_INPUT: 'Check what you entered.',
  NOT_FOUND: 'Refresh and try again.',
  ALREADY_ACTIVE: 'Wait for the current attempt to finish, or hang it up first.',
  NOT_PAUSED: 'The connection is no longer waiting for this answer.',
  NOT_REDIALING: 'The connection is no longer waiting to redial: it is dialing again or has ended.',
  HANGUP_TIMEOUT:
    'Wait a moment; if the connection still shows, restart the Remote Access service.',
  PHONEBOOK_CHANGED:
    'Another program changed the phonebook since you opened it; it was read again. Check the entry and save once more.',
  PHONEBOOK_INVALID:
    'Fix the line named in the message with a text editor, then open the phonebook again.',
  UNSUPPORTED: 'This needs Windows’ Remote Access; use the simulated server on this system.',
  CANCELLED: 'Connect again when you are ready.',
  FILE_EXISTS: 'Choose another file, or confirm that the existing one may be replaced.',
  INTERNAL: 'Report this problem with the diagnostics.',
} as const;

export type AppErrorCode = keyof typeof APP_ERRORS;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The message as data; absent only where a producer still gives English words alone. */
  readonly text?: MessageRef;
  /**
   * `message` as a key and its parameters (the English words come from the table), or as
   * English words with `text` to translate them by, where the English lists more than one
   * thing (every problem of an entry) and the translation names them by number.
   */
  constructor(code: AppErrorCode, message: string | MessageRef, text?: MessageRef) {
    super(typeof message === 'string' ? message : englishText(message));
    this.name = 'AppError';
    this.code = code;
    const ref = typeof message === 'string' ? text : message;
    if (ref) this.text = ref;
  }
}

function asData(ref: MessageRef | undefined): Pick<ErrorInfo, 'key' | 'params'> {
  return ref ? { key: ref.key, params: ref.params } : {};
}

/** Any thrown value as data, for the CLI, logs and IPC. */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (error instanceof RasError)
    return { ...describeError(error.code), message: error.message, ...asData(error.detail) };
  if (error instanceof AppError)
    return {
      code: error.code,
      name: error.code,
      message: error.message,
      remedy: APP_ERRORS[error.code],
      source: 'app',
      ...asData(error.text),
    };
  const message = error instanceof Error ? error.message : String(error);
  return {
    code: 'INTERNAL',
    name: 'INTERNAL',
    message,
    remedy: APP_ERRORS.INTERNAL,
    source: 'app',
  };
}
