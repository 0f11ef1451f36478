import { marked } from '../../drills/mark';
import { stepLabel } from '../messages';
import type { IncidentFacts } from './facts';
import { visitorContactLabel } from '../visitor-contacts';
import { CONTACT_STATUS, stamp } from './wording';

/** The sentences of the report upward (如实上报): each section's text from the incident's facts. */
export const reportSections = {
  /** A drill's report says so first: it must never pass for a real case's. */
  title: (f: IncidentFacts) => marked(f, `疫情防控应急${f.kind === 'drill' ? '演练' : '处置情况'}报告（#${f.id}）`),

  subtitle: (f: IncidentFacts, tz: string) => marked(f, `事件编号 #${f.id} · ${f.closing ? '已结案' : '处置中'} · 数据截至 ${stamp(f.asOf, tz)}`),

  /** How it started: a reading, a leader's 启动应急, or a drill. */
  opening: (f: IncidentFacts) => {
    if (f.kind === 'drill') return `${f.openedBy ?? ''} 开始应急演练：${f.situation}`;
    if (f.openedBy) return `${f.openedBy} 启动应急处置：${f.situation}`;
    if (f.kind === 'visitor') return `门岗登记发现 ${f.subject}${f.visitor?.record?.guardName ? `（门岗 ${f.visitor.record.guardName} 登记）` : ''}：${f.situation}，启动应急处置`;
    return `体温上报发现 ${f.subject}：${f.situation}，启动应急处置`;
  },

  stepsSummary: (f: IncidentFacts) => {
    const done = f.steps.filter((s) => s.done).length;
    const late = f.steps.filter((s) => s.overdue).map((s) => stepLabel(s.step));
    return `按应急预案七个步骤处置，已完成 ${done} 步，未完成 ${f.steps.length - done} 步${late.length ? `，其中超时未完成：${late.join('、')}` : ''}。`;
  },

  contactsSummary: (f: IncidentFacts) => {
    const all = [...f.contacts, ...f.visitors];
    if (all.length === 0) return '未登记密切接触者。';
    const count = (status: keyof typeof CONTACT_STATUS) => all.filter((c) => c.status === status).length;
    return `排查登记 ${all.length} 人${f.visitors.length ? `（其中到访人员 ${f.visitors.length} 人）` : ''}：已确认密切接触者 ${count('confirmed')} 人，待核实 ${count('proposed')} 人，已排除 ${count('excluded')} 人。`;
  },

  massTesting: (f: IncidentFacts, tz: string): string[] => {
    const m = f.massTesting;
    if (!m) return ['未开展。'];
    return [
      `${stamp(m.startedAt, tz)} 开展全员测温${m.running ? '（进行中）' : ''}，应测 ${m.expected} 人，已测 ${m.reported} 人。`,
      m.abnormal.length ? `体温或健康码异常：${m.abnormal.map((a) => `${a.name}（${a.finding}）`).join('、')}。` : '未发现异常。',
      m.missing.length ? `未测：${m.missing.join('、')}。` : '全员已测。',
    ];
  },

  /** What was done, in order: the opening, each step, each contact decided, the alert acknowledged, the closing; each with its note. */
  timeline: (f: IncidentFacts, tz: string): string[] => {
    const events: { at: string; text: string }[] = [
      { at: f.openedAt, text: reportSections.opening(f) },
    ];
    for (const s of f.steps) if (s.done) events.push({ at: s.done.iso, text: `${stepLabel(s.step)} 完成（${s.done.by}）${s.done.note ? `：${s.done.note}` : ''}` });
    for (const c of f.contacts) if (c.decided) events.push({ at: c.decided.at, text: `${c.decided.by} ${CONTACT_STATUS[c.status]}密切接触者 ${c.name}` });
    for (const v of f.visitors) if (v.decidedAt) events.push({ at: v.decidedAt, text: `${v.decidedBy ?? ''} ${CONTACT_STATUS[v.status]}密切接触者 ${visitorContactLabel(v)}（到访人员）` });
    // An alert settled by the closing itself is told by the closing line.
    if (f.alert?.acknowledged && !f.alert.acknowledged.byClosing) events.push({ at: f.alert.acknowledged.at, text: `${f.alert.acknowledged.by} 处置告警：${f.alert.acknowledged.note}` });
    if (f.closing) events.push({ at: f.closing.at, text: `${f.closing.by} 结案：${f.closing.summary}${f.alert?.acknowledged?.byClosing ? '（告警随结案处置）' : ''}` });
    return events.sort((a, b) => a.at.localeCompare(b.at)).map((e) => `${stamp(e.at, tz)}　${e.text}`);
  },

  closing: (f: IncidentFacts, tz: string): string[] => {
    const undone = f.steps.filter((s) => !s.done).map((s) => stepLabel(s.step));
    const steps = undone.length ? `未完成的步骤：${undone.join('、')}。` : '七个步骤均已完成。';
    if (!f.closing) return ['尚未结案。', steps];
    return [`${stamp(f.closing.at, tz)} 由 ${f.closing.by} 结案。`, `总结：${f.closing.summary}`, steps];
  },

  footer: (f: IncidentFacts, tz: string) => `${f.kind === 'drill' ? '本次为应急演练，所涉人员与读数均为演练数据，不计入疫情统计。' : ''}本报告由 HallGuard 大厅防疫值守助手根据系统记录生成，数据截至 ${stamp(f.asOf, tz)}。`,

  /** Phones in the report are masked; where the full number is (SPEC §12). */
  phoneNote: () => '以上电话已脱敏；完整号码仅存于门岗访客登记记录，由系统管理员通过访客导出获取（导出操作留痕审计）。',

  /** The unit (HALL_NAME) signs as 报送单位; unset, the line is left to be filled in by hand. */
  signature: (hallName?: string) => [`报送单位：${hallName ?? '__________'}（盖章）`, '填报人：__________　　审核人：__________　　报送日期：__________'],
};
