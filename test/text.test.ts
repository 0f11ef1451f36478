import { expect } from 'chai';
import { combinedInstruction } from '../bot/alerts/instruction';
import { DOOR_INSTRUCTION } from '../bot/door/evaluate';
import { duration } from '../bot/text';

describe('durations as people read them (SPEC §11)', () => {
  it('says Z分钟 under an hour, Y小时Z分钟 under a day, X天Y小时 beyond', () => {
    const cases: [number, string][] = [
      [0, '0分钟'],
      [5, '5分钟'],
      [59, '59分钟'],
      [60, '1小时0分钟'],
      [75, '1小时15分钟'],
      [1439, '23小时59分钟'],
      [1440, '1天0小时'],
      [8175, '5天16小时'],
      [8190, '5天16小时'],
    ];
    for (const [minutes, text] of cases) expect(duration(minutes), String(minutes)).to.equal(text);
  });

  it('never reads negative or fractional', () => {
    expect(duration(-3)).to.equal('0分钟');
    expect(duration(89.6)).to.equal('1小时30分钟');
  });
});

describe('a plan’s instruction for several findings', () => {
  it('says each action once, in the order first given', () => {
    expect(combinedInstruction([DOOR_INSTRUCTION['high-fever'], DOOR_INSTRUCTION.symptoms])).to.equal('暂停进入，劝至隔离区，复测，拨打120，启动应急处置流程');
    expect(combinedInstruction([DOOR_INSTRUCTION['red-code'], DOOR_INSTRUCTION.fever])).to.equal('暂停进入，劝至隔离区，启动应急处置流程，复测');
  });

  it('reads an instruction stored before, with its repeats, as said once', () => {
    expect(combinedInstruction(['暂停进入，劝至隔离区，复测；拨打120，启动应急处置流程；暂停进入，劝至隔离区，复测'])).to.equal('暂停进入，劝至隔离区，复测，拨打120，启动应急处置流程');
    expect(combinedInstruction([null, ''])).to.equal('');
  });
});
