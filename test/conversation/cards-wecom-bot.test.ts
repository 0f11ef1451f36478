import { expect } from 'chai';
import { readButtonKey } from '../../bot/adapters/wecom/card';
import type { Hall } from '../support/hall';
import { hallWithGroups } from '../support/incident-hall';
import { TEST_WECOM_BOT } from '../support/fake-wecom-bot';

/** Issue 26 item 3: the WeCom intelligent bot's cards, taps and welcome, on its long connection. */
describe('one tap on the WeCom intelligent bot: template cards on the long connection', () => {
  let hall: Hall;
  beforeEach(async () => (hall = await hallWithGroups({ platform: 'wecom-bot', now: '2026-11-23T08:05:00+08:00' })));
  afterEach(() => hall.close());

  const cardTo = (chatid: string, title: string) => hall.bot.cards().find((c) => c.chatid === chatid && `${c.card.main_title.title}\n${c.card.sub_title_text}`.includes(title))!.card;
  /** Taps and waits until the service has answered the tap (its card update or its pushed reply). */
  const settle = async () => {
    await hall.deliver();
    await hall.deliver();
  };

  it('sends the step assignment as a card; a tap completes the step, pushes the reply and updates the card within 5 s', async () => {
    await hall.send('zhangsan', '体温 38.2 咳嗽');
    const card = cardTo('lisi', '应急处置组负责');
    expect(card.card_type).to.equal('button_interaction');
    expect(card.task_id).to.match(/^[A-Za-z0-9_\-@]{1,128}$/);
    expect(card.button_list.map((b) => readButtonKey(b.key)?.command)).to.include('进展 1 隔离 已完成');

    hall.clock.set('2026-11-23T08:12:00+08:00');
    const mark = hall.mark();
    const reqId = hall.bot.click('lisi', card, '完成 #1 隔离');
    await hall.bot.calledTimes('aibot_respond_update_msg');
    await settle();
    const [update] = hall.bot.cardUpdates();
    expect(update.reqId).to.equal(reqId);
    expect(update.afterMs).to.be.below(5_000);
    expect(update.body).to.deep.include({ response_type: 'update_template_card' });
    expect((update.body.template_card as { main_title: { title: string } }).main_title.title).to.equal('已完成（李四 08:12）');
    expect(hall.bot.directTexts(mark).find((d) => d.to === 'lisi')?.text).to.contain('已记录 #1 2. 迅速隔离');
    expect(await hall.count('incident_step', "step = '隔离' AND done_at IS NOT NULL")).to.equal(1);

    // The same tap delivered again is stored once and acts once.
    hall.bot.click('lisi', card, '完成 #1 隔离');
    await settle();
    expect(await hall.count('inbound_message', "sender_id = 'lisi' AND message_id LIKE 'card:%'")).to.equal(1);
    expect(hall.bot.cardUpdates()).to.have.length(1);
  });

  it('puts 已处置 and 查看 on a critical alert in the leadership chat; the tapper’s own role decides', async () => {
    await hall.send('zhangsan', '体温 38.2 咳嗽');
    const card = cardTo(TEST_WECOM_BOT.leaderChatId, '告警');
    expect(card.button_list.map((b) => b.text)).to.deep.equal(['已处置', '查看']);
    const inGroup = { chattype: 'group' as const, chatid: TEST_WECOM_BOT.leaderChatId };

    const sent = hall.bot.calls.filter((c) => c.cmd === 'aibot_send_msg').length;
    hall.bot.click('zhaoliu', card, '已处置', inGroup);
    // Refused as the typed command is: the answer goes to 赵六 alone, the group hears only that.
    await hall.bot.calledTimes('aibot_send_msg', sent + 2);
    await settle();
    const refusal = hall.bot.directTexts().filter((d) => d.to === 'zhaoliu').at(-1)!.text;
    expect(refusal).to.contain('「处置」不在工作人员可用的命令中');
    expect(await hall.count('alert', "status = 'open'")).to.equal(1);
    expect(hall.bot.cardUpdates()).to.deep.equal([]);

    hall.bot.click('wangwu', card, '已处置', inGroup);
    await hall.bot.calledTimes('aibot_respond_update_msg');
    await settle();
    expect(await hall.count('alert', "status = 'open'")).to.equal(0);
    expect(hall.bot.cardUpdates()).to.have.length(1);
    expect((hall.bot.cardUpdates()[0].body.template_card as { main_title: { title: string } }).main_title.title).to.match(/^已处置（王五 \d\d:\d\d）$/);
  });

  it('welcomes a person entering the chat with their own help', async () => {
    const leader = hall.bot.event('wangwu', { eventtype: 'enter_chat' });
    const staff = hall.bot.event('zhangsan', { eventtype: 'enter_chat' });
    await hall.bot.calledTimes('aibot_respond_welcome_msg', 2);
    const welcome = (reqId: string) => String((hall.bot.calls.find((c) => c.cmd === 'aibot_respond_welcome_msg' && c.headers.req_id === reqId)!.body.markdown as { content: string }).content);
    expect(welcome(leader)).to.contain('结案');
    expect(welcome(staff)).to.contain('36.5').and.not.contain('结案');
  });
});
