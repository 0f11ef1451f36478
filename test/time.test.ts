import { expect } from 'chai';
import { addDays, localClock, localIso, localTime, localWhen, zonedInstant } from '../bot/time';

describe('hall-local time', () => {
  it('reads an instant as the Shanghai calendar date, whatever the server zone', () => {
    const t = localTime(new Date('2026-11-22T17:30:00Z'), 'Asia/Shanghai');
    expect(t).to.include({ date: '2026-11-23', hour: 1, minute: 30, weekday: 1, offsetMinutes: 480 });
  });

  it('writes ISO 8601 with the hall offset', () => {
    expect(localIso(new Date('2026-11-23T00:01:02Z'), 'Asia/Shanghai')).to.equal('2026-11-23T08:01:02+08:00');
    expect(localIso(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).to.equal('2026-07-01T08:00:00-04:00');
    expect(localClock(new Date('2026-11-23T00:01:02Z'), 'Asia/Shanghai')).to.equal('08:01');
  });

  it('says a time alone for today and a date with the time for any other day, by the local date', () => {
    expect(localWhen(new Date('2026-11-23T00:01:00Z'), '2026-11-23', 'Asia/Shanghai')).to.equal('08:01');
    expect(localWhen(new Date('2026-11-22T15:59:00Z'), '2026-11-23', 'Asia/Shanghai')).to.equal('11月22日 23:59');
    expect(localWhen(new Date('2026-11-22T16:00:00Z'), '2026-11-23', 'Asia/Shanghai')).to.equal('00:00');
  });

  it('finds the instant of a local wall-clock time', () => {
    expect(zonedInstant('2026-11-23', 7, 30, 'Asia/Shanghai').toISOString()).to.equal('2026-11-22T23:30:00.000Z');
    expect(zonedInstant('2026-07-01', 8, 0, 'America/New_York').toISOString()).to.equal('2026-07-01T12:00:00.000Z');
  });

  it('follows a daylight-saving change to the minute', () => {
    expect(localIso(new Date('2026-03-08T06:59:00Z'), 'America/New_York')).to.equal('2026-03-08T01:59:00-05:00');
    expect(localIso(new Date('2026-03-08T07:00:00Z'), 'America/New_York')).to.equal('2026-03-08T03:00:00-04:00');
    expect(localIso(new Date('2026-03-08T06:59:00Z'), 'America/New_York')).to.equal('2026-03-08T01:59:00-05:00');
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2026-11-30', 1)).to.equal('2026-12-01');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
  });
});
