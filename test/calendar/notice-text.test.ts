import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { NoticeError, noticeDays } from '../../bot/calendar/notice';
import { parseNoticeText } from '../../bot/calendar/notice-text';

const fixture = (year: number) => readFileSync(new URL(`../fixtures/calendar/notice-${year}.txt`, import.meta.url), 'utf8');

/** The package's days of a notice: its days off and make-up workdays (a 元旦 range may begin the December before). */
function packageDays(year: number, from = `${year}-01-01`) {
  const pick = (dates: Record<string, string>) => Object.keys(dates).filter((d) => d >= from && d <= `${year}-12-31`).sort();
  return { holiday: pick(data.holidays), workday: pick(data.workdays) };
}

function readDays(text: string, year?: number) {
  const days = noticeDays(parseNoticeText(text, year));
  return { holiday: days.filter((d) => d.kind === 'holiday').map((d) => d.date), workday: days.filter((d) => d.kind === 'workday').map((d) => d.date) };
}

/** What refusing a text says; fails when it is taken. */
function refusal(text: string): string {
  try {
    readDays(text);
  } catch (err) {
    expect(err).to.be.instanceOf(NoticeError);
    return (err as Error).message;
  }
  throw new Error('the notice was taken');
}

describe('reading the State Council notice', () => {
  for (const year of [2025, 2026]) {
    it(`reads the ${year} notice as published into exactly the package's data for ${year}`, () => {
      expect(readDays(fixture(year))).to.deep.equal(packageDays(year));
    });
  }

  it('reads older wording: 星期, 与周末连休, and an advice sentence that changes no date (2024)', () => {
    expect(readDays(fixture(2024))).to.deep.equal(packageDays(2024));
    expect(parseNoticeText(fixture(2024)).notes.join()).to.contain('除夕（2月9日）休息'.normalize('NFKC'));
  });

  it('reads a 元旦 that begins in the December before (2023)', () => {
    expect(readDays(fixture(2023))).to.deep.equal(packageDays(2023, '2022-12-31'));
  });

  it('reads half-width punctuation, a text pasted as one line, and 补休', () => {
    const half = fixture(2026).replace(/：/g, ':').replace(/，/g, ',').replace(/（/g, '(').replace(/）/g, ')');
    expect(readDays(half)).to.deep.equal(packageDays(2026));
    expect(readDays(fixture(2026).replace(/\n(?=[一二三四五六七]、)/g, ''))).to.deep.equal(packageDays(2026));
    const makeUp = fixture(2026).replace(/一、元旦：.*\n/, '一、元旦：1月1日放假，1月2日（星期五）补休。\n');
    expect(readDays(makeUp).holiday.slice(0, 3)).to.deep.equal(['2026-01-01', '2026-01-02', '2026-02-15']);
  });

  it('takes the year from --year when the title was not copied, and refuses a text whose year it cannot tell', () => {
    const body = fixture(2026).split('\n').filter((l) => /^[一二三四五六七]、/.test(l)).join('\n');
    expect(readDays(body, 2026)).to.deep.equal(packageDays(2026));
    expect(refusal(body)).to.contain('--year');
  });

  it('refuses a stated weekday that is not the date’s, naming the line', () => {
    const message = refusal(fixture(2026).replace('1月4日（周日）上班', '1月4日（周一）上班'));
    expect(message).to.contain('第6行').and.contain('2026-01-04').and.contain('周一');
  });

  it('refuses a line it cannot read, naming it', () => {
    expect(refusal(fixture(2026).replace('共7天。9月20日', '共7天。另行通知。9月20日'))).to.contain('第12行').and.contain('另行通知');
    expect(refusal(fixture(2026).replace('国务院办公厅\n', '另：12月31日下午提前下班。\n'))).to.contain('12月31日');
  });

  it('refuses a holiday the law does not know', () => {
    expect(refusal(fixture(2026).replace('七、国庆节：', '七、国庆节、植树节：'))).to.contain('植树节');
    expect(refusal(`${fixture(2026)}\n八、植树节：3月12日（周四）放假，共1天。`)).to.contain('植树节');
  });

  it('refuses a notice missing a festival, a wrong day count, an impossible date and a range in the wrong year', () => {
    expect(refusal(fixture(2026).replace(/七、国庆节：.*\n/, ''))).to.contain('国庆节');
    expect(refusal(fixture(2026).replace('放假调休，共9天', '放假调休，共8天'))).to.contain('共8天');
    expect(refusal(fixture(2026).replace('6月19日（周五）至21日（周日）', '6月31日至21日'))).to.contain('6月31日');
    expect(refusal(fixture(2026).replace(/2026年/g, '2027年'))).to.match(/周|星期/);
  });
});
