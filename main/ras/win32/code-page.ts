// The system's ANSI code page (kernel32's GetACP): the code page an older phonebook file was
// written in. Loaded only on Windows, by main/ras/pbk-charset.ts; the library path can
// point at a test double.

import koffi from 'koffi';

/** GetACP's answer (1251, 936, 65001 when the system is set to UTF-8…), or null without kernel32. */
export function ansiCodePage(library = 'kernel32.dll'): number | null {
  try {
    const GetACP = koffi.load(library).func('__stdcall', 'GetACP', 'uint32_t', []);
    return Number(GetACP());
  } catch {
    return null;
  }
}
