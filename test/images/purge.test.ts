import { expect } from 'chai';
import { IMAGE_KEEP_DAYS, purgeImages, saveImage } from '../../bot/images/store';
import { FakeChannel } from '../outbox/fake-channel';
import { OutboxHarness } from '../outbox/harness';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const DAY = 86_400_000;

describe('old charts are deleted', () => {
  let h: OutboxHarness;
  afterEach(() => h.close());

  it(`deletes a picture older than ${IMAGE_KEEP_DAYS} days unless a message still waiting carries it, and keeps the recent ones`, async () => {
    h = await OutboxHarness.open({ channels: (x) => [new FakeChannel(x.clock, 'robot', 20, true, 1)] });
    const now = new Date('2026-12-31T10:00:00Z');
    const at = (days: number) => new Date(now.getTime() - days * DAY);
    const [sentOld, waitingOld, recent] = await h.db.tx(async (sql) => [
      await saveImage(sql, PNG, 'daily-brief', at(IMAGE_KEEP_DAYS + 5)),
      await saveImage(sql, PNG, 'daily-brief', at(IMAGE_KEEP_DAYS + 2)),
      await saveImage(sql, PNG, 'daily-brief', at(IMAGE_KEEP_DAYS - 1)),
    ]);
    await h.db.tx(async (sql) => {
      await h.outbox.enqueueImage(sql, { channel: 'robot', target: 'leaders' }, sentOld, '走势', 'summary');
      await h.outbox.enqueueImage(sql, { channel: 'robot', target: 'leaders' }, waitingOld, '走势', 'summary');
      await sql.run(`UPDATE outbox SET status = 'sent' WHERE image_id = ?`, [sentOld]);
    });

    expect(await h.db.tx((sql) => purgeImages(sql, now))).to.equal(1);
    const left = (await h.db.all<{ id: unknown }>('SELECT id FROM outbound_image ORDER BY id')).map((r) => Number(r.id));
    expect(left).to.deep.equal([waitingOld, recent]);
  });
});
