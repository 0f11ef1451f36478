import type { Person } from '../directory/directory';

/** The sentences of contact tracing (排查). */
export const contactMessages = {
  proposed: (id: number, subject: string, found: { person: Person; reason: string }[]) =>
    found.length
      ? [
          `【应急 #${id} 密接排查】${subject} 的可能密切接触者（来自排班与上报记录）：`,
          ...found.map((c) => `· ${c.person.name}（${c.reason}）`),
          `请核实后回复：密接 ${id} 确认 <姓名…> 或 密接 ${id} 排除 <姓名…>；名单外的人也可直接确认添加。`,
        ].join('\n')
      : `【应急 #${id} 密接排查】系统记录中没有 ${subject} 的同窗口同事或代报人；核实后回复：密接 ${id} 确认 <姓名…>`,
  noneToTrace: (id: number, subject: string) =>
    `【应急 #${id} 密接排查】${subject} 不是系统中的人员，无法从排班推算密接；请核实现场人员后回复：密接 ${id} 确认 <姓名…>`,
  askReading: (id: number) => `您已被确认为 #${id} 号应急事件的密切接触者：请立即测量体温并回复，例如：体温 36.5 绿码。`,
  decided: (id: number, verdict: 'confirmed' | 'excluded', names: string[]) =>
    verdict === 'confirmed' ? `已确认 #${id} 密接：${names.join('、')}；已通知其立即测温。` : `已排除 #${id} 密接：${names.join('、')}。`,
  /** The contacts under a checklist: confirmed, to check, excluded. */
  listed: (contacts: { person: Person; status: 'proposed' | 'confirmed' | 'excluded' }[]) => {
    const of = (status: string) => contacts.filter((c) => c.status === status).map((c) => c.person.name).join('、') || '无';
    return `密接：已确认 ${of('confirmed')}；待核实 ${of('proposed')}；已排除 ${of('excluded')}`;
  },
  usage: () => '用法：密接 12 确认 张三 李四，或 密接 12 排除 王五',
  notTracer: (id: number) => `#${id} 的密接由排查负责组或领导小组成员确认。`,
  unknownName: (name: string) => `名单中没有「${name}」。`,
  sharedName: (name: string, windows: string[]) => `「${name}」有 ${windows.length} 人同名（${windows.map((w) => w || '无窗口').join('、')}）：请写成 ${name}（${windows[0] || '无窗口'}）。`,
};
