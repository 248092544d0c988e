import { describe, expect, it } from 'vitest';
import { validateEntryName } from './entry-name';

describe('entry names Windows refuses (issue 12, item 5)', () => {
  it('refuses a double quote, as Windows does', () => {
    expect(validateEntryName('Office "VPN"')).toMatchObject({ code: 123 });
    expect(validateEntryName('Office "VPN"')?.message).toContain('"');
  });

  it('refuses every control character, naming it without printing it', () => {
    const controls = [...Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)), '\u007f'];
    for (const c of controls) {
      const problem = validateEntryName(`Office${c}VPN`);
      expect(problem?.code, `U+${c.charCodeAt(0).toString(16)}`).toBe(123);
      // eslint-disable-next-line no-control-regex -- no control character in the message
      expect(problem?.message).not.toMatch(/[\u0000-\u001f\u007f]/);
    }
    expect(validateEntryName('\u001b[31mRed')?.message).toContain('U+001B');
    expect(validateEntryName('a\nb')?.message).toContain('line break');
  });

  it('still accepts what Windows accepts', () => {
    for (const name of ["Office's VPN", 'Офис [2]', 'a\u0080b', 'tab-free name', 'x = y; z'])
      expect(validateEntryName(name), name).toBeNull();
  });
});
