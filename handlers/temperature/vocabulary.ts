import type { HealthCode, Slot } from '../../entities';

/**
 * Words for the slots, with the friendly forms people use (SPEC §3.1). Only
 * unambiguous ones: 上班 (start of work? at work?) and 晚上 are left out.
 */
export const SLOT_WORDS: Record<string, Slot> = {
  晨检: 'morning',
  早检: 'morning',
  早上: 'morning',
  早晨: 'morning',
  morning: 'morning',
  午检: 'midday',
  中午: 'midday',
  午间: 'midday',
  noon: 'midday',
  midday: 'midday',
  离岗: 'leave',
  下班: 'leave',
  leave: 'leave',
};

/** Health-code words; a key starting with 健康码 also matches with a space or colon after 健康码 (`健康码 绿`). */
export const CODE_WORDS: Record<string, HealthCode> = {
  绿码: 'green',
  黄码: 'yellow',
  红码: 'red',
  健康码绿码: 'green',
  健康码黄码: 'yellow',
  健康码红码: 'red',
  健康码绿色: 'green',
  健康码黄色: 'yellow',
  健康码红色: 'red',
  健康码绿: 'green',
  健康码黄: 'yellow',
  健康码红: 'red',
  健康码正常: 'green',
  green: 'green',
  yellow: 'yellow',
  red: 'red',
};

/** The symptom vocabulary: every word maps to its canonical symptom (the first ones are SPEC §3.1's). */
export const SYMPTOM_WORDS: Record<string, string> = {
  咳嗽: '咳嗽',
  干咳: '咳嗽',
  咽痛: '咽痛',
  咽喉痛: '咽痛',
  咽喉疼: '咽痛',
  喉咙痛: '咽痛',
  喉咙疼: '咽痛',
  嗓子疼: '咽痛',
  嗓子痛: '咽痛',
  乏力: '乏力',
  疲乏: '乏力',
  发热: '发热',
  发烧: '发热',
  头晕: '头晕',
  头痛: '头痛',
  头疼: '头痛',
  腹泻: '腹泻',
  拉肚子: '腹泻',
  嗅觉减退: '嗅觉减退',
  嗅觉丧失: '嗅觉减退',
  味觉减退: '味觉减退',
  味觉丧失: '味觉减退',
  呼吸困难: '呼吸困难',
  气促: '呼吸困难',
  精神萎靡: '精神萎靡',
  流涕: '流涕',
  流鼻涕: '流涕',
  鼻塞: '鼻塞',
  胸闷: '胸闷',
  肌肉酸痛: '肌肉酸痛',
  恶心: '恶心',
  呕吐: '呕吐',
  cough: '咳嗽',
  'sore throat': '咽痛',
  fatigue: '乏力',
  fever: '发热',
  headache: '头痛',
  diarrhea: '腹泻',
};

/** The canonical symptoms, in vocabulary order (for help texts and the reply catalog). */
export const SYMPTOMS: readonly string[] = [...new Set(Object.values(SYMPTOM_WORDS))];

/** Saying there are no symptoms. */
export const NONE_WORDS = ['无症状', '无异常', '无不适', '没有症状', '没有', '正常', '无', 'none'];

/** A negation glued to a symptom (无发热, 没有咳嗽, 不咳嗽): that symptom is absent. */
export const NEGATIONS = ['没有', '无', '不'];

/** Words that introduce the temperature; a text opening with one is meant as a report. */
export const TEMPERATURE_WORDS = ['体温', '温度', '测温', 'temperature', 'temp'];

/** Harmless words and punctuation around a report. */
export const FILLER_WORDS = ['上报', '报告', '打卡', '今天', '今日', '本人', '健康码', '你好', '您好', '谢谢', ':', '.', '!', '?', '~', '-', '/'];

export const CORRECTION_WORDS = ['更正', '改正', '修改', 'correct'];
export const BEHALF_WORDS = ['代报', 'behalf'];
export const FAHRENHEIT_WORDS = ['华氏度', '华氏'];
