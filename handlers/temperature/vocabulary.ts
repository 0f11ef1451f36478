import type { HealthCode, Slot } from '../../entities';

/** Words for the slots, with the friendly forms people use (SPEC §3.1). */
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
  green: 'green',
  yellow: 'yellow',
  red: 'red',
};

/** The symptom vocabulary: every word maps to its canonical symptom. */
export const SYMPTOM_WORDS: Record<string, string> = {
  咳嗽: '咳嗽',
  干咳: '咳嗽',
  咽痛: '咽痛',
  咽喉痛: '咽痛',
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
  fever: '发热',
};

/** Saying there are no symptoms. */
export const NONE_WORDS = ['无症状', '无异常', '没有症状', '正常', '无', 'none'];

/** A negation before a symptom (无发热, 没有咳嗽, 不咳嗽): that symptom is absent. */
export const NEGATIONS = ['没有', '无', '不'];

/** Words that introduce the temperature, harmless fillers, and the correction keyword. */
export const TEMPERATURE_WORDS = ['体温', '温度', '测温', 'temperature', 'temp'];
export const FILLER_WORDS = ['上报', '报告', '打卡', '今天', '今日', '本人', '健康码', ':', '.', '!', '~', '-', '/'];
export const CORRECTION_WORDS = ['更正', '改正', '修改', 'correct'];
export const BEHALF_WORDS = ['代报', 'behalf'];
export const FAHRENHEIT_WORDS = ['华氏度', '华氏'];
