import { expect } from 'chai';
import type { Person } from '../../bot/directory/person';
import { UserError } from '../../bot/errors';
import { scopeOf as dashboardScope } from '../../bot/dashboard/access';
import { can, chatScope, inScope, peopleOfHall, scopeLabel, scopeOf, where } from '../../bot/scope/scope';

const person = (over: Partial<Person>): Person => ({
  id: 1,
  name: '张三',
  window: '1号窗口',
  role: 'staff',
  hall: '',
  wecomUserId: 'zhangsan',
  dingtalkUserId: null,
  mobile: null,
  active: true,
  lastPlatform: null,
  ...over,
});

describe('scope: who may see what (one owner, DESIGN-NEXT §1)', () => {
  describe('in a single-hall deployment, as before halls', () => {
    it('limits a lead to their own window and refuses another one', () => {
      const lead = { person: person({ role: 'lead' }) };
      expect(scopeOf(lead)).to.deep.equal({ hall: '', window: '1号窗口' });
      expect(scopeOf(lead, { window: '1号窗口' })).to.deep.equal({ hall: '', window: '1号窗口' });
      expect(scopeOf(lead, { window: '2号窗口' })).to.equal('forbidden');
    });

    it('gives a lead without a window nothing, never everyone without a window', () => {
      expect(scopeOf({ person: person({ role: 'lead', window: '' }) })).to.equal('no-window');
      expect(() => chatScope(person({ role: 'lead', window: '' }))).to.throw(UserError);
    });

    it('gives leaders, administrators and the operator the whole hall, or the window they pick', () => {
      for (const role of ['leader', 'admin'] as const) {
        expect(scopeOf({ person: person({ role, window: '' }) })).to.deep.equal({});
        expect(scopeOf({ person: person({ role }) }, { window: '2号窗口' })).to.deep.equal({ window: '2号窗口' });
      }
      expect(scopeOf({ operator: {} })).to.deep.equal({});
      expect(scopeOf({ operator: {} }, { window: '2号窗口' })).to.deep.equal({ window: '2号窗口' });
    });

    it('names the scope as replies did: the window, or 全大厅', () => {
      expect(scopeLabel(chatScope(person({ role: 'lead' })))).to.equal('1号窗口');
      expect(scopeLabel(chatScope(person({ role: 'leader' })))).to.equal('全大厅');
    });
  });

  describe('with halls (SPEC §15)', () => {
    it('keeps a hall’s lead and leader within their hall; a leader without a hall leads every hall', () => {
      expect(scopeOf({ person: person({ role: 'lead', hall: 'xc' }) })).to.deep.equal({ hall: 'xc', window: '1号窗口' });
      expect(scopeOf({ person: person({ role: 'leader', hall: 'xc' }) })).to.deep.equal({ hall: 'xc' });
      expect(scopeOf({ person: person({ role: 'leader', hall: 'xc' }) }, { window: '2号窗口' })).to.deep.equal({ hall: 'xc', window: '2号窗口' });
      expect(scopeOf({ job: { hall: 'dc' } })).to.deep.equal({ hall: 'dc' });
    });

    it('tells whether a row is within a scope', () => {
      const row = { hall: 'xc', window: '1号窗口' };
      expect([{}, { hall: 'xc' }, { hall: 'xc', window: '1号窗口' }].map((s) => inScope(s, row))).to.deep.equal([true, true, true]);
      expect([{ hall: 'dc' }, { hall: 'xc', window: '2号窗口' }, { hall: '' }].map((s) => inScope(s, row))).to.deep.equal([false, false, false]);
    });

    it('gives the people of the scope’s hall, everyone for every hall', () => {
      const people = [person({ id: 1, hall: 'xc' }), person({ id: 2, hall: 'dc' }), person({ id: 3, hall: '' })];
      expect(peopleOfHall({}, people).map((p) => p.id)).to.deep.equal([1, 2, 3]);
      expect(peopleOfHall({ hall: 'xc' }, people).map((p) => p.id)).to.deep.equal([1]);
      expect(peopleOfHall({ hall: '' }, people).map((p) => p.id)).to.deep.equal([3]);
    });

    it('gives the dashboard a hall leader’s hall, and a city leader and the operator every hall', () => {
      expect(dashboardScope({ kind: 'person', person: person({ role: 'leader', hall: 'xc' }), session: null }, undefined)).to.deep.equal({ hall: 'xc', window: null, outbox: true });
      expect(dashboardScope({ kind: 'person', person: person({ role: 'leader' }), session: null }, '2号窗口')).to.deep.equal({ window: '2号窗口', outbox: true });
      expect(dashboardScope({ kind: 'person', person: person({ role: 'lead' }), session: null }, undefined)).to.deep.equal({ hall: '', window: '1号窗口', outbox: false });
      expect(dashboardScope({ kind: 'operator', session: null }, undefined)).to.deep.equal({ window: null, outbox: true });
    });

    it('writes the SQL condition of a scope, nothing for every hall, the default hall as hall = ""', () => {
      const columns = { hall: 's.hall', window: 's.window_name' };
      expect(where({}, columns)).to.deep.equal({ sql: '', params: [] });
      expect(where({ hall: '' }, columns)).to.deep.equal({ sql: ' AND s.hall = ?', params: [''] });
      expect(where({ hall: 'xc', window: '1号窗口' }, columns)).to.deep.equal({ sql: ' AND s.hall = ? AND s.window_name = ?', params: ['xc', '1号窗口'] });
    });
  });

  it('lets only named leaders and administrators acknowledge, and keeps leads off the hall-wide panels', () => {
    expect(['staff', 'lead', 'leader', 'admin', 'guard'].map((role) => can({ person: person({ role: role as Person['role'] }) }, 'acknowledge'))).to.deep.equal([false, false, true, true, false]);
    expect(can({ operator: {} }, 'acknowledge')).to.equal(false);
    expect([can({ person: person({ role: 'lead' }) }, 'see-outbox'), can({ person: person({ role: 'leader' }) }, 'see-outbox'), can({ operator: {} }, 'see-incidents')]).to.deep.equal([false, true, true]);
  });
});
