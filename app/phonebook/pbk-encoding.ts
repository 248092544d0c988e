// Bytes ↔ text for phonebook files. Windows writes UTF-8 (or plain ASCII); a file in a
// legacy code page is read byte for byte as Latin-1, so writing it back loses nothing.

export type PbkEncoding = 'utf-8' | 'latin1';

export interface DecodedPbk {
  text: string;
  encoding: PbkEncoding;
}

export function decodePbk(bytes: Uint8Array): DecodedPbk {
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    let text = '';
    for (let i = 0; i < bytes.length; i += 8192)
      text += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return { text, encoding: 'latin1' };
  }
}

export function encodePbk(text: string, encoding: PbkEncoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(text);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A character Latin-1 cannot hold would be corrupted silently; refuse instead.
    if (c > 0xff) throw new RangeError(`"${text[i]}" cannot be written to a Latin-1 phonebook`);
    bytes[i] = c;
  }
  return bytes;
}
