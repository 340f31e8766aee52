/**
 * A card's marks as SVG (vector, names its font), PNG (the SVG rasterised at
 * 300 dpi with the CJK font file) and PDF (one card a page, or a sheet of
 * copies per zone on A4 to cut out; text embedded as a font subset).
 */
import PDFDocument from 'pdfkit';
import { Resvg } from '@resvg/resvg-js';
import { CARD_H, CARD_W, layoutCard, type CardFace, type Mark } from './card-face.js';
import type { CjkFonts } from './fonts.js';
import { html, lines } from '../../core/markup.js';

const FONT_STACK = `'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif`;
const PT_PER_MM = 72 / 25.4;
const PNG_WIDTH_PX = Math.round((CARD_W / 25.4) * 300);

export function renderCardSvg(face: CardFace): string {
  const marks = layoutCard(face).map((m) => {
    switch (m.kind) {
      case 'rect':
        return html`<rect x="${m.x}" y="${m.y}" width="${m.w}" height="${m.h}" fill="${m.fill}"/>`;
      case 'path':
        return html`<path transform="translate(${m.x} ${m.y}) scale(${m.scale})" d="${m.d}" fill="${m.fill}" shape-rendering="crispEdges"/>`;
      case 'text':
        return html`<text x="${m.x}" y="${m.y}" font-size="${m.size.toFixed(3)}"${m.bold && html` font-weight="bold"`}${
          m.anchor && m.anchor !== 'start' && html` text-anchor="${m.anchor}"`
        } fill="${m.fill}">${m.text}</text>`;
    }
  });
  // The pages' template: XML takes the same escaping.
  return html`<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_W}mm" height="${CARD_H}mm" viewBox="0 0 ${CARD_W} ${CARD_H}" font-family="${FONT_STACK}">
<title>民情联系卡 ${face.zoneName}</title>
${lines(marks)}
</svg>
`.toString();
}

export function renderCardPng(face: CardFace, fonts: CjkFonts): Buffer {
  const resvg = new Resvg(renderCardSvg(face), {
    fitTo: { mode: 'width', value: PNG_WIDTH_PX },
    font: { fontFiles: [fonts.regular.path, fonts.bold.path], loadSystemFonts: false, defaultFontFamily: fonts.family, sansSerifFamily: fonts.family },
  });
  return resvg.render().asPng();
}

type Doc = InstanceType<typeof PDFDocument>;

function newPdf(fonts: CjkFonts, size: [number, number], title: string): Doc {
  const doc = new PDFDocument({ size, margin: 0, autoFirstPage: false, info: { Title: title, Creator: 'minqing gateway' } });
  doc.registerFont('cjk', fonts.regular.path, fonts.regular.postscriptName);
  doc.registerFont('cjk-bold', fonts.bold.path, fonts.bold.postscriptName);
  return doc;
}

function finish(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/** Draws a card with its top left corner at (x, y) mm. */
function drawCard(doc: Doc, marks: Mark[], x: number, y: number): void {
  const mm = (v: number) => v * PT_PER_MM;
  for (const m of marks) {
    if (m.kind === 'rect') {
      doc.rect(mm(x + m.x), mm(y + m.y), mm(m.w), mm(m.h)).fill(m.fill);
    } else if (m.kind === 'path') {
      doc
        .save()
        .translate(mm(x + m.x), mm(y + m.y))
        .scale(mm(m.scale))
        .path(m.d)
        .fill(m.fill)
        .restore();
      // On screen the QR code is also a link to the same address.
      if (m.link) doc.link(mm(x + m.x), mm(y + m.y), mm(m.size), mm(m.size), m.link);
    } else {
      doc
        .font(m.bold ? 'cjk-bold' : 'cjk')
        .fontSize(mm(m.size))
        .fillColor(m.fill);
      const width = doc.widthOfString(m.text);
      const left = mm(x + m.x) - (m.anchor === 'end' ? width : m.anchor === 'middle' ? width / 2 : 0);
      doc.text(m.text, left, mm(y + m.y), { baseline: 'alphabetic', lineBreak: false });
    }
  }
}

/** One card on a card-sized page. */
export function renderCardPdf(face: CardFace, fonts: CjkFonts): Promise<Buffer> {
  const doc = newPdf(fonts, [CARD_W * PT_PER_MM, CARD_H * PT_PER_MM], `民情联系卡 ${face.zoneName}`);
  doc.addPage();
  drawCard(doc, layoutCard(face), 0, 0);
  return finish(doc);
}

const A4: [number, number] = [210, 297];
const COLUMNS = 2;
const ROWS = 4;
const GAP = 8;

/** For each zone an A4 page of identical cards to cut out and hand to its households, headed by the zone's name. */
export function renderCardSheetsPdf(faces: CardFace[], fonts: CjkFonts, title: string): Promise<Buffer> {
  const doc = newPdf(fonts, [A4[0] * PT_PER_MM, A4[1] * PT_PER_MM], title);
  const left = (A4[0] - COLUMNS * CARD_W - (COLUMNS - 1) * GAP) / 2;
  const top = (A4[1] - ROWS * CARD_H - (ROWS - 1) * GAP) / 2;
  for (const face of faces) {
    doc.addPage();
    doc.font('cjk').fontSize(10).fillColor('#4a5663');
    doc.text(`${[face.place, face.zoneName].filter(Boolean).join(' · ')} — 民情联系卡 ${COLUMNS * ROWS} 张`, left * PT_PER_MM, (top - 6) * PT_PER_MM, {
      baseline: 'alphabetic',
      lineBreak: false,
    });
    const marks = layoutCard(face);
    for (let r = 0; r < ROWS; r++) {
      for (let c = 0; c < COLUMNS; c++) {
        const x = left + c * (CARD_W + GAP);
        const y = top + r * (CARD_H + GAP);
        drawCard(doc, marks, x, y);
        // A hairline to cut along.
        doc
          .rect(x * PT_PER_MM, y * PT_PER_MM, CARD_W * PT_PER_MM, CARD_H * PT_PER_MM)
          .lineWidth(0.3)
          .strokeColor('#9aa3ad')
          .stroke();
      }
    }
  }
  return finish(doc);
}
