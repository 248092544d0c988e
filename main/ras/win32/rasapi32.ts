// rasapi32.dll through koffi: the struct types built from struct-layout.ts (4-byte packing
// on pointer-sized members), the RasDialFunc2 prototype and every function the backend
// calls, all __stdcall and all W. The library path defaults to rasapi32.dll and can point
// at the test double (RAS_CONNECT_RASAPI32).

import koffi from 'koffi';
import { AppError } from '../../../app/ras/errors';
import { STRUCTS, type FieldType, type StructSpec } from './struct-layout';

/** rasapi32.dll of this Windows (or Wine) lacks a function a feature needs. */
export class MissingFunctionError extends AppError {
  constructor(
    readonly functionName: string,
    feature = 'this feature',
  ) {
    super(
      'UNSUPPORTED',
      `This system's rasapi32.dll has no ${functionName}, so ${feature} is not available here.`,
    );
  }
}

type KoffiType = ReturnType<typeof koffi.struct>;

function fieldType(type: FieldType, structs: Map<string, KoffiType>): unknown {
  switch (type.kind) {
    case 'u32':
      return 'uint32_t';
    case 'i32':
      return 'int32_t';
    case 'u16':
      return 'uint16_t';
    case 'u8':
      return 'uint8_t';
    case 'ptr':
      // pack(4): a pointer-sized member is only 4-aligned, on x64 too.
      return [4, type.c === 'ULONG_PTR' ? 'uintptr_t' : 'void *'];
    case 'wchar':
      return koffi.array('char16_t', type.length);
    case 'bytes':
      return koffi.array('uint8_t', type.length);
    case 'struct':
      return structs.get(type.name);
    case 'union':
      return koffi.union(
        Object.fromEntries(
          Object.entries(type.members).map(([member, name]) => [member, structs.get(name)]),
        ) as never,
      );
  }
}

let declared: { structs: Map<string, KoffiType>; notifier: KoffiType } | null = null;

/** koffi's type names are process-wide: the types are declared once, whatever is loaded. */
function declareTypes(): { structs: Map<string, KoffiType>; notifier: KoffiType } {
  if (declared) return declared;
  const structs = new Map<string, KoffiType>();
  for (const spec of STRUCTS as StructSpec[]) {
    const members: Record<string, unknown> = {};
    for (const field of spec.fields) members[field.name] = fieldType(field.type, structs);
    structs.set(spec.name, koffi.struct(spec.name, members as never));
  }
  // DWORD WINAPI RasDialFunc2(ULONG_PTR, DWORD, HRASCONN, UINT, RASCONNSTATE, DWORD, DWORD)
  const notifier = koffi.proto('__stdcall', 'RasDialFunc2', 'uint32_t', [
    'uintptr_t',
    'uint32_t',
    'uintptr_t',
    'uint32_t',
    'int32_t',
    'uint32_t',
    'uint32_t',
  ]);
  declared = { structs, notifier };
  return declared;
}

/** What each function is for, in the words of the error when this Windows lacks it. */
const FEATURES: Record<string, string> = {
  RasInvokeEapUI: 'EAP sign-in',
  RasGetEapUserIdentityW: 'EAP sign-in without a window',
  RasFreeEapUserIdentityW: 'EAP sign-in without a window',
  RasConnectionNotificationW: 'hearing of connections as they come and go',
  RasGetConnectionStatistics: 'connection statistics',
  RasGetCredentialsW: 'saved credentials',
  RasSetCredentialsW: 'saving credentials',
  RasGetCountryInfoW: 'choosing a country by name',
  RasGetProjectionInfoEx: "the connection's details",
};

export function loadRasApi32(path = process.env.RAS_CONNECT_RASAPI32 ?? 'rasapi32.dll') {
  const lib = koffi.load(path);
  const { structs, notifier: RasDialFunc2 } = declareTypes();
  const s = (name: string) => structs.get(name)!;
  const u32 = 'uint32_t';
  // HRASCONN is a pointer-sized opaque handle; as uintptr_t it crosses as a number or bigint.
  const HRASCONN = 'uintptr_t';
  const signatures = {
    RasDialW: [
      u32,
      [
        'void *',
        'str16',
        'void *',
        u32,
        koffi.pointer(RasDialFunc2),
        koffi.inout(koffi.pointer(HRASCONN)),
      ],
    ],
    RasHangUpW: [u32, [HRASCONN]],
    RasGetConnectStatusW: [u32, [HRASCONN, 'void *']],
    RasEnumConnectionsW: [
      u32,
      ['void *', koffi.inout(koffi.pointer(u32)), koffi.out(koffi.pointer(u32))],
    ],
    RasEnumEntriesW: [
      u32,
      ['str16', 'str16', 'void *', koffi.inout(koffi.pointer(u32)), koffi.out(koffi.pointer(u32))],
    ],
    RasEnumDevicesW: [
      u32,
      ['void *', koffi.inout(koffi.pointer(u32)), koffi.out(koffi.pointer(u32))],
    ],
    RasGetEntryPropertiesW: [
      u32,
      ['str16', 'str16', 'void *', koffi.inout(koffi.pointer(u32)), 'void *', 'void *'],
    ],
    RasSetEntryPropertiesW: [u32, ['str16', 'str16', 'void *', u32, 'void *', u32]],
    RasRenameEntryW: [u32, ['str16', 'str16', 'str16']],
    RasDeleteEntryW: [u32, ['str16', 'str16']],
    RasValidateEntryNameW: [u32, ['str16', 'str16']],
    RasGetCredentialsW: [u32, ['str16', 'str16', 'void *']],
    RasSetCredentialsW: [u32, ['str16', 'str16', 'void *', 'int32_t']],
    RasGetErrorStringW: [u32, [u32, 'void *', u32]],
    // RASCTRYINFOW followed by its name: read by hand (country-info.ts), as it has no fixed size.
    RasGetCountryInfoW: [u32, ['void *', koffi.inout(koffi.pointer(u32))]],
    RasGetConnectionStatistics: [u32, [HRASCONN, 'void *']],
    // Windows 7+, no A/W form: RAS_PROJECTION_INFO (PPP or IKEv2) for a connection past Projected.
    RasGetProjectionInfoEx: [u32, [HRASCONN, 'void *', koffi.inout(koffi.pointer(u32))]],
    RasConnectionNotificationW: [u32, [HRASCONN, 'void *', u32]],
    RasInvokeEapUI: [u32, [HRASCONN, u32, 'void *', 'void *']],
    RasGetEapUserIdentityW: [
      u32,
      ['str16', 'str16', u32, 'void *', koffi.out(koffi.pointer('void *'))],
    ],
    RasFreeEapUserIdentityW: ['void', ['void *']],
  } satisfies Record<string, [string, unknown[]]>;
  type Name = keyof typeof signatures;
  type Bound = ((...args: unknown[]) => unknown) & { async: (...args: unknown[]) => void };
  const bound = new Map<Name, Bound>();
  /**
   * Each function is bound when first called, so a missing export (Wine has no RasInvokeEapUI;
   * newer functions on older Windows) takes away only what needs it, with an error naming it.
   */
  const bind = (name: Name): Bound => {
    let f = bound.get(name);
    if (!f) {
      const [ret, params] = signatures[name];
      try {
        f = lib.func('__stdcall', name, ret, params as never) as unknown as Bound;
      } catch {
        throw new MissingFunctionError(name, FEATURES[name]);
      }
      bound.set(name, f);
    }
    return f;
  };
  return {
    structs: {
      RASCONNW: s('RASCONNW'),
      RASCONNSTATUSW: s('RASCONNSTATUSW'),
      RASDIALPARAMSW: s('RASDIALPARAMSW'),
      RASDIALEXTENSIONS: s('RASDIALEXTENSIONS'),
      RASENTRYNAMEW: s('RASENTRYNAMEW'),
      RASENTRYW: s('RASENTRYW'),
      RASCREDENTIALSW: s('RASCREDENTIALSW'),
      RASDEVINFOW: s('RASDEVINFOW'),
      RAS_STATS: s('RAS_STATS'),
      RAS_PROJECTION_INFO: s('RAS_PROJECTION_INFO'),
    },
    sizeOf: (name: string) => koffi.sizeof(s(name)),
    offsetOf: (name: string, field: string) => koffi.offsetof(s(name), field),
    /** A Buffer holding `value` encoded as the struct `name`, `extra` bytes longer. */
    encode(name: string, value: Record<string, unknown>, extra = 0): Buffer {
      const buffer = Buffer.alloc(koffi.sizeof(s(name)) + extra);
      koffi.encode(buffer, 0, s(name), value);
      return buffer;
    },
    decode<T = Record<string, unknown>>(name: string, buffer: Buffer, offset = 0): T {
      return koffi.decode(buffer, offset, s(name)) as T;
    },
    /** A long-lived RasDialFunc2 pointer for one dial; unregister it once no notification can come. */
    registerNotifier(
      handler: (
        callbackId: number | bigint,
        subEntry: number,
        handle: bigint,
        msg: number,
        state: number,
        error: number,
        extended: number,
      ) => number,
    ) {
      return koffi.register(handler, koffi.pointer(RasDialFunc2));
    },
    unregister(pointer: unknown): void {
      koffi.unregister(pointer as never);
    },
    /** The address a pointer holds (an EAP identity's data lies at a fixed offset from it). */
    address(pointer: unknown): bigint {
      return BigInt(koffi.address(pointer as never));
    },
    /** `length` bytes at `offset` from a pointer RAS gave. */
    read(pointer: unknown, offset: number, length: number): Buffer {
      return Buffer.from(
        koffi.decode(pointer as never, offset, koffi.array('uint8_t', length)) as number[],
      );
    },
    /**
     * Every rasapi32 call: on a worker thread, never the main one. RAS calls go to the RasMan
     * service, and one that waits while a RasDialFunc2 callback waits for the main thread
     * would deadlock the app (koffi's documentation warns of exactly this).
     */
    callAsync(name: Name, ...args: unknown[]): Promise<number> {
      return new Promise((resolve, reject) =>
        bind(name).async(...args, (error: Error | null, result: number) =>
          error ? reject(error) : resolve(result),
        ),
      );
    },
    /** Whether this rasapi32 has the function (binding it if so). */
    has(name: Name): boolean {
      try {
        bind(name);
        return true;
      } catch {
        return false;
      }
    },
  };
}

export type RasApi32 = ReturnType<typeof loadRasApi32>;
