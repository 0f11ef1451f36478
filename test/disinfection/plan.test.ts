import { expect } from 'chai';
import { loadConfig } from '../../bot/config';
import { roundAt, roundCrons } from '../../bot/disinfection/plan';

describe('the disinfection plan (DISINFECTION_AREAS, DISINFECTION_ROUNDS)', () => {
  it('defaults to the plan’s five areas, the public area also called 大厅 or 大堂, and three rounds', () => {
    expect(loadConfig({}).disinfection).to.deep.equal({
      areas: ['公共区域', '税务区', '网办区', '休息区', '自助服务区'],
      aliases: { 公共区域: ['大厅', '大堂'] },
      rounds: ['08:00', '12:00', '17:30'],
    });
  });

  it('reads areas split by full- or half-width commas or 、, and rounds in any order, padded', () => {
    const { disinfection } = loadConfig({ DISINFECTION_AREAS: '大厅，卫生间、电梯', DISINFECTION_ROUNDS: '14:30, 9:00' });
    expect(disinfection).to.deep.equal({ areas: ['大厅', '卫生间', '电梯'], aliases: {}, rounds: ['09:00', '14:30'] });
  });

  it('reads the other names of an area in brackets, half or full width, split by | ｜ / or 、', () => {
    const { disinfection } = loadConfig({ DISINFECTION_AREAS: '公共区域(大厅|大堂),便民服务区（便民区、服务台）,税务区' });
    expect(disinfection.areas).to.deep.equal(['公共区域', '便民服务区', '税务区']);
    expect(disinfection.aliases).to.deep.equal({ 公共区域: ['大厅', '大堂'], 便民服务区: ['便民区', '服务台'] });
  });

  for (const [name, value, problem] of [
    ['DISINFECTION_ROUNDS', '8点,12点', /"8点" is not a time of day as HH:MM/],
    ['DISINFECTION_ROUNDS', '08:00,24:00', /"24:00" is not a time of day/],
    ['DISINFECTION_ROUNDS', '08:00,23:30', /would fall on the next day; rounds end by 23:14/],
    ['DISINFECTION_ROUNDS', '08:00,8:00', /listed twice/],
    ['DISINFECTION_AREAS', '税务区,税务区', /"税务区" is listed twice/],
    ['DISINFECTION_AREAS', '1号厅,大厅', /starts with a number/],
    ['DISINFECTION_AREAS', '大厅,全部', /"全部" is a command word/],
  ] as const) {
    it(`stops the start naming ${name} when it is ${value}`, () => {
      expect(() => loadConfig({ [name]: value })).to.throw(new RegExp(`${name}: .*${problem.source}.*\\(got "${value}"\\)`));
    });
  }

  for (const [value, problem] of [
    ['公共区域(大厅),大厅', '"大厅" is listed twice'],
    ['公共区域(大厅|2楼)', '"2楼" starts with a number'],
    ['公共区域(大厅', 'opens a bracket it does not close'],
    ['公共区域(),税务区', 'has empty brackets'],
    ['公共区域(大厅)楼,税务区', 'is not an area with aliases'],
  ]) {
    it(`stops the start naming DISINFECTION_AREAS when its aliases are written ${value}`, () => {
      const start = () => loadConfig({ DISINFECTION_AREAS: value });
      expect(start).to.throw(`(got "${value}")`);
      expect(start).to.throw(problem);
    });
  }

  it('puts a time into the latest round begun, or the first before it', () => {
    const rounds = ['08:00', '12:00', '17:30'];
    expect([7 * 60, 8 * 60, 11 * 60 + 59, 12 * 60, 23 * 60].map((m) => roundAt(rounds, m))).to.deep.equal(['08:00', '08:00', '08:00', '12:00', '17:30']);
  });

  it('makes one cron expression per distinct minute', () => {
    expect(roundCrons(['08:00', '12:00', '17:30'])).to.deep.equal(['0 8,12 * * *', '30 17 * * *']);
    expect(roundCrons(['08:00', '12:00', '17:30'], 45)).to.deep.equal(['45 8,12 * * *', '15 18 * * *']);
  });
});
