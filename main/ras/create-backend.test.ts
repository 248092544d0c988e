import { describe, expect, it } from 'vitest';
import { allUsersPhonebook, defaultBackendKind, userPhonebook } from './create-backend';

describe('the phonebooks Windows keeps', () => {
  it("is the user's in %APPDATA% and All-Users' in %ProgramData%", () => {
    expect(userPhonebook({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk',
    );
    expect(allUsersPhonebook({ ProgramData: 'D:\\ProgramData' })).toBe(
      'D:\\ProgramData\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk',
    );
    expect(allUsersPhonebook({})).toBe(
      'C:\\ProgramData\\Microsoft\\Network\\Connections\\Pbk\\rasphone.pbk',
    );
    expect(defaultBackendKind('win32')).toBe('win32');
    expect(defaultBackendKind('linux')).toBe('simulated');
  });
});
