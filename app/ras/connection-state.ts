// Every RASCONNSTATE value of ras.h (shared/ras-reference.md §1). The three Windows 95
// states stay in the table so that 22–24 keep their real numbers.

export type StateGroup = 'running' | 'paused' | 'terminal';

export const RASCS_PAUSED = 0x1000;
export const RASCS_DONE = 0x2000;

export const RasState = {
  OpenPort: 0,
  PortOpened: 1,
  ConnectDevice: 2,
  DeviceConnected: 3,
  AllDevicesConnected: 4,
  Authenticate: 5,
  AuthNotify: 6,
  AuthRetry: 7,
  AuthCallback: 8,
  AuthChangePassword: 9,
  AuthProject: 10,
  AuthLinkSpeed: 11,
  AuthAck: 12,
  ReAuthenticate: 13,
  Authenticated: 14,
  PrepareForCallback: 15,
  WaitForModemReset: 16,
  WaitForCallback: 17,
  Projected: 18,
  StartAuthentication: 19,
  CallbackComplete: 20,
  LogonNetwork: 21,
  SubEntryConnected: 22,
  SubEntryDisconnected: 23,
  ApplySettings: 24,
  Interactive: 0x1000,
  RetryAuthentication: 0x1001,
  CallbackSetByCaller: 0x1002,
  PasswordExpired: 0x1003,
  InvokeEapUI: 0x1004,
  Connected: 0x2000,
  Disconnected: 0x2001,
} as const;

export type RasStateName = keyof typeof RasState;

const descriptions: Record<RasStateName, string> = {
  OpenPort: 'Opening the port',
  PortOpened: 'The port is open',
  ConnectDevice: 'Connecting the device',
  DeviceConnected: 'The device is connected',
  AllDevicesConnected: 'All devices are connected; the link is up',
  Authenticate: 'Verifying your user name and password',
  AuthNotify: 'Authentication event',
  AuthRetry: 'Trying to sign in again',
  AuthCallback: 'The server asked for a callback number',
  AuthChangePassword: 'Changing your password',
  AuthProject: 'Registering your computer on the network',
  AuthLinkSpeed: 'Measuring the link speed',
  AuthAck: 'Acknowledging the sign-in',
  ReAuthenticate: 'Verifying your user name and password after the callback',
  Authenticated: 'Signed in',
  PrepareForCallback: 'Hanging up so the server can call back',
  WaitForModemReset: 'Waiting for the modem to reset',
  WaitForCallback: 'Waiting for the server to call back',
  Projected: 'Network settings received',
  StartAuthentication: 'Starting authentication',
  CallbackComplete: 'The server called back',
  LogonNetwork: 'Logging on to the network',
  SubEntryConnected: 'A link of the connection is up',
  SubEntryDisconnected: 'A link of the connection went down',
  ApplySettings: 'Applying connection settings',
  Interactive: 'Waiting for you to finish the terminal session',
  RetryAuthentication: 'Waiting for you to enter other credentials',
  CallbackSetByCaller: 'Waiting for you to give a callback number',
  PasswordExpired: 'Waiting for you to choose a new password',
  InvokeEapUI: 'Waiting for you to complete the EAP sign-in',
  Connected: 'Connected',
  Disconnected: 'Disconnected',
};

const windows95Only = new Set<number>([
  RasState.StartAuthentication,
  RasState.CallbackComplete,
  RasState.LogonNetwork,
]);

export interface ConnectionStateInfo {
  value: number;
  /** Name without the RASCS_ prefix, or `State N` for a value ras.h does not define. */
  name: string;
  group: StateGroup;
  description: string;
  known: boolean;
  windows95Only: boolean;
}

export function groupOf(value: number): StateGroup {
  if ((value & RASCS_DONE) !== 0) return 'terminal';
  if ((value & RASCS_PAUSED) !== 0) return 'paused';
  return 'running';
}

const byValue = new Map<number, ConnectionStateInfo>(
  (Object.keys(RasState) as RasStateName[]).map((name) => {
    const value = RasState[name];
    return [
      value,
      {
        value,
        name,
        group: groupOf(value),
        description: descriptions[name],
        known: true,
        windows95Only: windows95Only.has(value),
      },
    ];
  }),
);

export const ALL_STATES: readonly ConnectionStateInfo[] = [...byValue.values()];

/** Describes any value; one ras.h does not know is kept as `State N`, never dropped. */
export function describeState(value: number): ConnectionStateInfo {
  const known = byValue.get(value);
  if (known) return known;
  return {
    value,
    name: `State ${value}`,
    group: groupOf(value),
    description: `State ${value}`,
    known: false,
    windows95Only: false,
  };
}

/** What the person is asked for in each paused state. */
export type PausedKind =
  'interactive' | 'retry-authentication' | 'callback' | 'new-password' | 'eap';

const pausedKinds: Record<number, PausedKind> = {
  [RasState.Interactive]: 'interactive',
  [RasState.RetryAuthentication]: 'retry-authentication',
  [RasState.CallbackSetByCaller]: 'callback',
  [RasState.PasswordExpired]: 'new-password',
  [RasState.InvokeEapUI]: 'eap',
};

/** The paused kind of a state, or undefined for a paused value ras.h does not define. */
export function pausedKindOf(value: number): PausedKind | undefined {
  return pausedKinds[value];
}
