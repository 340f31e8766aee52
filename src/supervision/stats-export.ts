/**
 * The figures as files people open in a spreadsheet: Chinese column headers,
 * rates as percentages, each zone named by its path (华山街道/翠湖社区/第一居民小组,
 * since "第一居民小组" alone repeats in every community), and a total row.
 * CSV carries a UTF-8 BOM (Excel reads it as GBK otherwise); XLSX keeps
 * rates as numbers formatted as percentages, so they still sort and sum.
 */
import ExcelJS from 'exceljs';
import type { Figures, GroupBy, StatsRow } from './stats.js';

const FIRST_COLUMN: Record<GroupBy, string> = { zone: '区域', category: '类别', kind: '诉求类型', liaison: '联络员' };
const LEVELS: Record<string, string> = { district: '区', street: '街道', community: '社区', group: '居民小组' };

type Rate = 'responseRate' | 'resolutionRate' | 'satisfactionRate' | 'reopenRate';
type Column = { header: string; rate?: true; value: (r: ExportRow) => string | number | null };

/** A row as exported: the figures and the name the first column shows. */
interface ExportRow extends Figures {
  label: string;
  level?: string | undefined;
  key: string;
}

const rate = (header: string, field: Rate): Column => ({ header, rate: true, value: (r) => r[field] });
const FIGURE_COLUMNS: Column[] = [
  { header: '受理量', value: (r) => r.received },
  rate('响应率', 'responseRate'),
  rate('按期办结率', 'resolutionRate'),
  rate('满意率', 'satisfactionRate'),
  { header: '回访答复数', value: (r) => r.surveysAnswered },
  { header: '超期件数', value: (r) => r.overdue },
  { header: '平均办理时长（小时）', value: (r) => r.avgHandlingHours },
  { header: 'P90办理时长（小时）', value: (r) => r.p90HandlingHours },
  rate('重开率', 'reopenRate'),
];

function columnsFor(groupBy: GroupBy): Column[] {
  return [
    { header: FIRST_COLUMN[groupBy], value: (r) => r.label },
    ...(groupBy === 'zone' ? [{ header: '层级', value: (r: ExportRow) => (r.level ? (LEVELS[r.level] ?? r.level) : null) }] : []),
    ...FIGURE_COLUMNS,
    { header: '编码', value: (r) => r.key },
  ];
}

function exportRows(groupBy: GroupBy, rows: readonly StatsRow[], total: Figures): ExportRow[] {
  const label = (r: StatsRow) => (groupBy === 'zone' ? `${r.path ?? r.name}${r.own ? '（本级）' : ''}` : r.name);
  // A parent's own row is keyed `<code>:own` in the JSON; the file names the zone's code.
  return [...rows.map((r) => ({ ...r, label: label(r), key: r.own ? r.key.replace(/:own$/, '') : r.key })), { ...total, label: '合计', key: '' }];
}

/** 0.6667 → "66.7%"; no figure → an empty cell. */
export function percent(value: number | null): string {
  return value === null ? '' : `${(value * 100).toFixed(1)}%`;
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // Quote what needs it, and defuse spreadsheet formulas in names.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV, BOM first. */
export function statsCsv(groupBy: GroupBy, rows: readonly StatsRow[], total: Figures): string {
  const columns = columnsFor(groupBy);
  const lines = exportRows(groupBy, rows, total).map((r) => columns.map((c) => csvCell(c.rate ? percent(c.value(r) as number | null) : c.value(r))).join(','));
  return `\ufeff${[columns.map((c) => c.header).join(','), ...lines].join('\r\n')}\r\n`;
}

/** The XLSX: a sheet of figures and one saying what the period and the columns are. */
export async function statsXlsx(
  groupBy: GroupBy,
  rows: readonly StatsRow[],
  total: Figures,
  about: { period: string; definitions: readonly [string, string][] },
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'minqing';
  const sheet = book.addWorksheet('考核统计', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = columnsFor(groupBy);
  sheet.columns = columns.map((c, i) => ({ header: c.header, width: i === 0 ? 36 : Math.max(10, c.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const r of exportRows(groupBy, rows, total)) {
    // Formula-looking names stay text: ExcelJS writes a string value as a string cell, never a formula.
    sheet.addRow(columns.map((c) => c.value(r)));
  }
  columns.forEach((c, i) => {
    if (c.rate) sheet.getColumn(i + 1).numFmt = '0.0%';
  });
  sheet.lastRow!.font = { bold: true };
  const notes = book.addWorksheet('说明');
  notes.columns = [{ width: 22 }, { width: 80 }];
  notes.addRow(['统计期间', about.period]);
  for (const [term, meaning] of about.definitions) notes.addRow([term, meaning]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** What each figure means, as computed in stats.ts, for the XLSX's notes sheet. */
export function definitionsZh(responseTargetHours: number): [string, string][] {
  return [
    ['受理量', '期间内收到的案件数；按区域时，一个案件计入其所在区域及以上各级'],
    ['响应率', `收到后 ${responseTargetHours} 小时内首次答复（回复、办结、现场答复或知识库答复）的案件 ÷ 受理量`],
    ['按期办结率', '在办理时限内办结的案件 ÷ 受理量'],
    ['满意率', '回访答复“满意”或“基本满意”的案件 ÷ 回访有答复的案件（未答复不计）'],
    ['超期件数', '超过办理时限仍未办结的案件数（含后来办结的）'],
    ['平均 / P90办理时长', '已办结案件从受理到办结的小时数（自然时间）'],
    ['重开率', '办结后又被重新打开（如回访不满意）的案件 ÷ 受理量'],
  ];
}
