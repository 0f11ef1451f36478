import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type IRunOptions } from 'docx';
import { combinedInstruction } from '../../alerts/instruction';
import { describeCheck } from '../../door/messages';
import { celsius, SEVERITY_LABEL, SLOT_LABEL } from '../../labels';
import { duration } from '../../text';
import { stepLabel, stepOwner } from '../messages';
import type { IncidentFacts } from './facts';
import type { VisitorCaseFacts } from './visitor-case';
import { reportSections } from './sections';
import { CONTACT_STATUS, readingText, reported, stamp } from './wording';

/**
 * Chinese text needs an East Asian font on every run: without one, Word
 * falls back to a Latin font and WPS guesses. 宋体 (SimSun) for the text and
 * 黑体 (SimHei) for headings are on every Chinese Windows and in WPS; Latin
 * text and digits in Times New Roman, as in an official document. Named by
 * their English names, which Word and WPS read as 宋体 and 黑体 and which
 * fontconfig (LibreOffice on Linux) maps to a Song face (AR PL UMing, Noto
 * Serif CJK) rather than to any CJK font (WenQuanYi Micro Hei draws ℃ blank).
 * The eastAsia hint sends the characters both kinds of font claim (℃, ·, “”)
 * to the Chinese one: Times New Roman has no ℃.
 */
const SONG = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', cs: 'Times New Roman', eastAsia: 'SimSun', hint: 'eastAsia' };
const HEI = { ...SONG, eastAsia: 'SimHei' };
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };

/** A4 with 2.5 cm margins leaves this many twips for a table. */
const TEXT_WIDTH = 9070;

function run(text: string, options: Omit<IRunOptions, 'text' | 'font'> & { heading?: boolean } = {}): TextRun {
  const { heading, ...rest } = options;
  return new TextRun({ ...rest, text, font: heading ? HEI : SONG, language: LANGUAGE });
}

/** A paragraph; `keepNext` holds it on the page of what follows (a heading, a table's caption). */
function paragraph(text: string, options: { bold?: boolean; heading?: boolean; size?: number; center?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : undefined,
    keepNext: options.keepNext ?? options.heading,
    spacing: { before: options.heading ? 240 : 60, after: 60 },
    children: [run(text, { bold: options.bold, heading: options.heading, size: options.size })],
  });
}

/** A cell of one or more lines; widths in twips, as Word and WPS both read them; size in half-points (10.5 pt, 五号). */
function cell(text: string | string[], width: number, header = false, size = 21): TableCell {
  const lines = Array.isArray(text) ? (text.length ? text : ['']) : text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: header ? { fill: 'E7ECF2' } : undefined,
    children: lines.map((line) => new Paragraph({ children: [run(line, { bold: header, size })] })),
  });
}

/**
 * A table with a header row (repeated on each page) whose columns share the
 * text width in the given proportions; `size` for a table of many columns
 * (小五, 9 pt, keeps `11-23 09:10` on one line).
 */
function table(weights: number[], header: string[], rows: (string | string[])[][], size = 21): Table {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, widths[i], true, size)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i], false, size)) })),
    ],
  });
}

/** Label and value, two columns: the case at a glance. */
function facts(rows: [string, string][]): Table {
  const widths = [2000, TEXT_WIDTH - 2000];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(([k, v]) => new TableRow({ cantSplit: true, children: [cell(k, widths[0], true), cell(v, widths[1])] })),
  });
}

/** Where the case came from (SPEC §11, §12): a reading, the door, a leader, a drill. */
function sourceOf(f: IncidentFacts): string {
  if (f.kind === 'drill') return `应急演练（${f.openedBy ?? ''} 发起）`;
  if (f.kind === 'manual') return `领导小组启动（${f.openedBy ?? ''}）`;
  if (f.kind === 'visitor') return `门岗登记${f.visitor?.record?.guardName ? `（门岗 ${f.visitor.record.guardName} 登记）` : ''}`;
  const c = f.case;
  return c ? `体温上报（${SLOT_LABEL[c.slot] ?? c.slot}${c.reportedBy ? `，${c.reportedBy} 代报` : ''}）` : '体温上报';
}

/** How the procedure started, after its time. */
function openingOf(f: IncidentFacts): string {
  if (f.kind === 'drill') return `由 ${f.openedBy ?? ''} 开始演练`;
  if (f.openedBy) return `由 ${f.openedBy} 启动应急`;
  return f.kind === 'visitor' ? '门岗登记发现异常，系统自动启动' : '体温上报触发，系统自动启动';
}

/** The visitor a door case is about: who, where they live and have been, the door's check, who registered them; the phone masked. */
function visitorRows(v: VisitorCaseFacts, tz: string): [string, string][] {
  const rows: [string, string][] = [['当事人', `${v.label}（到访群众）`]];
  const r = v.record;
  if (!r) return [...rows, ['门岗登记', '登记记录已按保留期限删除，仅保留姓名与脱敏电话']];
  rows.push(['住址', r.address ?? '未登记'], ['行程', r.travel ?? '未登记']);
  if (r.window) rows.push(['办理窗口', r.window]);
  rows.push(['门岗检查', describeCheck(r)], ['登记时间', `${stamp(r.registeredAt, tz)}${r.guardName ? `（门岗 ${r.guardName}）` : ''}`]);
  rows.push(['完整电话', '仅存于门岗访客登记记录，由系统管理员通过访客导出获取（导出操作留痕审计）']);
  return rows;
}

/** How the alert was settled: by a 处置 (who, when, the note), with the closing (SPEC §11 "one state"), or not yet. */
function alertState(a: NonNullable<IncidentFacts['alert']>, tz: string): string {
  const ack = a.acknowledged;
  if (!ack) return '未处置';
  return ack.byClosing ? `随结案处置（${ack.by} ${stamp(ack.at, tz)}）` : `${ack.by} ${stamp(ack.at, tz)}：${ack.note}`;
}

/** The case: its source, who, the reading or the door's check, the alert, who opened the procedure, and its state. */
function caseRows(f: IncidentFacts, tz: string): [string, string][] {
  const c = f.case;
  const rows: [string, string][] = [['事件编号', `#${f.id}${f.alert ? `（告警编号 #${f.id}）` : ''}`], ['来源', sourceOf(f)]];
  if (c) {
    rows.push(['当事人', `${c.name}${c.window ? `（${c.window}）` : ''}`]);
    rows.push(['上报读数', [celsius(c.temperature), ...reported(c)].join(' ')]);
    rows.push(['上报时间', `${stamp(c.receivedAt, tz)}${c.reportedBy ? `（${c.reportedBy} 代报）` : ''}`]);
  } else if (f.visitor) {
    rows.push(...visitorRows(f.visitor, tz));
  } else {
    rows.push([f.kind === 'drill' ? '演练对象' : '事件对象', f.subject]);
  }
  rows.push(['发现情况', f.situation]);
  if (f.alert) rows.push(['告警级别', `${SEVERITY_LABEL[f.alert.severity]}${f.alert.instruction ? `；处置要求：${combinedInstruction([f.alert.instruction])}` : ''}`]);
  rows.push(['启动', `${stamp(f.openedAt, tz)} ${openingOf(f)}`]);
  if (f.alert) rows.push(['告警处置', alertState(f.alert, tz)]);
  rows.push(['当前状态', f.closing ? `已结案（${stamp(f.closing.at, tz)}，${f.closing.by}）` : '处置中']);
  return rows;
}

function stepsTable(f: IncidentFacts, tz: string): Table {
  return table(
    [14, 12.5, 14, 14, 15, 8.5, 22],
    ['步骤', '负责组', '时限', '完成时间', '用时', '报告人', '情况说明'],
    f.steps.map((s) => [
      stepLabel(s.step),
      stepOwner(s),
      stamp(s.dueAt, tz).slice(5),
      s.done ? stamp(s.done.iso, tz).slice(5) : s.overdue ? `未完成（已超时 ${duration(s.overdue)}）` : '未完成',
      s.done ? duration(s.done.minutes) : '',
      s.done?.by ?? '',
      s.done?.note ?? '',
    ]),
    18,
  );
}

function contactsTable(f: IncidentFacts, tz: string): Table {
  return table(
    [8, 9, 10, 16, 26],
    ['姓名', '窗口', '来源', '核实', f.kind === 'drill' ? '演练读数' : '事件当日起的体温记录'],
    f.contacts.map((c) => [
      c.name,
      c.window,
      c.reason,
      c.decided ? [CONTACT_STATUS[c.status], `（${c.decided.by} ${stamp(c.decided.at, tz).slice(5)}）`] : CONTACT_STATUS[c.status],
      c.readings.length ? c.readings.map((r) => readingText(r, tz)) : ['无记录'],
    ]),
    18,
  );
}

/** Visitors proposed or confirmed as contacts: the masked phone only, as the door keeps it. */
function visitorsTable(f: IncidentFacts, tz: string): Table {
  return table(
    [8, 9, 12, 16],
    ['姓名', '电话', '来源', '核实'],
    f.visitors.map((v) => [v.name, v.phoneMasked, v.reason, v.decidedAt ? [CONTACT_STATUS[v.status], `（${v.decidedBy ? `${v.decidedBy} ` : ''}${stamp(v.decidedAt, tz).slice(5)}）`] : CONTACT_STATUS[v.status]]),
    18,
  );
}

/**
 * The report upward (如实上报, SPEC §11) as a Word document (.docx) that Word
 * and WPS open, headed by the unit (HALL_NAME, SPEC §7): the case, every
 * step with who and when, the contacts with their readings, the 全员测温
 * result, what was done in order, and the closing summary.
 */
export async function reportDocument(f: IncidentFacts, timezone: string, hallName?: string): Promise<Buffer> {
  const s = reportSections;
  const heading = (text: string) => paragraph(text, { heading: true, bold: true, size: 28 });
  const body = [
    ...(hallName ? [paragraph(hallName, { heading: true, bold: true, size: 30, center: true })] : []),
    paragraph(s.title(f), { heading: true, bold: true, size: 36, center: true }),
    paragraph(s.subtitle(f, timezone), { center: true, size: 21 }),
    heading('一、基本情况'),
    facts(caseRows(f, timezone)),
    heading('二、处置步骤'),
    paragraph(s.stepsSummary(f)),
    stepsTable(f, timezone),
    heading('三、密切接触者'),
    paragraph(s.contactsSummary(f)),
    ...(f.contacts.length ? [contactsTable(f, timezone)] : []),
    ...(f.visitors.length ? [paragraph('到访人员（门岗登记）：', { keepNext: true }), visitorsTable(f, timezone), paragraph(s.phoneNote(), { size: 21 })] : []),
    heading('四、全员测温'),
    ...s.massTesting(f, timezone).map((line) => paragraph(line)),
    heading('五、处置经过'),
    ...s.timeline(f, timezone).map((line) => paragraph(line)),
    heading('六、结案总结'),
    ...s.closing(f, timezone).map((line) => paragraph(line)),
    paragraph(''),
    paragraph(s.footer(f, timezone), { size: 18 }),
    ...s.signature(hallName).map((line) => paragraph(line)),
  ];
  const document = new Document({
    creator: 'HallGuard',
    title: `${hallName ?? ''}${s.title(f)}`,
    styles: { default: { document: { run: { font: SONG, size: 24, language: LANGUAGE } } } },
    sections: [{ properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1418, bottom: 1418, left: 1418, right: 1418 } } }, children: body }],
  });
  return Packer.toBuffer(document);
}
