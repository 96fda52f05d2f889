// Devices: the registered ones with what they run, registering another (an emulated board, or a real one on a
// serial port), and setting an emulated one's next flash to fail, to rehearse a rollback.
import { api } from '/common/api.js';
import { badge, field, fillSelect, form, h, outcome, table, when } from '/common/dom.js';

export function devices(registry) {
  const list = h('div');
  const board = h('select', { name: 'board', required: true });
  const transport = h('select', { name: 'transport' }, h('option', { value: 'emulator' }, 'emulator'),
    h('option', { value: 'serial' }, 'serial'));
  const name = h('input', { name: 'name', required: true });
  const port = h('input', { name: 'port', placeholder: '/dev/ttyACM0 (serial only)' });
  const location = h('input', { name: 'location' });
  const tags = h('input', { name: 'tags', placeholder: 'line-3, vibration' });

  registry.show('boards', boards => fillSelect(board, boards.map(b => [b.id, `${b.id} (${b.core})`]), 'board…'));
  const faulted = outcome();

  // rehearses a rollback: the emulated device's next flash stops halfway, as a power cut mid-update would
  function interrupt(device) {
    return faulted.run(async () => {
      await api('POST', `/devices/${device.id}/fault`, { fault: 'flash-interrupted' });
      await registry.load('devices');
      return `the next flash of '${device.name}' will stop halfway`;
    });
  }

  registry.show('devices', all => list.replaceChildren(table('devices',
    ['Id', 'Name', 'Board', 'Reached by', 'Location', 'Tags', 'Status', 'Model', 'Last seen', 'Next flash'], all,
    d => [d.id, d.name, d.board, d.transport === 'serial' ? `serial ${d.port}` : d.transport, d.location || '',
      d.tags.join(', '), badge(d.status), d.modelId || '–', when(d.lastSeen),
      d.simulatedFault || (d.transport === 'emulator'
        ? h('button', { type: 'button', class: 'fault', onclick: () => interrupt(d) }, 'Interrupt it') : '')],
    d => ({ 'data-id': d.id })), faulted.element));

  const register = form('device-form', 'Register a device',
    [field('Name', name), field('Board', board), field('Reached by', transport), field('Serial port', port),
      field('Location', location), field('Tags (comma-separated)', tags)],
    'Register', async () => {
      const body = { name: name.value, board: board.value, transport: transport.value, location: location.value,
        tags: tags.value.split(',').map(tag => tag.trim()).filter(tag => tag) };
      if (port.value) {
        body.port = port.value;
      }
      const device = await api('POST', '/devices', body);
      await registry.load('devices');
      return `registered '${device.name}' as device ${device.id}`;
    });

  return { element: h('section', { id: 'devices-part' }, h('h2', {}, 'Devices'), list, register) };
}
