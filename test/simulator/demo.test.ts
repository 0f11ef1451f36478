import { expect } from 'chai';
import { SimulatorHall } from '../support/simulator';

describe('local simulator: the demonstration hall', function () {
  // Loading sends a week of the hall's messages through the real dispatch: seconds on PostgreSQL on a busy machine.
  this.timeout(60_000);
  let hall: SimulatorHall | undefined;
  afterEach(() => hall?.close());

  it('loads into an empty directory, and its people can talk at once', async () => {
    hall = await SimulatorHall.open({ people: [] });
    expect((await hall.request('GET', '/local/people')).json()).to.deep.equal([]);
    // The directory cache has seen the empty directory: loading must refresh it.
    await hall.post('/local/message', { userId: '1', text: '帮助' });

    const answer = await hall.post('/local/demo');
    expect(answer.status).to.equal(200);
    const loaded = answer.json<{ alreadyLoaded: boolean; people: number }>();
    expect(loaded.alreadyLoaded).to.equal(false);
    expect(loaded.people).to.be.greaterThan(0);

    const people = (await hall.request('GET', '/local/people')).json<{ id: number; name: string }[]>();
    expect(people).to.have.length.greaterThan(0);
    const reply = (await hall.post('/local/message', { userId: String(people[0].id), text: '帮助' })).json<{ reply: string }>().reply;
    expect(reply).to.contain(people[0].name);
  });

  it('says so when the demonstration hall is already loaded', async () => {
    hall = await SimulatorHall.open({ people: [] });
    await hall.post('/local/demo');
    const again = await hall.post('/local/demo');
    expect(again.status).to.equal(200);
    expect(again.json<{ alreadyLoaded: boolean }>().alreadyLoaded).to.equal(true);
  });

  it('answers 409 with the reason when the database holds a real directory, and changes nothing', async () => {
    hall = await SimulatorHall.open();
    const before = (await hall.request('GET', '/local/people')).text;
    const answer = await hall.post('/local/demo');
    expect(answer.status).to.equal(409);
    expect(answer.json<{ error: string }>().error).to.match(/[\u4e00-\u9fff]/);
    expect((await hall.request('GET', '/local/people')).text).to.equal(before);
  });
});
