/**
 * Windows-1252, the code page of a CSV or text file saved by an older Excel or Notepad
 * in Sweden. Bytes 0x00–0x7F are ASCII and 0xA0–0xFF are Latin-1; 0x80–0x9F hold
 * "€", "–", "”" and the like. Node 20's TextDecoder('windows-1252') decodes that range
 * as C1 control characters, so a "–" (0x96) in a CSV would turn into U+0096: this is
 * the WHATWG table for it. The five bytes Windows leaves unassigned stay as their C1
 * code points, as the WHATWG decoder does.
 */
const HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    let out = '';
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      out += b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80]! : String.fromCharCode(b);
    }
    parts.push(out);
  }
  return parts.join('');
}

/** A text file's content: UTF-8 when the bytes are valid UTF-8 (a BOM removed), else Windows-1252. */
export function decodeTextFile(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}
