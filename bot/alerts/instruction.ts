/**
 * What the plan says to do about several findings at once, each action said
 * once in the order first given: a fever with a cough at the door is
 * `暂停进入，劝至隔离区，复测，拨打120，启动应急处置流程`, not the two
 * instructions one after the other with 暂停进入 and 复测 twice. Stored on the
 * alert and the visitor, and read through it again wherever one is shown, so
 * a record written before says it once too.
 */
export function combinedInstruction(instructions: readonly (string | null | undefined)[]): string {
  const actions = instructions.flatMap((i) => (i ?? '').split(/[，；,;、]/)).map((a) => a.trim());
  return [...new Set(actions.filter(Boolean))].join('，');
}
