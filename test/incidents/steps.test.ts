import { expect } from 'chai';
import { loadConfig } from '../../bot/config';
import { parseDueMinutes, stepNamed } from '../../bot/incidents/steps';

describe('the emergency procedure’s steps', () => {
  it('names each step by its short name, its heading or its number', () => {
    expect(stepNamed('隔离')?.no).to.equal(2);
    expect(stepNamed('迅速隔离')?.no).to.equal(2);
    expect(stepNamed('7')?.name).to.equal('善后');
    expect(stepNamed('开会')).to.equal(undefined);
  });

  it('reads PROCEDURE_DUE_MINUTES over the plan’s defaults', () => {
    expect(parseDueMinutes('')).to.deep.equal({ 隔离: 15, 送医: 60, 上报: 120, 消杀: 120, 排查: 240, 善后: 1440 });
    expect(parseDueMinutes('隔离=10, 送医=45')).to.include({ 隔离: 10, 送医: 45, 排查: 240 });
    expect(loadConfig({ PROCEDURE_DUE_MINUTES: '排查=180' }).procedureDueMinutes.排查).to.equal(180);
  });

  it('stops the start with a message naming the variable when PROCEDURE_DUE_MINUTES is malformed', () => {
    for (const bad of ['隔离=0', '开会=15', '隔离15']) {
      expect(() => loadConfig({ PROCEDURE_DUE_MINUTES: bad }), bad).to.throw(/PROCEDURE_DUE_MINUTES/);
    }
  });
});
