import { expect } from 'chai';
import { SCREENFUL } from '../../bot/dashboard/names';
import { signedIn, testIdText } from '../support/dashboard';
import { Hall, PEOPLE } from '../support/hall';

/** Twenty people of 3号窗口, none of whom has reported (names without digits). */
const CROWD = Array.from({ length: 20 }, (_, i) => ({ name: `三窗${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑'[Math.floor(i / 10)]}`, window: '3号窗口', role: 'staff', wecomUserId: `crowd${i}` }));

/** Issue 24: a city-size hall's home page stays phone-sized; the names it only counts are a click away. */
describe('dashboard: who is missing, a screenful at a time', () => {
  let hall: Hall;
  afterEach(() => hall?.close());

  it('names a screenful of a window still missing, counts the rest, and links to the full list', async () => {
    hall = await Hall.open({ people: [...PEOPLE, ...CROWD] });
    const { visitor, page } = await signedIn(hall, 'wangwu');
    const row = /<tr class="missing"><td colspan="5">晨检未报：(三窗[^<]*)<a href="([^"]+)"/.exec(page);
    expect(row, 'the 3号窗口 line').to.not.equal(null);
    expect(row![1].split(' 等 ')[0].split('、')).to.have.length(SCREENFUL);
    expect(row![1]).to.contain('等 20 人');

    const full = await visitor.request(row![2].replace(/&amp;/g, '&'));
    expect(full.status).to.equal(200);
    expect(Number(testIdText(full.body, 'missing-total'))).to.be.at.least(CROWD.length);
    for (const person of CROWD) expect(full.body).to.contain(person.name);
  });

  it('shows a lead only their own window in the full list', async () => {
    hall = await Hall.open({ people: [...PEOPLE, ...CROWD] });
    const { visitor } = await signedIn(hall, 'lisi');
    const own = await visitor.request('/dashboard/missing?what=slot');
    expect(own.status).to.equal(200);
    expect(own.body).to.contain('赵六').and.not.contain('三窗');
    expect((await visitor.request(`/dashboard/missing?what=slot&window=${encodeURIComponent('3号窗口')}`)).status).to.equal(403);
  });
});
