import { expect } from 'chai';
import { chineseInteger } from '../../bot/numerals';
import { parseAmount } from '../../bot/supplies/amount';

describe('quantities as a hall writes them', () => {
  const numerals: [string, number][] = [
    ['两', 2], ['十', 10], ['十二', 12], ['二十四', 24], ['一百', 100], ['一百零五', 105], ['一百一十', 110], ['三百五十', 350], ['三百五', 350],
    ['两千', 2000], ['一千二', 1200], ['一千零二十', 1020], ['一万', 10000], ['两万三', 23000], ['一万零五百', 10500], ['十万', 100000], ['一百万', 1000000],
    ['零', 0], ['壹佰', 100], ['2千', 2000], ['3万', 30000],
  ];
  for (const [text, value] of numerals) it(`reads ${text} as ${value}`, () => expect(chineseInteger(text)).to.equal(value));

  for (const text of ['百', '万', '二二', '十十', '一百十', '千百', '']) it(`reads no number in ${JSON.stringify(text)}`, () => expect(chineseInteger(text)).to.equal(undefined));

  const amounts: [string, object][] = [
    ['口罩 两箱', { item: '口罩', quantity: 2, unit: '箱' }],
    ['口罩两千五百个', { item: '口罩', quantity: 2500, unit: '个' }],
    ['一次性手套 十副', { item: '一次性手套', quantity: 10, unit: '副' }],
    ['万用表 两台', { item: '万用表', quantity: 2, unit: '台' }],
    ['三层口罩 两包', { item: '三层口罩', quantity: 2, unit: '包' }],
    ['N95口罩 100', { item: 'N95口罩', quantity: 100, unit: undefined }],
    ['口罩 500 个', { item: '口罩', quantity: 500, unit: '个' }],
    ['口罩5 个', { item: '口罩', quantity: 5, unit: '个' }],
    ['口罩 1e308', { problem: 'quantity', text: '1e308' }],
    ['口罩 0x7', { problem: 'quantity', text: '0x7' }],
    ['口罩 0b1010', { problem: 'quantity', text: '0b1010' }],
    ['口罩 2.5', { problem: 'quantity', text: '2.5' }],
    ['口罩 -3', { problem: 'quantity', text: '-3' }],
    ['口罩 10000000', { problem: 'quantity', text: '10000000' }],
    ['口罩 00000000000000000005', { problem: 'quantity', text: '00000000000000000005' }],
    ['口罩 5 吨', { problem: 'unit', text: '吨' }],
    ['口罩 很多', { problem: 'quantity', text: '很多' }],
    ['口罩', { problem: 'usage' }],
  ];
  for (const [text, expected] of amounts) it(`reads ${JSON.stringify(text)}`, () => expect(parseAmount(text, 1)).to.deep.equal(expected));

  it('reads a text of thousands of numerals at the cost of a short one, refusing it', () => {
    expect(parseAmount(`口罩 ${'一'.repeat(20_000)}`, 1)).to.have.property('problem', 'quantity');
    expect(parseAmount(`口罩 ${'九'.repeat(20_000)}个`, 1)).to.have.property('problem', 'quantity');
  });
});
