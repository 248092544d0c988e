// rasapi32.dll through koffi: the struct types built from struct-layout.ts (4-byte packing
// on pointer-sized members), the RasDialFunc2 prototype and every function the backend
// calls, all __stdcall and all W. The library path defaults to rasapi32.dll and can point
// at the test double (RAS_CONNECT_RASAPI32).

import koffi from 'koffi';
import { STRUCTS, type FieldType, type StructSpec } from './struct-layout';

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

export function loadRasApi32(path = process.env.RAS_CONNECT_RASAPI32 ?? 'rasapi32.dll') {
  const lib = koffi.load(path);
  const { structs, notifier: RasDialFunc2 } = declareTypes();
  const s = (name: string) => structs.get(name)!;
  const u32 = 'uint32_t';
  // HRASCONN is a pointer-sized opaque handle; as uintptr_t it crosses as a number or bigint.
  const HRASCONN = 'uintptr_t';
  const fn = (name: string, ret: string, params: unknown[]) =>
    lib.func('__stdcall', name, ret, params as never);
  const functions = {
    RasDialW: fn('RasDialW', u32, [
      'void *',
      'str16',
      'void *',
      u32,
      koffi.pointer(RasDialFunc2),
      koffi.inout(koffi.pointer(HRASCONN)),
    ]),
    RasHangUpW: fn('RasHangUpW', u32, [HRASCONN]),
    RasGetConnectStatusW: fn('RasGetConnectStatusW', u32, [HRASCONN, 'void *']),
    RasEnumConnectionsW: fn('RasEnumConnectionsW', u32, [
      'void *',
      koffi.inout(koffi.pointer(u32)),
      koffi.out(koffi.pointer(u32)),
    ]),
    RasEnumEntriesW: fn('RasEnumEntriesW', u32, [
      'str16',
      'str16',
      'void *',
      koffi.inout(koffi.pointer(u32)),
      koffi.out(koffi.pointer(u32)),
    ]),
    RasEnumDevicesW: fn('RasEnumDevicesW', u32, [
      'void *',
      koffi.inout(koffi.pointer(u32)),
      koffi.out(koffi.pointer(u32)),
    ]),
    RasGetEntryPropertiesW: fn('RasGetEntryPropertiesW', u32, [
      'str16',
      'str16',
      'void *',
      koffi.inout(koffi.pointer(u32)),
      'void *',
      'void *',
    ]),
    RasSetEntryPropertiesW: fn('RasSetEntryPropertiesW', u32, [
      'str16',
      'str16',
      'void *',
      u32,
      'void *',
      u32,
    ]),
    RasRenameEntryW: fn('RasRenameEntryW', u32, ['str16', 'str16', 'str16']),
    RasDeleteEntryW: fn('RasDeleteEntryW', u32, ['str16', 'str16']),
    RasValidateEntryNameW: fn('RasValidateEntryNameW', u32, ['str16', 'str16']),
    RasGetCredentialsW: fn('RasGetCredentialsW', u32, ['str16', 'str16', 'void *']),
    RasSetCredentialsW: fn('RasSetCredentialsW', u32, ['str16', 'str16', 'void *', 'int32_t']),
    RasGetErrorStringW: fn('RasGetErrorStringW', u32, [u32, 'void *', u32]),
    RasGetConnectionStatistics: fn('RasGetConnectionStatistics', u32, [HRASCONN, 'void *']),
    RasConnectionNotificationW: fn('RasConnectionNotificationW', u32, [HRASCONN, 'void *', u32]),
    RasInvokeEapUI: fn('RasInvokeEapUI', u32, [HRASCONN, u32, 'void *', 'void *']),
  };
  return {
    functions,
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
    /** The asynchronous form of a function: it runs on a worker thread, never blocking the main one. */
    callAsync(name: keyof typeof functions, ...args: unknown[]): Promise<number> {
      return new Promise((resolve, reject) =>
        (functions[name] as unknown as { async: (...a: unknown[]) => void }).async(
          ...args,
          (error: Error | null, result: number) => (error ? reject(error) : resolve(result)),
        ),
      );
    },
  };
}

export type RasApi32 = ReturnType<typeof loadRasApi32>;
