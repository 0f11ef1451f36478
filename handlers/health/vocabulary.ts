import type { HealthCode, Slot } from '../../entities';

/**
 * Words for the slots, with the forms people use (SPEC §3.1), and 加测. Only unambiguous
 * ones: 上班 (start of work? at work?) and 下午 (午检 or 离岗?) are left out,
 * so the time of day decides for them.
 */
export const SLOT_WORDS: Record<string, Slot> = {
  ...Object.fromEntries(
    ['晨检', '早检', '晨测', '早测', '晨间', '早间', '早晨', '早上', '清晨', '今早', '今晨', '上午', '上班前', '到岗', '到岗时', '到岗后', '上岗前', '进岗', '晨报', '早报', 'morning'].map(
      (w) => [w, 'morning' as const],
    ),
  ),
  ...Object.fromEntries(['午检', '午测', '中午', '午间', '午休', '午饭后', '午餐后', '午饭前', '午报', 'noon', 'midday', 'lunch'].map((w) => [w, 'midday' as const])),
  ...Object.fromEntries(
    ['离岗', '离岗前', '离岗时', '离岗检', '离岗检测', '下班', '下班前', '下班时', '下班后', '离开', '离厅', '离馆', '傍晚', '晚上', '晚间', '今晚', 'leave', 'evening'].map(
      (w) => [w, 'leave' as const],
    ),
  ),
  // The answer to a 全员测温 (SPEC §11): never a daily check.
  ...Object.fromEntries(['加测', '加测体温'].map((w) => [w, 'extra' as const])),
};

/** Colours of a health code. A bare one-character colour (绿, 红) counts only after a code word: 李红 is a name. */
export const CODE_COLOURS: Record<string, HealthCode> = {
  绿码: 'green',
  黄码: 'yellow',
  红码: 'red',
  绿色: 'green',
  黄色: 'yellow',
  红色: 'red',
  绿马: 'green',
  黄马: 'yellow',
  红马: 'red',
  绿吗: 'green',
  黄吗: 'yellow',
  红吗: 'red',
  green: 'green',
  yellow: 'yellow',
  red: 'red',
};

/** What may stand between a code word and its colour: `健康码：绿`, `健康码为绿色`, `码是绿的`. */
export const CODE_LINKS = ['', ':', '=', '(', '为', '是', '显示', '呈', '均为', '都是', '显示为', '状态', '状态为', '颜色'];

/** Names of the health code (regional apps included); `码` alone for `码绿`. */
export const CODE_NAMES = ['健康码', '健康宝', '粤康码', '随申码', '苏康码', '渝康码', '安康码', '穗康码', '浙江健康码', '双码', '两码', '健康绿码', '码'];

/** 绿 alone is the green code too (it is rare in names, unlike 红 and the surname 黄). */
export const LONE_GREEN = '绿';

/** Colours that need a code word before them. */
export const BARE_COLOURS: Record<string, HealthCode> = { 绿: 'green', 黄: 'yellow', 红: 'red', 正常: 'green', 绿的: 'green', 黄的: 'yellow', 红的: 'red', 无异常: 'green' };

/** Phrases that state the code outright. */
export const CODE_PHRASES: Record<string, HealthCode> = {
  健康码行程码均正常: 'green',
  健康码行程码正常: 'green',
  健康码行程码都正常: 'green',
  健康码行程码绿色: 'green',
  'green code': 'green',
};

/** How much, between a body part and what it feels: `嗓子有点疼`, `头很晕`. */
const DEGREES = ['', '有点', '有些', '有一点', '有点儿', '稍微', '稍微有点', '略', '略有', '很', '特别', '比较', '还是', '一直'];

/** The symptom vocabulary: every phrase maps to its canonical symptom (the first ones are SPEC §3.1's). */
export const SYMPTOM_WORDS: Record<string, string> = {
  ...canonical('咳嗽', ['咳嗽', '干咳', '咳', '咳痰', '有痰', 'cough', 'coughing']),
  ...canonical('咽痛', ['咽痛', '咽喉痛', '咽喉疼', '喉咙痛', '喉咙疼', '嗓子疼', '嗓子痛', '嗓子不舒服', '喉咙不舒服', '咽喉不适', '咽部不适', '咽干', '嗓子哑', '喉咙哑', '扁桃体发炎', 'sore throat']),
  ...canonical('乏力', ['乏力', '疲乏', '疲劳', '疲倦', '无力', '浑身无力', '全身无力', '没力气', '累', '很累', 'fatigue', 'tired']),
  ...canonical('发热', ['发热', '发烧', '低烧', '高烧', '低热', '高热', '发低烧', '发高烧', '体温偏高', '体温高', 'fever']),
  ...canonical('头晕', ['头晕', '头昏', '眩晕', 'dizzy']),
  ...canonical('头痛', ['头痛', '头疼', 'headache']),
  ...canonical('腹泻', ['腹泻', '拉肚子', 'diarrhea']),
  ...canonical('嗅觉减退', ['嗅(味)觉减退', '嗅味觉减退', '嗅觉味觉减退', '嗅觉或味觉减退', '嗅觉和味觉减退', '嗅觉减退', '嗅觉丧失', '嗅觉下降', '嗅觉异常', '闻不到味道', '闻不到气味']),
  ...canonical('味觉减退', ['味觉减退', '味觉丧失', '味觉下降', '味觉异常', '尝不出味道', '吃不出味道']),
  ...canonical('呼吸困难', ['呼吸困难', '气促', '气短', '呼吸急促', '喘不上气', '喘不过气']),
  ...canonical('精神萎靡', ['精神萎靡', '没精神', '没有精神', '精神差', '精神不好', '精神不振']),
  ...canonical('流涕', ['流涕', '流鼻涕', '流鼻水', '鼻涕', 'runny nose']),
  ...canonical('鼻塞', ['鼻塞', '鼻子堵', '鼻子不通气']),
  ...canonical('打喷嚏', ['打喷嚏', '喷嚏']),
  ...canonical('胸闷', ['胸闷']),
  ...canonical('肌肉酸痛', ['肌肉酸痛', '肌肉痛', '全身酸痛', '浑身酸痛', '身体酸痛', '酸痛']),
  ...canonical('恶心', ['恶心', '想吐']),
  ...canonical('呕吐', ['呕吐', '吐了']),
  ...canonical('畏寒', ['畏寒', '发冷', '怕冷', '寒战', '打寒战']),
  ...canonical('腹痛', ['腹痛', '肚子疼', '肚子痛']),
  ...canonical('结膜炎', ['结膜炎', '眼睛红']),
  ...canonical('身体不适', ['身体不适', '不适', '不舒服', '身体不舒服', '难受', '感冒', '有点感冒']),
  ...bodyPart('咽痛', ['嗓子', '喉咙', '咽喉', '咽部'], ['疼', '痛', '不舒服', '难受', '干', '哑', '发炎', '痒']),
  ...bodyPart('头痛', ['头'], ['疼', '痛']),
  ...bodyPart('头晕', ['头'], ['晕', '昏', '晕晕的']),
  ...bodyPart('腹痛', ['肚子', '腹部', '胃'], ['疼', '痛', '不舒服']),
  ...bodyPart('胸闷', ['胸口', '胸'], ['闷', '疼', '痛']),
  ...bodyPart('鼻塞', ['鼻子'], ['堵', '塞', '不通气']),
  ...bodyPart('乏力', ['身体', '浑身', '全身'], ['无力', '乏力', '没劲', '发软']),
};

/** Every `part + degree + feeling` phrase, for one canonical symptom. */
function bodyPart(symptom: string, parts: string[], feelings: string[]): Record<string, string> {
  return canonical(
    symptom,
    parts.flatMap((part) => DEGREES.flatMap((degree) => feelings.map((feeling) => `${part}${degree}${feeling}`))),
  );
}

function canonical(symptom: string, phrases: string[]): Record<string, string> {
  return Object.fromEntries(phrases.map((p) => [p, symptom]));
}

/** The canonical symptoms, in vocabulary order (for help texts and the reply catalog). */
export const SYMPTOMS: readonly string[] = [...new Set(Object.values(SYMPTOM_WORDS))];

/** A negation glued to a symptom (无发热, 没有咳嗽, 不咳嗽, 否认发热): that symptom is absent. */
export const NEGATIONS = ['没有', '无', '不', '未', '没', '未见', '未出现', '没有出现', '无明显', '没有明显', '并无', '均无', '无任何', '否认', '不再', '已无', '已经不'];

/**
 * Saying there are no symptoms, or that all is well: 正常, 良好, 一切正常 …
 * After a symptom (`咳嗽：无`, `发热(否)`) the short ones negate it.
 */
export const NONE_WORDS = [
  ...['无症状', '无异常', '无不适', '无', '没有', '没有症状', '没有不适', '没有异常', '无任何症状', '无任何不适', '无其他症状', '无其他不适', '否', '均无', '都没有', '未见异常', '未发现异常', '无此症状', 'none', 'no'],
  ...['正常', '良好', '健康', '一切正常', '一切良好', '一切安好', '身体状况良好', '身体状况正常', '身体健康', '身体良好', '身体正常', '身体好', '状态良好', '状态正常', '精神良好', '精神状态良好', '精神好', '精神状态好', '状态好', '状况良好', '均正常', '都正常', '全部正常', '各项正常'],
  ...['很好', '挺好', '还好', '良好', '没事', '没问题', '无恙', '平安', '安好', '不错', '合格', '精神饱满', '一切都好', '都挺好', '都好', '棒', '很棒', '棒棒的', '身体棒'],
  ...['正常范围', '正常范围内', '范围内', 'no symptoms', 'no symptom', 'all good', 'all normal', 'all fine', 'all ok'],
  ...['无任何异常', '没有任何不适', '没有任何症状', '没有任何异常', '没有异样', '无异样', 'ok', 'normal', 'fine', 'good', 'healthy'],
];

/** Ends a list of symptoms: `无发热、咳嗽、乏力等症状` negates the whole list. */
export const LIST_ENDS = ['等症状', '等不适', '等情况', '等现象', '等异常', '等', '症状', '情况'];

/** Joins symptoms in a list (`无发热和咳嗽`). */
export const CONNECTORS = ['和', '及', '与', '或', '以及', '或者', '也', 'and', 'or'];

/** Words that introduce the temperature; a text opening with one is meant as a report. */
export const TEMPERATURE_WORDS = [
  ...['体温', '温度', '测温', '测量', '测得', '测了', '实测', '自测', '复测', '再测', '已测', '体温测量', '测温结果', 'temperature', 'temp'],
  ...['额温', '腋温', '耳温', '口温', '腋下', '额头', '我的体温是', '我的体温', '体温为', '体温是', '温度是', '温度为', '当前体温', '目前体温', '今日体温', '今天体温', '本人体温', 't'],
];

/** Saying the reading replaces a mistyped one (SPEC §3.1 更正). */
export const CORRECTION_WORDS = ['更正', '改正', '修改', '更改', '纠正', '订正', '改为', '改成', '应为', 'correct'];
/** Reporting for someone else (SPEC §3.2). */
export const BEHALF_WORDS = ['代报', '帮报', '替报', '代为上报', '代上报', 'behalf'];
/** Saying the value is in Fahrenheit. */
export const FAHRENHEIT_WORDS = ['华氏度', '华氏'];

/**
 * Days other than today, by their offset: a reading for them is refused, unless
 * the text also says today (`昨天有点咳嗽，今天36.5`: yesterday is context).
 */
export const OTHER_DAYS: Record<string, number> = { 昨天: -1, 昨日: -1, 昨晚: -1, 前天: -2, 明天: 1, 明日: 1 };
/** Saying the reading is today's. */
export const TODAY_WORDS = ['今天', '今日', '当天', '本日', 'today'];
