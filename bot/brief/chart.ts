import { CHART_FONT_FAMILY, svgToPng } from '../images/png';
import type { ChartSeries } from './section';

const WIDTH = 1000;
const HEIGHT = 560;
/** Counts in blues and greens; anomalies (lines) in warm colours, whatever order the providers come in; a reference line grey. */
const BAR_COLORS = ['#5470c6', '#3ba272', '#73c0de', '#91cc75'];
const LINE_COLORS = ['#ee6666', '#fc8452', '#fac858'];
const REFERENCE_COLOR = '#9aa3ad';

/** ECharts, loaded on the first chart (a service that never draws one never loads it), then kept. */
let echartsModule: Promise<typeof import('echarts')> | undefined;

/**
 * The brief's chart as a PNG: counts per day on one axis — bars (people who
 * reported, door checks), lines (anomalies), a dashed reference line (people
 * expected) — each series named with its unit and each point labelled, so
 * that a point reads as what the text above the chart says. Drawn by
 * ECharts' server-side SVG renderer, then rasterised (see svgToPng).
 */
export async function renderTrendChart(chart: { title: string; dates: string[]; series: ChartSeries[] }): Promise<Buffer> {
  const echarts = await (echartsModule ??= import('echarts'));
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height: HEIGHT });
  try {
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: CHART_FONT_FAMILY },
      title: { text: chart.title, left: 'center', top: 12, textStyle: { fontSize: 20, fontWeight: 'normal', fontFamily: CHART_FONT_FAMILY } },
      legend: { top: 48, textStyle: { fontSize: 14 } },
      grid: { left: 60, right: 40, top: 96, bottom: 48 },
      xAxis: { type: 'category', data: chart.dates.map((d) => `${d.slice(5, 7)}-${d.slice(8, 10)}`), axisLabel: { fontSize: 13 } },
      yAxis: { type: 'value', name: '人 / 人次', minInterval: 1 },
      series: chart.series.map((s, i) => ({
        name: s.name,
        type: s.kind,
        color: colorOf(chart.series, i),
        // A zero says nothing, and its label would sit on the axis under the other series' zeros; a reference is labelled once, today.
        data: s.values.map((value, i) => ({ value: value ?? '-', label: { show: value !== null && value !== 0 && (!s.reference || i === s.values.length - 1) } })),
        // A line's labels sit over the bars: on white, so that both stay readable.
        label: { show: true, position: 'top', fontSize: 12, ...(s.kind === 'line' ? { backgroundColor: '#ffffff', padding: 2 } : {}) },
        ...(s.kind === 'bar' ? { barMaxWidth: 28 } : { symbolSize: 7 }),
        ...(s.reference ? { lineStyle: { type: 'dashed', width: 1.5 }, symbol: 'rect', symbolSize: [16, 2], z: 1 } : {}),
      })),
    });
    return await svgToPng(instance.renderToSVGString());
  } finally {
    instance.dispose();
  }
}

/** A series' colour: grey for a reference line, else the next of its kind's palette. */
function colorOf(series: ChartSeries[], index: number): string {
  const s = series[index];
  if (s.reference) return REFERENCE_COLOR;
  const palette = s.kind === 'bar' ? BAR_COLORS : LINE_COLORS;
  const nth = series.slice(0, index).filter((x) => x.kind === s.kind && !x.reference).length;
  return palette[nth % palette.length];
}
