/**
 * PC8: IBM code page 437, the character set SIE files are written in ("#FORMAT PC8").
 * Bytes 0x00–0x7F are ASCII; the upper half is the table below (å = 0x86, ä = 0x84,
 * ö = 0x94, Å = 0x8F, Ä = 0x8E, Ö = 0x99).
 */
const UPPER = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

const ENCODE = new Map<string, number>([...UPPER].map((ch, i) => [ch, 0x80 + i]));

export function decodePc8(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : UPPER[b - 0x80]!;
  return out;
}

/** Throws, naming the character, if the text holds one that PC8 cannot write. */
export function encodePc8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code < 0x80) out.push(code);
    else {
      const b = ENCODE.get(ch);
      if (b === undefined) throw new Error(`Tecknet ”${ch}” (U+${code.toString(16).toUpperCase().padStart(4, '0')}) kan inte skrivas i teckenkodningen PC8.`);
      out.push(b);
    }
  }
  return Uint8Array.from(out);
}
