import { expect } from 'chai';
import { parseRosterDate } from '../../../handlers/rosters/dates';

describe('roster dates', () => {
  const today = '2026-11-23'; // a Monday
  const cases: [string, string][] = [
    ['2026-11-24 张三', '2026-11-24'],
    ['2026/11/24', '2026-11-24'],
    ['11月24日 张三', '2026-11-24'],
    ['11月24号', '2026-11-24'],
    ['11-24', '2026-11-24'],
    ['明天', '2026-11-24'],
    ['后天', '2026-11-25'],
    ['下周一', '2026-11-30'],
    ['下周五', '2026-12-04'],
    ['下星期日', '2026-12-06'],
    ['2026年11月24日 张三', '2026-11-24'],
    ['2026年12月8日', '2026-12-08'],
    ['11/24', '2026-11-24'],
    ['11.24 张三', '2026-11-24'],
    ['周三', '2026-11-25'],
    ['星期一', '2026-11-30'],
    ['本周五', '2026-11-27'],
  ];
  for (const [text, date] of cases) it(`reads "${text}" as ${date}`, () => expect(parseRosterDate(text, today)?.date).to.equal(date));

  it('takes the year that puts the date nearest today', () => {
    expect(parseRosterDate('1月3日', '2026-12-28')?.date).to.equal('2027-01-03');
    expect(parseRosterDate('12月30日', '2027-01-02')?.date).to.equal('2026-12-30');
  });

  it('says how much of the text the date took', () => {
    expect(parseRosterDate('11月24日 张三', today)?.length).to.equal(6);
  });

  it('refuses what is not a date', () => {
    expect(parseRosterDate('2026-02-30', today)).to.equal(null);
    expect(parseRosterDate('张三', today)).to.equal(null);
    expect(parseRosterDate('13月1日', today)).to.equal(null);
  });
});
