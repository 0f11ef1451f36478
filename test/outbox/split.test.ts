import { expect } from 'chai';
import { byteLength, mergeMessages, splitMessage } from '../../bot/outbox/split';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const PREFIX = /^\((\d+)\/(\d+)\) /;
const unnumbered = (parts: string[]) => parts.map((p) => p.replace(PREFIX, ''));

describe('splitting a message to the platform size limit', () => {
  it('counts UTF-8 bytes: 3 for a Chinese character, 4 for an emoji', () => {
    expect(byteLength('体温')).to.equal(6);
    expect(byteLength('😷')).to.equal(4);
    expect(byteLength('a')).to.equal(1);
  });

  it('returns a message of exactly the limit whole, and splits one byte more', () => {
    expect(splitMessage('体'.repeat(10), 30)).to.deep.equal(['体'.repeat(10)]);
    expect(splitMessage('体'.repeat(10) + 'x', 30)).to.have.length.greaterThan(1);
  });

  it('splits at line boundaries into parts numbered (1/n), each within the limit, losing no line', () => {
    const lines = Array.from({ length: 100 }, (_, i) => `第${i + 1}行：窗口人员体温正常，未见异常。`);
    const parts = splitMessage(lines.join('\n'), 2048);
    expect(parts.length).to.be.greaterThan(1);
    parts.forEach((part, i) => {
      expect(byteLength(part)).to.be.at.most(2048);
      expect(part).to.match(new RegExp(`^\\(${i + 1}/${parts.length}\\) 第\\d+行`));
    });
    expect(unnumbered(parts).join('\n')).to.equal(lines.join('\n'));
  });

  it('carries a drill’s 【演练】 onto every part, each still within the limit', () => {
    const lines = ['【演练】【应急演练 #3】王五 发起应急演练', ...Array.from({ length: 100 }, (_, i) => `· 演练密接${i + 1}（同窗口）`)];
    const parts = splitMessage(lines.join('\n'), 2048);
    expect(parts.length).to.be.greaterThan(1);
    for (const part of parts) {
      expect(byteLength(part)).to.be.at.most(2048);
      expect(part).to.match(/^\(\d+\/\d+\) 【演练】/);
    }
    expect(unnumbered(parts).map((p, i) => (i ? p.replace(/^【演练】/, '') : p)).join('\n')).to.equal(lines.join('\n'));
  });

  it('cuts a Chinese line longer than the limit between characters', () => {
    const line = '发热咳嗽乏力'.repeat(200);
    const parts = splitMessage(line, 100);
    for (const part of parts) expect(byteLength(part)).to.be.at.most(100);
    expect(unnumbered(parts).join('')).to.equal(line);
  });

  it('cuts a long line of mixed Chinese, Latin and punctuation at the same places, character by character, filling each part', () => {
    const line = `已提交 1号窗口 排班：${Array.from({ length: 400 }, (_, i) => `员工${i}`).join('、')}（400 人）℃ café`;
    const parts = unnumbered(splitMessage(line, 200));
    expect(parts.join('')).to.equal(line);
    const room = 200 - byteLength('(99/99) ');
    for (const [i, part] of parts.entries()) {
      expect(byteLength(part)).to.be.at.most(room);
      // Every part but the last is full: one more character would not have fitted.
      if (i < parts.length - 1) expect(byteLength(part + parts[i + 1][0])).to.be.greaterThan(room);
    }
  });

  it('never splits an emoji, even a surrogate pair at the very edge of the limit', () => {
    const line = `a${'😷'.repeat(300)}`; // the odd byte puts every emoji across a 4-byte boundary
    const parts = splitMessage(line, 50);
    for (const part of parts) {
      expect(byteLength(part)).to.be.at.most(50);
      expect(part).not.to.match(LONE_SURROGATE);
    }
    expect(unnumbered(parts).join('')).to.equal(line);
  });

  it('keeps an emoji made of several code points (a family, a skin tone) in one piece', () => {
    const family = '👨‍👩‍👧‍👦';
    const line = `${'好'.repeat(5)}${family}👍🏽`.repeat(20);
    const parts = unnumbered(splitMessage(line, 40));
    const whole = new Set(['好', family, '👍🏽']);
    const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
    for (const part of parts) for (const { segment } of segmenter.segment(part)) expect(whole.has(segment), segment).to.equal(true);
    expect(parts.join('')).to.equal(line);
  });

  it('widens the part numbers past 9 and 99 parts and still keeps every part within the limit', () => {
    const lines = Array.from({ length: 150 }, (_, i) => `${i}`.padStart(40, '.'));
    const parts = splitMessage(lines.join('\n'), 60);
    expect(parts).to.have.length(150);
    expect(parts[0].startsWith('(1/150) ')).to.equal(true);
    for (const part of parts) expect(byteLength(part)).to.be.at.most(60);
  });

  it('refuses a limit too small to carry the part number and a character', () => {
    expect(() => splitMessage('x'.repeat(20), 8)).to.throw(RangeError);
  });
});

describe('merging a backlog into as few messages as the limit allows', () => {
  const header = (n: number) => `以下为合并推送的 ${n} 条消息`;

  it('packs messages in order under a header, separated, within the limit', () => {
    const bodies = Array.from({ length: 30 }, (_, i) => `【防疫告警 #${i + 1}】张${i + 1} 体温 37.8℃`);
    const packs = mergeMessages(bodies, 300, header);
    expect(packs.length).to.be.greaterThan(1);
    expect(packs.flatMap((p) => p.members)).to.deep.equal(bodies.map((_, i) => i));
    for (const pack of packs) {
      expect(byteLength(pack.body)).to.be.at.most(300);
      if (pack.members.length > 1) expect(pack.body.startsWith(`以下为合并推送的 ${pack.members.length} 条消息\n`)).to.equal(true);
      for (const i of pack.members) expect(pack.body).to.contain(bodies[i]);
    }
  });

  it('puts everything into one message when it fits', () => {
    const packs = mergeMessages(['告警 1', '告警 2', '告警 3'], 2048, header);
    expect(packs).to.have.length(1);
    expect(packs[0].body).to.match(/^以下为合并推送的 3 条消息\n告警 1\n—+\n告警 2\n—+\n告警 3$/);
  });

  it('leaves a message that fits with no other as it was, without a header', () => {
    const big = '甲'.repeat(600);
    const packs = mergeMessages([big, big], 2048, header);
    expect(packs.map((p) => p.body)).to.deep.equal([big, big]);
  });
});
