/**
 * What a printed contact card shows, laid out once in millimetres as a list of
 * marks (rectangles, text, the QR code as one path) that the SVG, PNG and PDF
 * renderers draw alike. Credit-card size (85.6 × 54 mm).
 */
import QRCode from 'qrcode';

export const CARD_W = 85.6;
export const CARD_H = 54;

export interface CardFace {
  /** What the QR code carries: PUBLIC_BASE_URL/c/<token>. */
  url: string;
  /** Where the zone sits, e.g. 五华区 · 华山街道 · 翠湖社区. */
  place: string;
  zoneName: string;
  /** The liaison's name and public work phone (never their private one). */
  liaison: { name: string; phone: string | null } | null;
  hotline: string;
  /** A mailbox, else the online window's address. */
  mailbox: string;
  /** The office that issues the card. */
  issuer: string;
}

export type Mark =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string }
  | { kind: 'text'; x: number; y: number; size: number; text: string; fill: string; bold?: boolean; anchor?: 'start' | 'middle' | 'end' }
  /** An SVG path in units of `scale` mm, placed at x, y, `size` mm square; `link`: where a click on it goes (PDF). */
  | { kind: 'path'; x: number; y: number; scale: number; size: number; d: string; fill: string; link?: string };

const RED = '#8b1a1a';
const INK = '#1c2530';
const GREY = '#4a5663';
const QR_SIZE = 25;
/** The short line on what the card is for. */
export const PURPOSE_ZH = '扫描二维码反映问题，直接送达本责任区联络员，无需知道责任区名称。';
const PURPOSE_EN = "Scan to send a message straight to this zone's liaison.";

/** Rough advance width in em (CJK full width, the rest narrower): enough to keep a line inside its box. */
function ems(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.56;
  return w;
}

/** A text size no larger than `size` that fits `text` into `width` mm. */
function fit(text: string, size: number, width: number): number {
  return Math.min(size, width / Math.max(ems(text), 1));
}

/** The QR code's dark modules as one path, one module = 1 unit; its side in modules. */
export function qrPath(url: string): { d: string; modules: number } {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size;) {
      if (!modules.get(r, c)) {
        c++;
        continue;
      }
      let run = 1;
      while (c + run < modules.size && modules.get(r, c + run)) run++;
      parts.push(`M${c} ${r}h${run}v1h-${run}z`);
      c += run;
    }
  }
  return { d: parts.join(''), modules: modules.size };
}

export function layoutCard(face: CardFace): Mark[] {
  const qr = qrPath(face.url);
  const qrX = CARD_W - 4 - QR_SIZE;
  const qrY = 13.5;
  const left = 4;
  const textWidth = qrX - 3 - left;
  const text = (y: number, size: number, value: string, extra: { fill?: string; bold?: boolean } = {}, width = textWidth): Mark => ({
    kind: 'text',
    x: left,
    y,
    size: fit(value, size, width),
    text: value,
    fill: INK,
    ...extra,
  });
  const fullWidth = CARD_W - 2 * left;
  const lines: [string, string | null][] = [
    ['联络员', face.liaison ? [face.liaison.name, face.liaison.phone].filter(Boolean).join('  ') : null],
    ['民心电话', face.hotline],
    [face.mailbox.includes('@') ? '民意信箱' : '网上留言', face.mailbox],
  ];
  const marks: Mark[] = [
    { kind: 'rect', x: 0, y: 0, w: CARD_W, h: CARD_H, fill: '#ffffff' },
    { kind: 'rect', x: 0, y: 0, w: CARD_W, h: 10, fill: RED },
    { kind: 'text', x: left, y: 7, size: 4.4, text: '民情联系卡', fill: '#ffffff', bold: true },
    { kind: 'text', x: CARD_W - 4, y: 6.6, size: 2.4, text: 'Contact card', fill: '#ffffff', anchor: 'end' },
    text(16, 2.5, face.place, { fill: GREY }),
    text(22, 4.2, face.zoneName, { bold: true }),
    ...lines.filter((l): l is [string, string] => l[1] !== null).map(([label, value], n) => text(28.5 + n * 4.6, 2.7, `${label}  ${value}`)),
    { kind: 'path', x: qrX, y: qrY, scale: QR_SIZE / qr.modules, size: QR_SIZE, d: qr.d, fill: '#000000', link: face.url },
    { kind: 'text', x: qrX + QR_SIZE / 2, y: qrY + QR_SIZE + 3, size: 2.3, text: '扫码留言 · Scan to write', fill: GREY, anchor: 'middle' },
    text(42.6, 2.1, `发卡：${face.issuer}`, { fill: GREY }),
    { kind: 'rect', x: left, y: 44.5, w: fullWidth, h: 0.2, fill: '#d5dbe1' },
    text(48, 2.4, PURPOSE_ZH, {}, fullWidth),
    text(51.5, 2.1, PURPOSE_EN, { fill: GREY }, fullWidth),
  ];
  return marks;
}
