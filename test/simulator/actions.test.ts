import { expect } from 'chai';
import { SimulatorHall } from '../support/simulator';

/** Issue 26 item 7: the simulator shows the buttons and takes a tap the way a typed command goes; voice is marked voice. */
describe('local simulator: buttons and voice', () => {
  let hall: SimulatorHall;
  beforeEach(async () => (hall = await SimulatorHall.open()));
  afterEach(() => hall.close());

  it('shows a critical alert in the group with 已处置 and 查看, and a tap acts as the command typed by the person who taps', async () => {
    await hall.say('张三', '体温 38.6');
    await hall.deliver();
    const alert = (await hall.feed()).find((d) => d.to === 'leaders' && d.body.includes('#1'))!;
    expect(alert.actions).to.deep.equal([
      { label: '已处置', command: '处置 1 已按预案处置', done: '已处置' },
      { label: '查看', command: '应急 1' },
    ]);
    // The typed commands are still in the text.
    expect(alert.body).to.contain('处置 1');
    const [settle, view] = alert.actions!;
    expect(await hall.say('赵六', settle.command)).to.contain('不在');
    expect(await hall.say('王五', view.command)).to.contain('应急处置 #1');
    expect(await hall.say('王五', settle.command)).to.contain('#1');
    const [row] = await hall.service.db.all<{ status: string }>('SELECT status FROM alert WHERE id = 1');
    expect(row.status).to.not.equal('open');
  });

  it('takes a message sent as voice as its recognised text and says what it understood', async () => {
    const answer = await hall.post('/local/message', { userId: await hall.idOf('张三'), text: '晨检三十六度五 绿码', voice: true });
    const { reply } = answer.json<{ reply: string }>();
    expect(reply).to.match(/^（语音）/);
    expect(reply).to.contain('晨检 36.5 绿码').and.contain('36.5℃');
  });
});
