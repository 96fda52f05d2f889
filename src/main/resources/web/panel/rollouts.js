// Rollouts: assigning a model to devices (chosen one by one, or a group by tag) and watching each device's update.
// Everything shown is read from the server, so a refresh mid-rollout shows where it is; unfinished rollouts are read
// again every second until they end.
import { api } from '/common/api.js';
import { badge, field, fillSelect, form, h, table } from '/common/dom.js';

const ENDED = ['COMPLETED', 'STOPPED'];
const POLL_MILLIS = 1000;

export function rollouts(registry) {
  const list = h('div', { id: 'rollouts' });
  const model = h('select', { name: 'modelId', required: true });
  const picks = h('div', { class: 'picks', id: 'rollout-devices' });
  const group = h('select', { name: 'tag' });
  const groupSize = h('input', { name: 'groupSize', type: 'number', min: 1, value: 1 });
  const errorThreshold = h('input', { name: 'errorThreshold', type: 'number', min: 0, max: 1, step: 0.05, value: 0 });
  let timer = null;

  // a failed read is tried again; a 401 instead signs the page out, which stops the panel's timers
  function poll() {
    registry.load('rollouts', 'devices').catch(error => {
      if (error.status !== 401) {
        timer = setTimeout(poll, POLL_MILLIS);
      }
    });
  }

  registry.show('models', all => fillSelect(model, all.filter(m => m.int8File).map(m => [m.id, m.id]), 'a model with an int8 file…'));
  registry.show('devices', all => {
    const checked = new Set([...picks.querySelectorAll('input:checked')].map(box => box.value));
    picks.replaceChildren(...all.map(d => h('label', { class: 'pick' },
      h('input', { type: 'checkbox', value: d.id, 'data-tags': JSON.stringify(d.tags), checked: checked.has(String(d.id)) }),
      `${d.name} (${d.board})`)));
    fillSelect(group, [...new Set(all.flatMap(d => d.tags))].sort().map(tag => [tag, tag]), 'a group by tag…');
  });
  group.addEventListener('change', () => picks.querySelectorAll('input').forEach(box => {
    box.checked = group.value !== '' && JSON.parse(box.dataset.tags).includes(group.value);
  }));

  registry.show('rollouts', all => {
    list.replaceChildren(...[...all].reverse().map(rollout => h('div', { class: 'card rollout', 'data-id': rollout.id, 'data-model': rollout.modelId },
      h('h3', {}, `Rollout ${rollout.id}: ${rollout.modelId} `, badge(rollout.status)),
      rollout.detail ? h('p', {}, rollout.detail) : null,
      table(null, ['Device', 'Group', 'Status', 'What happened', 'Seconds'], rollout.devices,
        d => [d.deviceName, d.group, badge(d.status), d.detail || '–', d.status === 'PENDING' ? '–' : d.seconds.toFixed(2)],
        d => ({ 'data-device': d.deviceId })))));
    clearTimeout(timer);
    if (all.some(rollout => !ENDED.includes(rollout.status))) {
      timer = setTimeout(poll, POLL_MILLIS);
    }
  });

  const assign = form('rollout-form', 'Assign a model', [field('Model', model), field('Group', group),
    field('Devices', picks), field('Devices per group', groupSize), field('Error threshold (0–1)', errorThreshold)],
  'Assign', async () => {
    const devices = [...picks.querySelectorAll('input:checked')].map(box => Number(box.value));
    const rollout = await api('POST', '/rollouts', { modelId: model.value, devices, groupSize: Number(groupSize.value),
      errorThreshold: Number(errorThreshold.value) });
    await registry.load('rollouts', 'devices');
    return `rollout ${rollout.id} queued for ${devices.length} device(s)`;
  });

  return {
    element: h('section', { id: 'rollouts-part' }, h('h2', {}, 'Rollouts'), assign, list),
    stop: () => clearTimeout(timer),
  };
}
