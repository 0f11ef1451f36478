import { expect } from 'chai';
import type { ImageMessage, ImageSource } from '../../bot/images/message';
import type { Clock } from '../../bot/time';
import { FakeChannel, groupRobot } from './fake-channel';
import { OutboxHarness } from './harness';

/** A group robot that takes pictures: records each image message it sends. */
class PictureRobot extends FakeChannel {
  readonly images: { target: string; image: ImageMessage }[] = [];
  /** What went, in order: `text` or `image`. */
  readonly order: string[] = [];
  constructor(clock: Clock) {
    super(clock, 'robot', 20, true, 1);
  }
  async send(targets: string[], body: string): Promise<{ retryTargets?: string[] }> {
    this.order.push('text');
    return super.send(targets, body);
  }
  async sendImage(target: string, image: ImageMessage): Promise<void> {
    this.order.push('image');
    this.images.push({ target, image });
  }
}

const PNG = Buffer.from('89504e470d0a1a0a', 'hex');
/** Image 7 exists; any other does not. */
const images: ImageSource = async (id, caption) => (id === 7 ? { id, png: PNG, md5: 'md5-of-7', url: `https://hall.example/images/${id}.png?sig=x`, caption } : undefined);

describe('outbox image messages', () => {
  let h: OutboxHarness;
  afterEach(() => h.close());

  const enqueueImage = (imageId: number, caption = '近 14 天走势') => h.db.tx((sql) => h.outbox.enqueueImage(sql, { channel: 'robot', target: 'leaders' }, imageId, caption, 'summary'));

  it('sends the picture in the channel’s image format, after the text queued before it', async () => {
    h = await OutboxHarness.open({ channels: (x) => [new PictureRobot(x.clock)] });
    const robot = h.channels[0] as PictureRobot;
    await h.enqueue('robot', 'leaders', '【每日研判简报】', 'summary');
    await enqueueImage(7);
    expect(await h.dispatcher({ images }).runOnce()).to.deep.equal({ sent: 2, retried: 0, failed: 0 });
    expect(robot.bodies()).to.deep.equal(['【每日研判简报】']);
    expect(robot.order).to.deep.equal(['text', 'image']);
    expect(robot.images.map((i) => [i.target, i.image.caption, i.image.md5])).to.deep.equal([['leaders', '近 14 天走势', 'md5-of-7']]);
  });

  it('sends its caption and link as text where the channel has no image format', async () => {
    h = await OutboxHarness.open({ channels: (x) => [groupRobot(x.clock)] });
    await enqueueImage(7);
    await h.dispatcher({ images }).runOnce();
    expect(h.channels[0].bodies()).to.deep.equal(['近 14 天走势\nhttps://hall.example/images/7.png?sig=x']);
  });

  it('never merges a picture into a backlog over the rate limit: it goes after the merged texts', async () => {
    h = await OutboxHarness.open({ channels: (x) => [new PictureRobot(x.clock)] });
    const robot = h.channels[0] as PictureRobot;
    for (let i = 1; i <= 25; i++) await h.enqueue('robot', 'leaders', `告警 ${i}`);
    await enqueueImage(7);
    expect((await h.dispatcher({ images }).runOnce()).sent).to.equal(2);
    expect(robot.bodies()).to.have.length(1);
    expect(robot.bodies()[0]).to.contain('以下为合并推送的 25 条消息').and.contain('告警 25');
    expect(robot.images.map((i) => i.image.caption)).to.deep.equal(['近 14 天走势']);
    expect(robot.order).to.deep.equal(['text', 'image']);
  });

  it('keeps a message whose picture is gone as failed, with its error', async () => {
    h = await OutboxHarness.open({ channels: (x) => [new PictureRobot(x.clock)] });
    await enqueueImage(8);
    expect(await h.dispatcher({ images }).runOnce()).to.deep.equal({ sent: 0, retried: 0, failed: 1 });
    expect((await h.rows())[0]).to.include({ status: 'failed' }).and.satisfy((r: { lastError: string }) => r.lastError.includes('image 8'));
  });
});
