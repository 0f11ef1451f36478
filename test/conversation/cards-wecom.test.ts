import { expect } from 'chai';
import { readButtonKey } from '../../bot/adapters/wecom/card';
import type { Hall } from '../support/hall';
import { hallWithGroups } from '../support/incident-hall';
import { postToWecom, TEST_WECOM } from '../support/wecom-client';

/** Issue 26 item 2: the WeCom self-built app's cards, their buttons acting as the typed commands. */
describe('one tap on the WeCom self-built app: template cards', () => {
  let hall: Hall;
  beforeEach(async () => (hall = await hallWithGroups({ platform: 'wecom', now: '2026-11-23T08:05:00+08:00' })));
  afterEach(() => hall.close());

  const cardOf = (to: string, title: string) => hall.fake.cards().find((c) => c.to === to && c.card.main_title.title.includes(title))!;
  /** Taps a button as WeCom would report it: the template_card_event, signed and encrypted, with a fresh response code. */
  const tap = async (who: string, card: { taskId: string; card: { button_list: { text: string; key: string }[] } }, text: string, createTime = 1795000100) => {
    const button = card.card.button_list.find((b) => b.text === text)!;
    const mark = hall.mark();
    const { status, reply } = await postToWecom(hall.url, TEST_WECOM, {
      from: who,
      msgType: 'event',
      event: 'template_card_event',
      createTime,
      card: { eventKey: button.key, taskId: card.taskId, responseCode: hall.fake.clickResponseCode() },
    });
    await hall.deliver();
    return { status, reply, updates: hall.fake.cardUpdates(mark) };
  };

  it('sends a step assignment as a button_interaction card whose buttons stand for the typed commands', async () => {
    await hall.send('zhangsan', '体温 38.2 咳嗽');
    const card = cardOf('lisi', '应急处置');
    expect(card.card.card_type).to.equal('button_interaction');
    expect(card.taskId).to.match(/^[A-Za-z0-9_\-@]{1,128}$/);
    expect(new Set(hall.fake.cards().map((c) => c.taskId)).size).to.be.greaterThan(1);
    expect(card.card.button_list.length).to.be.within(1, 6);
    expect(card.card.button_list.map((b) => readButtonKey(b.key)?.command)).to.include('进展 1 隔离 已完成');
    // The typed command stays shown in the card's text.
    expect(card.card.sub_title_text).to.contain('完成后回复：进展 1 隔离');
  });

  it('completes a step by the button as if typed, updates the card to who and when, and stores a replayed click once', async () => {
    await hall.send('zhangsan', '体温 38.2 咳嗽');
    const card = cardOf('lisi', '应急处置');
    hall.clock.set('2026-11-23T08:12:00+08:00');
    const first = await tap('lisi', card, '完成 #1 隔离');
    expect(first.status).to.equal(200);
    expect(first.reply).to.contain('已记录 #1 2. 迅速隔离');
    expect(first.updates).to.deep.equal([{ userids: ['lisi'], responseCode: first.updates[0].responseCode, replaceName: '已完成（李四 08:12）' }]);
    expect(hall.fake.groupTexts().join()).to.contain('✅ 2. 迅速隔离 — 李四 08:12');

    const replay = await tap('lisi', card, '完成 #1 隔离');
    expect(replay.reply).to.equal(first.reply);
    expect(replay.updates).to.deep.equal([]);
    expect(await hall.count('inbound_message', "sender_id = 'lisi' AND message_id LIKE 'card:%'")).to.equal(1);
    expect(await hall.count('incident_step', "step = '隔离' AND done_at IS NOT NULL")).to.equal(1);

    // The other owner's card: the click changes nothing and says who did it.
    const other = await tap('zhouba', cardOf('zhouba', '应急处置'), '完成 #1 隔离');
    expect(other.reply).to.contain('已由 李四 于 08:12 完成');
    expect(other.updates).to.deep.equal([]);
  });

  it('confirms a proposed contact by its button; a person without the 排查 role tapping it is refused and nothing changes', async () => {
    await hall.send('zhangsan', '体温 38.2');
    const card = cardOf('zhouba', '密接排查');
    expect(card.card.button_list.map((b) => b.text)).to.include.members(['确认 赵六', '排除 赵六']);
    const refused = await tap('sunqi', card, '确认 赵六');
    expect(refused.reply).to.contain('由排查负责组或领导小组成员确认');
    expect(refused.updates).to.deep.equal([]);
    const confirmed = await tap('zhouba', card, '确认 赵六');
    expect(confirmed.reply).to.contain('已确认 #1 密接：赵六');
    expect(confirmed.updates.map((u) => u.replaceName)).to.deep.equal(['已确认 赵六（周八 08:05）']);
    expect(await hall.count('incident_contact', "status = 'confirmed'")).to.equal(1);
  });

  it('ignores a click on a button that is not one of ours, storing nothing', async () => {
    const { status, reply } = await postToWecom(hall.url, TEST_WECOM, { from: 'lisi', msgType: 'event', event: 'template_card_event', card: { eventKey: 'not-ours', taskId: 'task1', responseCode: 'rc' } });
    expect(status).to.equal(200);
    expect(reply).to.equal(null);
    expect(await hall.count('inbound_message')).to.equal(0);
  });
});
