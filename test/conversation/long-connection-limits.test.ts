import { expect } from 'chai';
import { MAX_FRAME_BYTES } from '../../bot/adapters/long-connection';
import type { captureLog } from '../support/capture-log';
import { dingtalkBody } from '../support/dingtalk-client';
import { openLinkedHall, type Hall } from '../support/hall';
import { PAST_BACKOFF, type manualTimers } from '../support/manual-timers';

const FRAME_REFUSED = 'long connection: a frame over the size limit refused unread; reconnecting';
/** A report that would be read and stored if it were let through. */
const oversizedText = (bytes: number) => `体温 38.6 咳嗽 ${'很长的备注'.repeat(Math.ceil(bytes / 15))}`;

for (const platform of ['dingtalk-stream', 'wecom-bot'] as const) {
  describe(`long connections are as strict as HTTP (${platform})`, () => {
    let hall: Hall;
    let timers: ReturnType<typeof manualTimers>;
    let logs: ReturnType<typeof captureLog>;
    beforeEach(async () => ({ hall, timers, logs } = await openLinkedHall(platform)));
    afterEach(() => hall.close());

    /** Pushes one message frame without waiting for any answer to it. */
    const offer = (from: string, content: string) => {
      if (platform === 'wecom-bot') hall.bot.push('cb-big', { from, content });
      else hall.stream.offer(dingtalkBody({ from, content, sessionWebhook: hall.dingtalk.sessionWebhook() }, hall.clock.now().getTime()));
    };
    const reconnected = () => (platform === 'wecom-bot' ? hall.bot.connected(2) : hall.stream.connected(2));

    it('refuses a frame over 1 MiB before reading it, logs it, stores and answers nothing, and dials again', async () => {
      offer('zhangsan', oversizedText(2 * MAX_FRAME_BYTES));
      const line = await logs.logged(FRAME_REFUSED);
      expect(line).to.include({ maxBytes: MAX_FRAME_BYTES });
      await hall.deliver();
      expect(await hall.count('inbound_message')).to.equal(0);
      expect(await hall.count('report')).to.equal(0);
      expect(await hall.count('outbox')).to.equal(0);
      await logs.logged('long connection: dropped; reconnecting');
      timers.tick(PAST_BACKOFF);
      await reconnected();
      const after = await hall.send('zhangsan', '36.5');
      expect(after.reply).to.contain('36.5');
      expect(await hall.count('report')).to.equal(1);
    });

    it('answers a text over the HTTP body limit (64 KiB) clearly, acts on none of it and keeps only its opening', async () => {
      const text = oversizedText(100 * 1024);
      const { reply, status } = await hall.send('zhangsan', text);
      expect(status).to.equal(200);
      expect(reply).to.contain('消息太长').and.contain('64 KB');
      expect(await hall.count('report')).to.equal(0);
      expect(await hall.count('alert')).to.equal(0);
      const [kept] = await hall.service.db.all<{ text: string; reply: string }>('SELECT text, reply FROM inbound_message');
      expect(kept.text.length).to.be.below(300);
      expect(kept.text).to.contain('体温 38.6').and.contain('未保存全文');
      expect(kept.reply).to.contain('消息太长');
      expect(logs.lines.some((l) => l.msg === FRAME_REFUSED)).to.equal(false);
    });
  });
}

describe('the WeCom intelligent bot hears only its own callbacks', () => {
  it('ignores and logs a callback for another aibotid, then takes its own', async () => {
    const { hall, logs } = await openLinkedHall('wecom-bot');
    try {
      hall.bot.push('cb-other', { from: 'zhangsan', content: '38.6 咳嗽', aibotid: 'aibot-someone-else' });
      const line = await logs.logged('WeCom bot: a callback for another bot, ignored');
      expect(line).to.include({ reqId: 'cb-other', aibotid: 'aibot-someone-else' });
      await hall.deliver();
      expect(hall.bot.answersTo('cb-other')).to.deep.equal([]);
      expect(await hall.count('inbound_message')).to.equal(0);
      expect(await hall.count('alert')).to.equal(0);
      expect((await hall.send('zhangsan', '36.5')).reply).to.contain('36.5');
    } finally {
      await hall.close();
    }
  });
});
