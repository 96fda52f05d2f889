// Toolchains: each with its latest health check (the version it printed, or why it cannot be used and how to
// install it), checking one again, and registering another.
import { api } from '/common/api.js';
import { badge, field, form, h, outcome, table, when } from '/common/dom.js';

/** The kinds the service knows (its answer names them too when another is sent). */
const KINDS = ['aot', 'arm-gcc', 'x86-container', 'gcc'];

export function toolchains(registry) {
  const list = h('div');
  const name = h('input', { name: 'name', required: true });
  const kind = h('select', { name: 'kind' }, KINDS.map(k => h('option', { value: k }, k)));
  const command = h('input', { name: 'command', required: true, placeholder: 'arm-none-eabi-gcc' });
  const checked = outcome();

  function check(toolchain) {
    return checked.run(async () => {
      const found = await api('POST', `/toolchains/${toolchain.id}/check`);
      await registry.load('toolchains');
      return `checked '${found.name}': ${found.installed ? found.version : found.reason}`;
    });
  }

  registry.show('toolchains', all => list.replaceChildren(table('toolchains',
    ['Id', 'Name', 'Kind', 'Command', 'Health', 'Version or why not', 'Targets', 'Checked', ''], all,
    t => [t.id, t.name, t.kind, t.command, badge(t.installed ? 'INSTALLED' : 'MISSING'), t.installed ? t.version : t.reason,
      t.targets.join(', '), when(t.checkedAt), h('button', { type: 'button', class: 'check', onclick: () => check(t) }, 'Check')],
    t => ({ 'data-id': t.id })), checked.element));

  const register = form('toolchain-form', 'Register a toolchain', [field('Name', name), field('Kind', kind),
    field('Command or image', command)], 'Register and check', async () => {
    const toolchain = await api('POST', '/toolchains', { name: name.value, kind: kind.value, command: command.value });
    await registry.load('toolchains');
    return `registered '${toolchain.name}': ${toolchain.installed ? `installed, ${toolchain.version}` : toolchain.reason}`;
  });

  return { element: h('section', { id: 'toolchains-part' }, h('h2', {}, 'Toolchains'), list, register) };
}
