/**
 * The demonstration hall's people and working groups, as the administrator
 * would import them (the staff and groups CSV of SPEC §4 and §11): three
 * windows with a lead each, logistics staff who disinfect and keep the
 * supplies, two door guards, a leadership group and an administrator.
 */
export const DEMO_STAFF = `name,window,role,wecom_userid,dingtalk_userid,mobile
刘洋,1号窗口,lead,demo-liuyang,,13900000101
陈静,1号窗口,staff,demo-chenjing,,13900000102
杨帆,1号窗口,staff,demo-yangfan,,13900000103
黄敏,1号窗口,staff,demo-huangmin,,13900000104
赵磊,2号窗口,lead,demo-zhaolei,,13900000201
周婷,2号窗口,staff,demo-zhouting,,13900000202
吴昊,2号窗口,staff,demo-wuhao,,13900000203
徐丽,2号窗口,staff,demo-xuli,,13900000204
孙伟,3号窗口,lead,demo-sunwei,,13900000301
马超,3号窗口,staff,demo-machao,,13900000302
朱琳,3号窗口,staff,demo-zhulin,,13900000303
高洁,3号窗口,staff,demo-gaojie,,13900000304
郭强,后勤保障,staff,demo-guoqiang,,13900000401
何芳,后勤保障,staff,demo-hefang,,13900000402
钱进,门岗,guard,demo-qianjin,,13900000601
冯雪,门岗,guard,demo-fengxue,,13900000602
王建国,领导小组,leader,demo-wangjianguo,,13900000501
李红,领导小组,leader,demo-lihong,,13900000502
系统管理员,,admin,demo-admin,,
`;

/** The plan's working groups: 综合协调组 reports and keeps the supplies, the window leads handle a case, logistics disinfects. */
export const DEMO_GROUPS = `group,name
综合协调组,李红
综合协调组,郭强
应急处置组,刘洋
应急处置组,赵磊
应急处置组,孙伟
消毒防疫组,何芳
消毒防疫组,郭强
`;

/** The windows whose leads send a roster each workday. */
export const ROSTER_WINDOWS = ['1号窗口', '2号窗口', '3号窗口'];

/** Who does what in the demo's stories. */
export const CAST = {
  leaders: ['王建国', '李红'],
  /** 综合协调组: 上报, 善后, the supplies. */
  coordinator: '李红',
  storekeeper: '郭强',
  /** 消毒防疫组: the rounds and the 消杀 step. */
  disinfector: '何芳',
  guards: ['钱进', '冯雪'],
} as const;
