/**
 * SMS length as carriers count it. Chinese text goes as UCS-2: 70 characters
 * in one segment, 67 per segment once concatenated. Long texts are split into
 * several messages at sentence ends, each at most `MAX_SEGMENTS_PER_PART`
 * segments and numbered (1/3), so no carrier has to reassemble a wall of text.
 */

// GSM 03.38 basic set; anything else (any Chinese character) makes the message UCS-2.
const GSM7 = /^[A-Za-z0-9 \r\n@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!"#¤%&'()*+,\-./:;<=>?¡ÄÖÑÜ§¿äöñüà]*$/;

export const MAX_SEGMENTS_PER_PART = 5;

export function segmentsOf(text: string): { encoding: 'GSM-7' | 'UCS-2'; segments: number } {
  const gsm = GSM7.test(text);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  const length = text.length; // UTF-16 code units, as UCS-2 counts them
  return { encoding: gsm ? 'GSM-7' : 'UCS-2', segments: length <= single ? 1 : Math.ceil(length / multi) };
}

/** The texts to send for `text`, in order: itself when short enough, else numbered parts. */
export function splitSms(text: string, maxSegments = MAX_SEGMENTS_PER_PART): string[] {
  if (segmentsOf(text).segments <= maxSegments) return [text];
  const perSegment = segmentsOf(text).encoding === 'GSM-7' ? 153 : 67;
  const limit = perSegment * maxSegments - 8; // room for " (12/12)"
  const parts: string[] = [];
  let current = '';
  for (const piece of pieces(text, limit)) {
    if (current && current.length + piece.length > limit) {
      parts.push(current);
      current = '';
    }
    current += piece;
  }
  if (current) parts.push(current);
  return parts.map((p, i) => `${p.trim()} (${i + 1}/${parts.length})`);
}

/** Sentences, then clauses for an overlong sentence, then hard cuts for an overlong clause. */
function pieces(text: string, limit: number): string[] {
  const sentences = text.match(/[^。！？!?；;\n]+[。！？!?；;\n]*/g) ?? [text];
  return sentences.flatMap((s) => {
    if (s.length <= limit) return [s];
    const clauses = s.match(/[^，、,]+[，、,]*/g) ?? [s];
    return clauses.flatMap((c) => (c.length <= limit ? [c] : (c.match(new RegExp(`[\\s\\S]{1,${limit}}`, 'g')) ?? [])));
  });
}
