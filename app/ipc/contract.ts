// The one IPC contract: every invoke channel with its payload and result schema, every event
// with its payload schema. Main validates payloads with it, the preload and the browser-mode
// client expose it, the renderer's types come from it.

import { z } from 'zod';
import type { ConnectionView, PausedRequest } from '../connection-view';
import { doctorCheckSchema, doctorReportSchema } from '../doctor/doctor-schema';
import type { RasEntry } from '../phonebook/entry';
import { LEGACY_ENCODINGS } from '../phonebook/pbk-encoding';
import type { ConnectionDetails, PausedAnswer, RasStatistics } from '../ras/dial-types';
import { APP_ERRORS, type AppErrorCode, type ErrorInfo } from '../ras/errors';
import {
  DNLEN,
  MAX_PATH,
  RAS_MAX_AREA_CODE,
  RAS_MAX_DNS_SUFFIX,
  RAS_MAX_DEVICE_NAME,
  RAS_MAX_DEVICE_TYPE,
  PWLEN,
  RAS_MAX_CALLBACK_NUMBER,
  RAS_MAX_ENTRY_NAME,
  RAS_MAX_PHONE_NUMBER,
  UNLEN,
} from '../ras/limits';
import type { EventName, InvokeChannel } from './channels';

const entryName = z.string().min(1).max(RAS_MAX_ENTRY_NAME);
const phonebook = z.string().min(1).max(MAX_PATH).optional();
const connectionId = z.string().min(1).max(64);
const userName = z.string().max(UNLEN);
const password = z.string().max(PWLEN);
const domain = z.string().max(DNLEN);
const empty = z.object({}).strict();
const revision = z.string().max(64);
const filePath = z.string().min(1).max(4096);

export const credentialsSchema = z.object({ userName, password, domain }).strict();

export const pausedAnswerSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('callback'),
      callbackNumber: z.string().max(RAS_MAX_CALLBACK_NUMBER),
    })
    .strict(),
  z.object({ kind: z.literal('retry-authentication'), userName, password, domain }).strict(),
  z.object({ kind: z.literal('new-password'), password: password.min(1) }).strict(),
  z
    .object({
      kind: z.literal('eap'),
      tokenCard: z
        .object({ userName, code: z.string().max(32) })
        .strict()
        .optional(),
    })
    .strict(),
  z.object({ kind: z.literal('interactive') }).strict(),
]) satisfies z.ZodType<PausedAnswer>;

const appErrorCodes = Object.keys(APP_ERRORS) as [AppErrorCode, ...AppErrorCode[]];

const errorInfoSchema = z.object({
  code: z.union([z.number(), z.enum(appErrorCodes)]),
  name: z.string(),
  message: z.string(),
  remedy: z.string(),
  source: z.enum(['success', 'ras', 'win32', 'ipsec', 'app', 'unknown']),
  status: z
    .enum(['all', 'obsolete', 'vista-only', 'vista+', '7+', '8.1+', '10-sdk', 'newer-sdk'])
    .optional(),
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
}) satisfies z.ZodType<ErrorInfo>;

const timelineRowSchema = z.object({
  kind: z.enum(['state', 'dial', 'wait', 'attached']),
  state: z.number(),
  name: z.string(),
  group: z.enum(['running', 'paused', 'terminal', 'info']),
  description: z.string(),
  at: z.number(),
  duration: z.number().nullable(),
  error: z.number(),
  extendedError: z.number(),
  source: z.enum(['ras', 'app']),
  dial: z
    .object({
      destination: z.string(),
      attempt: z.number(),
      attempts: z.number(),
      numberIndex: z.number(),
      numberCount: z.number(),
      reason: z.enum(['first', 'alternate', 'redial']),
    })
    .optional(),
  wait: z
    .object({
      cause: z.enum(['dropped', 'failed']),
      seconds: z.number(),
      attempt: z.number(),
      attempts: z.number(),
      offline: z.boolean().optional(),
    })
    .optional(),
});

/** One finished dial attempt, as the history keeps it (never a password). */
export const historyRecordSchema = z.object({
  id: z.string(),
  entryName: z.string(),
  phonebook: z.string(),
  startedAt: z.number(),
  endedAt: z.number(),
  /** connected: it connected (and later ended); failed: it ended in an error; cancelled: hung up first. */
  outcome: z.enum(['connected', 'failed', 'cancelled']),
  /** How long it stayed connected, for a connected one. */
  connectedFor: z.number().nullable(),
  error: errorInfoSchema.nullable(),
  timeline: z.object({
    startedAt: z.number().nullable(),
    rows: z.array(timelineRowSchema).readonly(),
  }),
  /**
   * Bytes of a connected attempt, as last read before it ended; null when it never connected
   * or they are unknown. Records written before these four fields lack them.
   */
  bytesSent: z.number().nullable().optional(),
  bytesReceived: z.number().nullable().optional(),
  /** How a connected attempt ended (see ConnectionEnd); null for one that never connected. */
  ended: z.enum(['person', 'dropped', 'sleep']).nullable().optional(),
  /** The RAS code of a drop or an end in sleep. */
  endCode: z.number().nullable().optional(),
});

const pausedRequestSchema = z.object({
  kind: z.enum(['interactive', 'retry-authentication', 'callback', 'new-password', 'eap']),
  state: z.number(),
  retry: z.number(),
  reason: z.string(),
  userName: z.string(),
  domain: z.string(),
}) satisfies z.ZodType<PausedRequest>;

const ipv4Address = z.string().max(15);
const ipAddress = z.string().max(45);
const negotiationError = z.object({ error: z.number() });

export const connectionDetailsSchema = z.object({
  projection: z.enum(['ppp', 'ikev2']),
  tunnel: z.enum(['pptp', 'l2tp', 'sstp', 'ikev2', 'gre']).nullable(),
  ipv4: z
    .union([z.object({ client: ipv4Address, server: ipv4Address.nullable() }), negotiationError])
    .nullable(),
  ipv6: z
    .union([
      z.object({
        client: ipAddress,
        server: ipAddress.nullable(),
        prefixLength: z.number().nullable(),
      }),
      negotiationError,
    ])
    .nullable(),
  dnsServers: z.array(ipAddress).max(64),
  authentication: z
    .object({
      protocol: z.enum([
        'pap',
        'spap',
        'chap-md5',
        'ms-chap',
        'ms-chap-v2',
        'eap',
        'certificate',
        'psk',
        'unknown',
      ]),
      code: z.number(),
      eapType: z.number().nullable(),
    })
    .nullable(),
  encryption: z
    .object({
      method: z.enum(['mppe', 'des', '3des', 'aes', 'aes-gcm', 'none', 'unknown']),
      bits: z.number(),
      code: z.number(),
    })
    .nullable(),
  compression: z.enum(['mppc', 'stac']).nullable(),
  multilink: z.boolean(),
  ikev2Flags: z
    .object({ mobike: z.boolean(), behindNat: z.boolean(), serverBehindNat: z.boolean() })
    .nullable(),
  device: z.object({ type: z.string(), name: z.string() }),
  endpoints: z.object({ local: ipAddress.nullable(), remote: ipAddress.nullable() }),
}) satisfies z.ZodType<ConnectionDetails>;

export const connectionViewSchema = z.object({
  id: z.string(),
  entryName: z.string(),
  phonebook: z.string(),
  status: z.enum([
    'dialing',
    'paused',
    'connected',
    'waiting-to-redial',
    'disconnecting',
    'disconnected',
  ]),
  handle: z.string().nullable(),
  timeline: z.object({
    startedAt: z.number().nullable(),
    rows: z.array(timelineRowSchema).readonly(),
  }),
  paused: pausedRequestSchema.nullable(),
  error: errorInfoSchema.nullable(),
  attempt: z.number(),
  attempts: z.number(),
  numberIndex: z.number(),
  numberCount: z.number(),
  destination: z.string(),
  connectedAt: z.number().nullable(),
  redialAt: z.number().nullable(),
  attached: z.boolean(),
  ending: z
    .object({
      ended: z.enum(['person', 'dropped', 'sleep']),
      code: z.number().nullable(),
      bytesSent: z.number().nullable(),
      bytesReceived: z.number().nullable(),
    })
    .nullable()
    .optional(),
  details: connectionDetailsSchema.nullable().optional(),
}) satisfies z.ZodType<ConnectionView>;

export const connectionsSnapshotSchema = z.object({
  version: z.number().int().nonnegative(),
  connections: z.array(connectionViewSchema),
});

const phoneNumberSchema = z
  .object({
    number: z.string().max(RAS_MAX_PHONE_NUMBER),
    areaCode: z.string().max(RAS_MAX_AREA_CODE),
    countryCode: z.number(),
    countryId: z.number(),
    useDialingRules: z.boolean(),
    comment: z.string().max(4096),
  })
  .strict();

const dword = z.number().int().min(0).max(0xffffffff);

export const entrySchema = z
  .object({
    name: entryName,
    type: z.enum(['phone', 'vpn', 'direct', 'internet', 'broadband']),
    deviceType: z.string().max(RAS_MAX_DEVICE_TYPE),
    deviceName: z.string().max(RAS_MAX_DEVICE_NAME),
    port: z.string().max(MAX_PATH),
    phoneNumbers: z.array(phoneNumberSchema).max(64),
    tryNextAlternateOnFail: z.boolean(),
    promoteAlternates: z.boolean(),
    callbackMode: z.enum(['none', 'caller', 'preset']),
    eapTypeId: z.number(),
    terminalAfterDial: z.boolean(),
    redialAttempts: z.number(),
    redialSeconds: z.number(),
    redialOnLinkFailure: z.boolean(),
    // Any DWORD: a VS_ or DataEncryption value the editor does not offer is kept as it is.
    vpnStrategy: dword,
    encryption: dword,
    authProtocols: z.array(z.enum(['pap', 'chap', 'mschapv2'])).max(3),
    idleDisconnectSeconds: dword,
    showProgress: z.boolean(),
    promptCredentials: z.boolean(),
    promptPhoneNumber: z.boolean(),
    includeLogonDomain: z.boolean(),
    useWindowsLogon: z.boolean(),
    ipv4: z.boolean(),
    ipv6: z.boolean(),
    dnsServers: z.array(z.ipv4()).max(2),
    dnsSuffix: z.string().max(RAS_MAX_DNS_SUFFIX),
    registerInDns: z.boolean(),
    useRemoteGateway: z.boolean(),
    ipv4Metric: dword,
    ipv6Metric: dword,
    disableClassBasedRoute: z.boolean(),
    usePreSharedKey: z.boolean(),
    ikev2Mobility: z.boolean(),
    networkOutageSeconds: dword,
  })
  .strict() satisfies z.ZodType<RasEntry>;

const entrySummarySchema = z.object({
  name: z.string(),
  phonebook: z.string(),
  type: entrySchema.shape.type,
  destination: z.string(),
});

/**
 * An entry as phonebook:list sends it: [name, type, destination], the phonebook being the one
 * asked for (app/ipc/listed-entries.ts turns it back into an EntrySummary). 10,000 entries as
 * objects naming their phonebook were 1.1 MB on the socket, which Chromium took five times as
 * long to receive as the same entries as these tuples, 0.4 MB (measured, issue 14).
 */
const listedEntrySchema = z.tuple([z.string(), entrySchema.shape.type, z.string()]);

const statisticsSchema = z.object({
  bytesXmited: z.number(),
  bytesRcved: z.number(),
  framesXmited: z.number(),
  framesRcved: z.number(),
  crcErr: z.number(),
  timeoutErr: z.number(),
  alignmentErr: z.number(),
  hardwareOverrunErr: z.number(),
  framingErr: z.number(),
  bufferOverrunErr: z.number(),
  compressionRatioIn: z.number(),
  compressionRatioOut: z.number(),
  bps: z.number(),
  connectDuration: z.number(),
}) satisfies z.ZodType<RasStatistics>;

/** Entries named by phonebook and name, as settings keep them. */
const entryKeysSchema = z
  .array(
    z
      .object({ phonebook: z.string().min(1).max(MAX_PATH), name: z.string().min(1).max(256) })
      .strict(),
  )
  .max(200);

export const settingsSchema = z.object({
  language: z.enum(['system', 'en', 'ru']),
  theme: z.enum(['system', 'light', 'dark']),
  /** The simulated server's speed factor: 1 = realistic, 0 = no delay. */
  simulationSpeed: z.number().min(0).max(100),
  /** .pbk files the person opened, listed beside the default phonebooks. */
  openedPhonebooks: z.array(z.string().min(1).max(4096)).max(64),
  /** Entries shown first in the tray's menu, in this order. */
  favourites: z
    .array(
      z
        .object({ phonebook: z.string().min(1).max(MAX_PATH), name: z.string().min(1).max(256) })
        .strict(),
    )
    .max(200),
  /** Entries the app keeps connected: redialed after a drop, connected at start. */
  keepConnected: entryKeysSchema,
  /** Entries up that the person did not hang up, connected again when the app starts. */
  reconnectAtStart: entryKeysSchema,
  /** Start the desktop app, hidden in the tray, when the person logs in. */
  startAtLogin: z.boolean(),
  /** Closing the window keeps the app in the tray (true) or quits it (false). */
  closeToTray: z.boolean(),
  /** Which kinds of notification the desktop shows. */
  notifications: z
    .object({
      connected: z.boolean(),
      disconnected: z.boolean(),
      redialing: z.boolean(),
      paused: z.boolean(),
    })
    .strict(),
  /** The code page of a phonebook that is not UTF-8: automatic = the system's, or detected. */
  legacyPhonebookEncoding: z.enum(['automatic', ...LEGACY_ENCODINGS]),
});

export const contract = {
  invoke: {
    'app:info': {
      payload: empty,
      result: z.object({
        backend: z.enum(['simulated', 'win32']),
        platform: z.string(),
        version: z.string(),
        defaultPhonebook: z.string(),
        /** The desktop app (tray, start at login), not browser mode. */
        desktop: z.boolean(),
        /** Whether a password can be saved here (RAS keeps it, or a key store seals it). */
        canSavePasswords: z.boolean(),
      }),
    },
    /** The RAS devices of this machine (RasEnumDevices), for an entry's Device list. */
    'ras:devices': {
      payload: empty,
      result: z.array(z.object({ type: z.string(), name: z.string() })),
    },
    /** Countries with their TAPI ids and calling codes (RasGetCountryInfo, or a bundled table). */
    'ras:countries': {
      payload: empty,
      result: z.array(
        z.object({
          id: z.number(),
          code: z.number(),
          name: z.string(),
          region: z.string().optional(),
        }),
      ),
    },
    'phonebook:list': {
      payload: z.object({ phonebook }).strict(),
      result: z.array(listedEntrySchema),
    },
    'phonebook:get': {
      payload: z.object({ phonebook, name: entryName }).strict(),
      result: z.object({
        entry: entrySchema,
        credentials: z.object({
          userName: z.string(),
          domain: z.string(),
          hasPassword: z.boolean(),
          hasPreSharedKey: z.boolean(),
        }),
        revision: z.string(),
        /** Keys the editor does not show, kept as they are ("other settings kept from Windows"). */
        otherSettings: z.array(z.object({ key: z.string(), value: z.string() })),
      }),
    },
    'phonebook:create': {
      payload: z.object({ phonebook, entry: entrySchema, revision: revision.optional() }).strict(),
      result: z.null(),
    },
    'phonebook:update': {
      payload: z
        .object({
          phonebook,
          originalName: entryName,
          entry: entrySchema,
          revision: revision.optional(),
        })
        .strict(),
      result: z.null(),
    },
    'phonebook:rename': {
      payload: z
        .object({ phonebook, name: entryName, newName: entryName, revision: revision.optional() })
        .strict(),
      result: z.null(),
    },
    'phonebook:copy': {
      payload: z.object({ phonebook, name: entryName }).strict(),
      result: z.object({ name: z.string() }),
    },
    'phonebook:delete': {
      payload: z.object({ phonebook, name: entryName, revision: revision.optional() }).strict(),
      result: z.null(),
    },
    'phonebook:books': {
      payload: empty,
      result: z.array(
        z.object({
          path: z.string(),
          kind: z.enum(['app', 'user', 'all-users', 'opened']),
        }),
      ),
    },
    'phonebook:open': { payload: z.object({ file: filePath }).strict(), result: z.null() },
    'phonebook:close': { payload: z.object({ phonebook: filePath }).strict(), result: z.null() },
    'phonebook:set-credentials': {
      payload: z
        .object({
          phonebook,
          name: entryName,
          userName,
          domain,
          /** Omitted: keep the saved password; '': forget it. */
          password: password.optional(),
          /** The L2TP/IKEv2 pre-shared key, kept like a password: omitted keeps it, '' forgets it. */
          preSharedKey: password.optional(),
        })
        .strict(),
      result: z.null(),
    },
    'phonebook:preview': {
      payload: z.object({ file: filePath }).strict(),
      result: z.array(entrySummarySchema),
    },
    'phonebook:import': {
      payload: z
        .object({
          phonebook,
          file: filePath,
          names: z.array(entryName).max(100_000).nullable(),
          clash: z.enum(['rename', 'replace', 'skip']),
        })
        .strict(),
      result: z.object({
        imported: z.array(z.object({ from: z.string(), as: z.string() })),
        skipped: z.array(z.string()),
      }),
    },
    'phonebook:export': {
      payload: z
        .object({
          phonebook,
          file: filePath,
          names: z.array(entryName).min(1).max(100_000),
          /** Replace an existing file (the person said so); otherwise FILE_EXISTS. */
          overwrite: z.boolean().optional(),
        })
        .strict(),
      result: z.object({ count: z.number(), file: z.string() }),
    },
    /** The PowerShell that recreates a VPN entry elsewhere, and the ras-connect line. */
    'phonebook:powershell': {
      payload: z.object({ phonebook, name: entryName }).strict(),
      result: z.object({ script: z.string(), createLine: z.string() }),
    },
    'file:choose': {
      payload: z.object({ purpose: z.enum(['import', 'export', 'open', 'diagnostics']) }).strict(),
      /** null: cancelled; `typed`: there is no system dialog here, so the window asks for a path. */
      result: z.union([
        z.object({ file: z.string() }),
        z.object({ typed: z.literal(true) }),
        z.null(),
      ]),
    },
    'connection:list': { payload: empty, result: connectionsSnapshotSchema },
    'connection:dial': {
      payload: z
        .object({
          entryName,
          phonebook,
          credentials: credentialsSchema.optional(),
          phoneNumber: z.string().max(RAS_MAX_PHONE_NUMBER).optional(),
        })
        .strict(),
      result: z.object({ id: z.string() }),
    },
    'connection:resume': {
      payload: z.object({ id: connectionId, answer: pausedAnswerSchema }).strict(),
      result: z.null(),
    },
    'connection:hang-up': { payload: z.object({ id: connectionId }).strict(), result: z.null() },
    /** What the person typed in the terminal window of a dial paused in Interactive. */
    'connection:terminal-send': {
      payload: z.object({ id: connectionId, text: z.string().min(1).max(512) }).strict(),
      result: z.null(),
    },
    /** While it waits to redial: dial at once, as the next attempt. */
    'connection:redial-now': {
      payload: z.object({ id: connectionId }).strict(),
      result: z.null(),
    },
    'connection:statistics': {
      payload: z.object({ id: connectionId }).strict(),
      result: statisticsSchema,
    },
    'connection:watch-statistics': {
      payload: z.object({ id: connectionId.nullable() }).strict(),
      result: z.null(),
    },
    'diagnostics:export': {
      payload: z
        .object({
          file: filePath,
          /** Replace an existing file (the person said so); otherwise FILE_EXISTS. */
          overwrite: z.boolean().optional(),
        })
        .strict(),
      /** Where it was written (a typed path resolved). */
      result: z.object({ file: z.string() }),
    },
    'history:list': {
      payload: z.object({ phonebook, name: z.string().min(1).max(256).optional() }).strict(),
      result: z.array(historyRecordSchema),
    },
    /**
     * The failure doctor for an entry: explains `code` (absent: the entry's newest failure).
     * Each check goes out as `doctor:check` with the window's `runId` as it runs.
     */
    'doctor:run': {
      payload: z
        .object({
          phonebook,
          name: entryName,
          code: z.number().int().min(-0x80000000).max(0xffffffff).optional(),
          runId: z.string().min(1).max(64),
        })
        .strict(),
      result: doctorReportSchema,
    },
    'settings:get': { payload: empty, result: settingsSchema },
    'settings:set': { payload: settingsSchema.partial().strict(), result: settingsSchema },
  },
  events: {
    'connection:state': connectionsSnapshotSchema,
    'connection:paused': z.object({
      id: z.string(),
      entryName: z.string(),
      paused: pausedRequestSchema,
    }),
    'connection:statistics': z.object({ id: z.string(), statistics: statisticsSchema }),
    /**
     * The remote side's terminal text; `hideInput`: it does not echo (a password prompt);
     * `ready`: PPP started; `closed`: it hung up.
     */
    'connection:terminal-output': z.object({
      id: z.string(),
      text: z.string(),
      hideInput: z.boolean(),
      ready: z.boolean(),
      closed: z.boolean(),
    }),
    'phonebook:changed': z.object({ phonebook: z.string() }),
    'settings:changed': settingsSchema,
    'history:added': historyRecordSchema,
    'doctor:check': z.object({ runId: z.string(), check: doctorCheckSchema }),
  },
} as const satisfies {
  invoke: Record<InvokeChannel, { payload: z.ZodType; result: z.ZodType }>;
  events: Record<EventName, z.ZodType>;
};

export type Payload<C extends InvokeChannel> = z.input<(typeof contract.invoke)[C]['payload']>;
export type Result<C extends InvokeChannel> = z.output<(typeof contract.invoke)[C]['result']>;
export type EventPayload<E extends EventName> = z.output<(typeof contract.events)[E]>;
export type Settings = z.output<typeof settingsSchema>;
export type ConnectionsSnapshot = z.output<typeof connectionsSnapshotSchema>;
export type EntrySummary = z.output<typeof entrySummarySchema>;
export type ListedEntry = z.output<typeof listedEntrySchema>;
export type HistoryRecord = z.output<typeof historyRecordSchema>;
export type PhonebookBook = Result<'phonebook:books'>[number];

/** An error as it crosses a boundary: Electron keeps only the message of a thrown error. */
export interface WireError {
  code: number | string;
  name: string;
  /** English, for logs; `key` and `params` (app/ras/app-messages.ts) say it in any language. */
  message: string;
  key?: string;
  params?: Record<string, string | number>;
}

export type InvokeResult<T> = { ok: true; value: T } | { ok: false; error: WireError };

/** `window.ras`: the whole of what a window may do. */
export interface RasApi {
  invoke<C extends InvokeChannel>(
    channel: C,
    payload: Payload<C>,
  ): Promise<InvokeResult<Result<C>>>;
  /** Returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const defaultSettings: Settings = {
  language: 'system',
  theme: 'system',
  simulationSpeed: 1,
  openedPhonebooks: [],
  favourites: [],
  keepConnected: [],
  reconnectAtStart: [],
  startAtLogin: false,
  closeToTray: true,
  notifications: { connected: true, disconnected: true, redialing: true, paused: true },
  legacyPhonebookEncoding: 'automatic',
};

export type { EventName, InvokeChannel };
