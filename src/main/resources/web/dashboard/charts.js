// The dashboard's charts: each one an Apache ECharts option built from a FleetSummary (the library is loaded by the
// page from this server, as window.echarts). Charts draw on a canvas, so a name is drawn as the text it is. No
// animation: a chart shows its figures the moment they arrive, and a screenshot never catches one half drawn.

const STATUSES = ['online', 'offline', 'updating', 'failed'];
const COLOURS = { online: '#1e7b45', offline: '#b3261e', updating: '#8a6100', failed: '#6b1f7a', registered: '#8896a3' };
const BASE = { animation: false };

/** A chart in element, redrawn with show(summary); resize() fits it to its element again. */
export function chart(element, option) {
  const drawn = window.echarts.init(element, null, { renderer: 'canvas' });
  return {
    show(summary) {
      drawn.setOption({ ...BASE, ...option(summary) }, { notMerge: true });
    },
    resize() {
      drawn.resize();
    },
  };
}

export function byStatus(summary) {
  const statuses = [...STATUSES, ...(summary.byStatus.registered ? ['registered'] : [])];
  return {
    legend: { bottom: 0 },
    title: empty(summary.devices === 0, 'no devices registered'),
    series: [{
      type: 'pie', radius: ['45%', '70%'], center: ['50%', '45%'],
      label: { formatter: '{b}: {c}', fontSize: 13 },
      data: statuses.map(status => ({ name: status, value: summary.byStatus[status] || 0, itemStyle: { color: COLOURS[status] } }))
        .filter(slice => slice.value > 0),
    }],
  };
}

export function byBoard(summary) {
  const boards = summary.byBoard.map(board => board.board);
  return {
    legend: { bottom: 0 },
    grid: { left: 12, right: 32, top: 10, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: boards },
    title: empty(boards.length === 0, 'no devices registered'),
    series: STATUSES.map(status => ({
      name: status, type: 'bar', stack: 'devices', itemStyle: { color: COLOURS[status] },
      label: { show: true, formatter: ({ value }) => (value ? value : '') },
      data: summary.byBoard.map(board => board[status]),
    })),
  };
}

export function models(summary) {
  return {
    legend: { bottom: 0 },
    grid: { left: 12, right: 32, top: 10, bottom: 40, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: summary.models.map(model => model.modelId) },
    title: empty(summary.models.length === 0, 'no device runs a model yet'),
    series: [
      { name: 'devices', type: 'bar', itemStyle: { color: '#8896a3' }, label: { show: true, position: 'right' },
        data: summary.models.map(model => model.devices) },
      { name: 'online', type: 'bar', itemStyle: { color: COLOURS.online }, label: { show: true, position: 'right' },
        data: summary.models.map(model => model.online) },
    ],
  };
}

export function latency(summary) {
  const measured = summary.latency.filter(board => board.meanMicros !== null);
  return {
    legend: { bottom: 0 },
    grid: { left: 12, right: 32, top: 10, bottom: 40, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: measured.map(board => board.board) },
    title: empty(measured.length === 0, 'no inference in the last minute'),
    series: [
      { name: 'mean µs', type: 'bar', itemStyle: { color: '#1f5f8b' }, label: { show: true, position: 'right', formatter: micros },
        data: measured.map(board => board.meanMicros) },
      { name: 'max µs', type: 'bar', itemStyle: { color: '#9cc3de' }, label: { show: true, position: 'right', formatter: micros },
        data: measured.map(board => board.maxMicros) },
    ],
  };
}

export function failures(summary) {
  return {
    legend: { bottom: 0 },
    grid: { left: 12, right: 32, top: 10, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: summary.failures.map(minute => clock(minute.minute)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: 'inference errors', type: 'bar', stack: 'failures', itemStyle: { color: COLOURS.failed },
        data: summary.failures.map(minute => minute.errors) },
      { name: 'alerts raised', type: 'bar', stack: 'failures', itemStyle: { color: COLOURS.offline },
        data: summary.failures.map(minute => minute.alerts) },
    ],
  };
}

/** Inferences per minute as the summaries arrived since the page opened: the fleet's pulse. */
export function pulse(history) {
  return () => ({
    grid: { left: 8, right: 24, top: 10, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: history.map(point => clock(point.at, true)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: 'inferences per minute', type: 'line', showSymbol: false, areaStyle: { opacity: 0.15 },
      itemStyle: { color: '#1f5f8b' }, data: history.map(point => point.inferencesPerMinute) }],
  });
}

function empty(isEmpty, text) {
  return isEmpty ? { text, left: 'center', top: 'middle', textStyle: { fontSize: 13, fontWeight: 'normal', color: '#5b6670' } } : undefined;
}

function micros({ value }) {
  return value.toFixed(1);
}

function clock(instant, seconds = false) {
  return new Date(instant).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: seconds ? '2-digit' : undefined });
}
