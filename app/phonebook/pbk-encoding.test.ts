import { describe, expect, it } from 'vitest';
import { decodePbk, encodePbk } from './pbk-encoding';

describe('pbk encoding', () => {
  it('reads UTF-8 and writes it back the same', () => {
    const bytes = new TextEncoder().encode('\uFEFF[Офис]\r\nComment=€\r\n');
    const decoded = decodePbk(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text.startsWith('\uFEFF[Офис]')).toBe(true);
    expect(encodePbk(decoded.text, decoded.encoding)).toEqual(bytes);
  });

  it('reads any other bytes as Latin-1 and writes every byte back', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const decoded = decodePbk(bytes);
    expect(decoded.encoding).toBe('latin1');
    expect(encodePbk(decoded.text, 'latin1')).toEqual(bytes);
  });

  it('refuses a character a Latin-1 file cannot hold', () => {
    expect(() => encodePbk('Офис', 'latin1')).toThrow(RangeError);
  });
});
