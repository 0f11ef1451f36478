import { expect } from 'chai';
import { normalise } from '../bot/normalise';

describe('normalise', () => {
  const cases: [string, string][] = [
    ['３６.８ 咳嗽', '36.8 咳嗽'],
    ['体温：36.5℃', '体温:36.5°C'],
    ['  离岗，36.4、绿码；无症状 ', '离岗 36.4 绿码 无症状'],
    ['36。5', '36.5'],
    ['３６．５', '36.5'],
    ['@HallGuard 晨检 36.5', '晨检 36.5'],
    ['@防疫助手\u3000午检\u300036.6', '午检 36.6'],
    ['体温36.5', '体温36.5'],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${JSON.stringify(input)} as ${JSON.stringify(expected)}`, () => {
      expect(normalise(input)).to.equal(expected);
    });
  }
});
