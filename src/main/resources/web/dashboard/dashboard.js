// The CEO's dashboard: the fleet at a glance, kept live by the fleet's event stream. It reads only the documented API:
// GET /fleet/summary and /fleet/devices, and GET /fleet/events, which sends a summary every 2 s, each device whose
// status, trust or model changes, and each alert as it is raised.
import { api, follow } from '/common/api.js';
import { startPage } from '/common/page.js';
import { badge, h, table, when } from '/common/dom.js';
import { byBoard, byStatus, chart, failures, latency, models, pulse } from './charts.js';
import { throttled } from './throttle.js';

/** Summaries kept for the pulse chart: ten minutes at one every 2 s. */
const PULSE_POINTS = 300;

startPage('Dashboard', async main => {
  const tiles = h('div', { id: 'tiles', class: 'tiles' });
  const alerts = h('div', { id: 'alerts-part' });
  const devices = h('div', { id: 'devices-part' });
  const line = h('p', { id: 'live', class: 'message', role: 'status' });
  const history = [];
  const panes = [
    ['chart-status', 'Devices by status', byStatus], ['chart-boards', 'Devices by board', byBoard],
    ['chart-models', 'Model versions in the field', models], ['chart-latency', "Latency per board, µs (last minute, at the board's clock)", latency],
    ['chart-pulse', 'Inferences per minute (since this page opened)', pulse(history)],
    ['chart-failures', 'Failures per minute (last 30 minutes)', failures],
  ].map(([id, title, option]) => ({ id, title, option, element: h('div', { id, class: 'chart' }) }));
  main.replaceChildren(line, tiles,
    h('section', { class: 'charts' }, panes.map(pane => h('figure', { class: 'card' }, h('figcaption', {}, pane.title), pane.element))),
    h('h2', {}, 'Alerts'), alerts, h('h2', {}, 'Devices'), devices);
  const charts = panes.map(pane => chart(pane.element, pane.option));
  const fitCharts = () => charts.forEach(drawn => drawn.resize());
  window.addEventListener('resize', fitCharts);

  const fleet = new Map();
  function showSummary(summary) {
    history.push({ at: summary.at, inferencesPerMinute: summary.inferencesPerMinute });
    history.splice(0, Math.max(0, history.length - PULSE_POINTS));
    tiles.replaceChildren(...figures(summary));
    charts.forEach(drawn => drawn.show(summary));
    alerts.replaceChildren(alertTable(summary.alerts));
    line.className = 'message ok';
    line.textContent = `live: as of ${when(summary.at)}`;
  }
  function showDevices() {
    devices.replaceChildren(deviceTable([...fleet.values()].sort((a, b) => a.id - b.id)));
  }
  async function readDevices() {
    fleet.clear();
    (await api('GET', '/fleet/devices')).forEach(device => fleet.set(device.id, device));
    showDevices();
  }
  // events come in bursts (a bridge restarting its devices, a sweep): one summary and one device list a second at most
  const summarySoon = throttled(async () => showSummary(await api('GET', '/fleet/summary')), 1000);
  const devicesSoon = throttled(readDevices, 1000);

  showSummary(await api('GET', '/fleet/summary'));
  await readDevices();
  const stream = follow('/fleet/events', {
    summary: summary => {
      showSummary(summary);
      devicesSoon();
    },
    device: device => {
      fleet.set(device.id, device);
      showDevices();
      summarySoon();
    },
    alert: () => {
      summarySoon();
    },
    error: message => {
      line.className = 'message error';
      line.textContent = message;
    },
  });
  stream.onerror = () => {
    line.className = 'message error';
    line.textContent = 'the live stream was cut; reconnecting…';
  };
  return () => {
    stream.close();
    summarySoon.cancel();
    devicesSoon.cancel();
    window.removeEventListener('resize', fitCharts);
  };
});

/** The figures a glance should catch, as big numbers. */
function figures(summary) {
  const open = summary.alerts.filter(alert => !alert.clearedAt).length;
  return [
    tile('devices', 'devices', summary.devices),
    tile('online', 'online', summary.byStatus.online, 'good'),
    tile('offline', 'offline', summary.byStatus.offline, summary.byStatus.offline ? 'bad' : null),
    tile('updating', 'updating', summary.byStatus.updating, summary.byStatus.updating ? 'wait' : null),
    tile('failed', 'failed', summary.byStatus.failed, summary.byStatus.failed ? 'bad' : null),
    tile('inferences', 'inferences / min', summary.inferencesPerMinute),
    tile('untrusted', 'untrusted', summary.untrusted, summary.untrusted ? 'bad' : null),
    tile('alerts', 'open alerts', open, open ? 'bad' : null),
  ];
}

function tile(id, label, value, tone) {
  return h('div', { id: `tile-${id}`, class: `tile${tone ? ` ${tone}` : ''}` },
    h('span', { class: 'value' }, Number(value || 0).toLocaleString()), h('span', { class: 'label' }, label));
}

function alertTable(alerts) {
  return table('alerts', ['Raised', 'Device', 'Kind', 'What', 'Cleared'], alerts,
    alert => [when(alert.raisedAt), alert.deviceName, badge(alert.kind.toUpperCase()), alert.message,
      alert.clearedAt ? when(alert.clearedAt) : 'open'],
    alert => ({ class: alert.clearedAt ? 'cleared' : 'open' }));
}

function deviceTable(devices) {
  return table('fleet-devices', ['Id', 'Name', 'Board', 'Status', 'Model', 'Trusted', 'Inferences', 'Errors', 'Last heartbeat', 'Bridge'],
    devices, d => [d.id, d.name, d.board, badge(d.status), d.modelId || '–', d.trusted ? 'yes' : badge('UNTRUSTED'),
      d.inferences.toLocaleString(), d.errors.toLocaleString(), when(d.lastHeartbeat), d.bridge || '–'],
    d => ({ 'data-id': d.id }));
}
