import { expect } from 'chai';
import { renderTrendChart } from '../../bot/brief/chart';
import { pngSize } from '../support/png';

const DATES = Array.from({ length: 14 }, (_, i) => `2026-11-${String(10 + i).padStart(2, '0')}`);
const SERIES = [
  { name: '体温上报', kind: 'bar' as const, values: DATES.map((_, i) => 300 + i) },
  { name: '异常', kind: 'line' as const, values: DATES.map((_, i) => i % 3) },
];
const draw = (title: string, series = SERIES) => renderTrendChart({ title, dates: DATES, series });

describe('the daily brief’s chart, drawn on the server', function () {
  // The first drawing loads ECharts, resvg and the font.
  this.timeout(60_000);

  it('is a PNG of 1000×560 well under the 2 MB the group robot takes', async () => {
    const png = await draw('近 14 天防疫数据走势');
    expect(pngSize(png)).to.deep.equal({ width: 1000, height: 560 });
    expect(png.length).to.be.below(2 * 1024 * 1024);
  });

  it('draws Chinese text with the font it ships: a title changes the picture, and another title changes it again', async () => {
    const empty = await draw('');
    const near = await draw('近 14 天防疫数据走势');
    const far = await draw('远 14 天防疫数据走势');
    expect(near.equals(empty), 'a Chinese title left the picture unchanged').to.equal(false);
    // A missing glyph draws nothing (or the same box) whatever the character: two characters drawn apart prove real glyphs.
    expect(near.equals(far), '近 and 远 drew the same').to.equal(false);
  });

  it('draws the same data the same way (deterministic, no system font involved)', async () => {
    expect((await draw('门岗检查')).equals(await draw('门岗检查'))).to.equal(true);
  });

  it('draws a chart with no data at all', async () => {
    const png = await draw('近 14 天防疫数据走势', [{ name: '体温上报', kind: 'bar', values: DATES.map(() => 0) }]);
    expect(pngSize(png)).to.deep.equal({ width: 1000, height: 560 });
  });
});
