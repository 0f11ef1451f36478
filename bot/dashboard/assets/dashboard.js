// HallGuard dashboard: draws the two charts from the page's JSON island with
// ECharts (served by the service itself), and reloads the page every minute
// for a projector unless someone is typing a note.
(function () {
  'use strict';
  // The outcome of an acknowledgement (?done=N) or of a step recorded
  // (?recorded=N-S) is told once: drop it from the address so that the
  // auto-refresh and a manual reload do not repeat it.
  if (/[?&](done|recorded)=/.test(location.search) && window.history && history.replaceState) {
    var here = new URL(location.href);
    here.searchParams.delete('done');
    here.searchParams.delete('recorded');
    history.replaceState(null, '', here.pathname + here.search + here.hash);
  }
  var island = document.getElementById('chart-data');
  if (!island || typeof echarts === 'undefined') return;
  var data = JSON.parse(island.textContent);
  var charts = [];

  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) return;
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(option);
    el.setAttribute('data-rendered', 'true');
    charts.push(chart);
  }

  // The tooltip is built as DOM nodes: ECharts' own tooltip markup carries
  // style="…" attributes, which the page's CSP (style-src 'self') blocks.
  function tooltip(params) {
    var box = document.createElement('div');
    box.appendChild(document.createElement('b')).textContent = params.length ? params[0].axisValueLabel : '';
    params.forEach(function (p) {
      var row = box.appendChild(document.createElement('div'));
      var dot = row.appendChild(document.createElement('span'));
      dot.className = 'dot';
      dot.style.backgroundColor = p.color;
      row.appendChild(document.createTextNode(p.seriesName + '：' + p.value));
    });
    return box;
  }

  var narrow = window.innerWidth < 600;
  var big = window.innerWidth >= 1600;
  var label = { fontSize: big ? 15 : 12 };
  var base = {
    animation: false,
    textStyle: { fontSize: big ? 16 : 12 },
    tooltip: { trigger: 'axis', className: 'chart-tip', formatter: tooltip },
    legend: { top: 0, textStyle: { fontSize: big ? 16 : 12 } },
    grid: { left: 8, right: 8, top: narrow ? 56 : 40, bottom: 8, containLabel: true },
  };
  function option(extra) {
    var o = {};
    Object.keys(base).forEach(function (k) { o[k] = base[k]; });
    Object.keys(extra).forEach(function (k) { o[k] = extra[k]; });
    return o;
  }

  draw('chart-progress', option({
    color: ['#c5ccd5', '#0b5cad', '#3f8fd9', '#8cc1f0'],
    xAxis: { type: 'category', data: data.windows, axisLabel: { interval: 0, fontSize: label.fontSize, rotate: narrow && data.windows.length > 3 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: label },
    series: [{ name: '应报', type: 'bar', data: data.expected }].concat(
      data.slots.map(function (s) { return { name: s.name + '已报', type: 'bar', data: s.values }; })
    ),
  }));

  // The same series as the daily brief's chart (bot/health/trend.ts): one axis, a grey dashed reference line.
  var palette = { bar: ['#0b5cad', '#3ba272'], line: ['#c62828', '#fc8452'] };
  var used = { bar: 0, line: 0 };
  draw('chart-trend', option({
    xAxis: { type: 'category', data: data.trend.dates, axisLabel: label },
    yAxis: { type: 'value', name: '人 / 次', minInterval: 1, axisLabel: label, nameTextStyle: label },
    series: data.trend.series.map(function (s) {
      var color = s.reference ? '#9aa3ad' : palette[s.kind][used[s.kind]++ % 2];
      return s.reference
        ? { name: s.name, type: 'line', color: color, symbol: 'rect', symbolSize: [16, 2], lineStyle: { type: 'dashed' }, data: s.values }
        : { name: s.name, type: s.kind, color: color, symbolSize: 8, data: s.values };
    }),
  }));

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });

  setInterval(function () {
    var typing = Array.prototype.some.call(document.querySelectorAll('form.ack input[name=note]'), function (i) { return i.value !== '' || i === document.activeElement; });
    if (!typing && document.visibilityState === 'visible') location.reload();
  }, 60000);
})();
