// Models: the registry's models with their lineage in brief, and registering a .tflite file trained elsewhere.
import { api } from '/common/api.js';
import { badge, field, form, h, table, when } from '/common/dom.js';

export function models(registry) {
  const list = h('div');
  const name = h('input', { name: 'name', required: true, placeholder: 'letters, digits, _ . -' });
  const file = h('input', { name: 'file', type: 'file', accept: '.tflite', required: true });

  registry.show('models', all => list.replaceChildren(table('models',
    ['Id', 'Example', 'Data', 'Seed', 'int8 bytes', 'Quality', 'Stored'], all,
    m => [m.id, m.example || '–', m.dataName ? `${m.dataName} ${m.dataVersion}` : '–', m.seed ?? '–', m.int8Bytes ?? '–',
      m.quality.length === 0 ? '–' : badge(m.qualityPassed ? 'PASSED' : 'FAILED'), when(m.storedAt)],
    m => ({ 'data-id': m.id }))));

  const upload = form('model-form', 'Register a .tflite model', [field('Name', name), field('File', file)], 'Upload',
    async () => {
      const model = await api('POST', `/models?name=${encodeURIComponent(name.value)}`, file.files[0]);
      await registry.load('models');
      return `registered ${model.id} (${model.int8Bytes} B)`;
    });

  return { element: h('section', { id: 'models-part' }, h('h2', {}, 'Models'), list, upload) };
}
