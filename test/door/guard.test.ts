import { expect } from 'chai';
import { PERSON_COLUMNS, toPerson } from '../../bot/directory/directory';
import { importStaff } from '../../bot/directory/staff-import';
import { morningNudge } from '../../jobs/morning-nudge';
import { openTestDatabase } from '../support/db';
import { doorHall } from '../support/door';
import type { Hall } from '../support/hall';

describe('the door guard (门岗) role', () => {
  it('is read from the staff CSV role column, and a wrong role names guard among the valid ones', async () => {
    const db = await openTestDatabase();
    try {
      const ok = await importStaff(db, 'name,window,role,wecom_userid,dingtalk_userid,mobile\n钱门卫,门岗,guard,qianmw,,\n', { now: new Date() });
      expect(ok.ok, JSON.stringify(ok.errors)).to.equal(true);
      const [guard] = (await db.all(`SELECT ${PERSON_COLUMNS} FROM staff`)).map(toPerson);
      expect(guard).to.include({ name: '钱门卫', window: '门岗', role: 'guard' });
      const bad = await importStaff(db, 'name,window,role,wecom_userid,dingtalk_userid,mobile\n孙门卫,门岗,doorman,sunmw,,\n', { now: new Date() });
      expect(bad.errors[0].message).to.contain('guard');
    } finally {
      await db.close();
    }
  });

  describe('in the hall', () => {
    let hall: Hall;
    beforeEach(async () => {
      hall = await doorHall({ now: '2026-11-23T07:10:00+08:00' });
    });
    afterEach(() => hall.close());

    it('is expected like staff: nudged for a missing 晨检, not after reporting', async () => {
      const at = new Date('2026-11-23T07:30:00+08:00');
      const before = hall.mark();
      await hall.service.jobs.runner.fire(morningNudge, at, { trigger: 'scheduler' });
      await hall.deliver();
      expect(hall.deliveredSince(before).direct.map((d) => d.to)).to.include('qianmw');
      await hall.send('qianmw', '晨检 36.4');
      const again = hall.mark();
      await hall.service.jobs.runner.fire(morningNudge, at, { trigger: 'scheduler', force: true });
      await hall.deliver();
      expect(hall.deliveredSince(again).direct.map((d) => d.to)).to.not.include('qianmw');
    });

    it('shows as 门岗 in the statistics of its window', async () => {
      await hall.send('qianmw', '晨检 36.4');
      const stats = await hall.send('wangwu', '今日统计');
      expect(stats.reply).to.contain('门岗：晨检 1/1');
    });
  });
});
