import { expect } from 'chai';
import { privacyPurge } from '../../jobs/privacy-purge';
import { SimulatorHall } from '../support/simulator';

describe('retention over the simulator’s copy of what it delivered', () => {
  let hall: SimulatorHall | undefined;
  afterEach(() => hall?.close());

  it('deletes /local/feed deliveries older than the retention with the message log, and keeps the newer ones', async () => {
    hall = await SimulatorHall.open({ now: '2026-11-02T08:05:00+08:00', env: { VISITOR_RETENTION_DAYS: '28' } });
    await hall.say('张三', '体温 37.8 咳嗽');
    await hall.deliver();
    const old = await hall.feed();
    expect(old.map((d) => d.body).join('\n')).to.contain('37.8');

    hall.clock.set('2026-11-30T08:05:00+08:00');
    await hall.say('李四', '体温 37.6');
    await hall.deliver();

    const at = new Date('2026-12-01T02:30:00+08:00');
    hall.clock.set(at.toISOString());
    const purge = await hall.service.jobs.runner.fire(privacyPurge, at, { trigger: 'scheduler' });
    expect(purge.outcome).to.equal('done');
    expect(purge.detail).to.contain('模拟器收到的消息');

    const kept = await hall.feed();
    expect(kept.map((d) => d.body).join('\n')).to.not.contain('37.8');
    expect(kept.map((d) => d.body).join('\n')).to.contain('37.6');
    expect(kept.every((d) => d.seq > Math.max(...old.map((o) => o.seq)))).to.equal(true);
  });
});
