// Pipelines: composing one from stages, running it as a job and following its stages live (server-sent events).
// The run followed is kept in the address (#run=<id>), so a refresh follows it again from what the server has.
import { api, follow } from '/common/api.js';
import { badge, field, fillSelect, form, h, table, when } from '/common/dom.js';

/** The lifecycle's stages in order; a pipeline runs a prefix of them. */
const STAGES = ['collect', 'train', 'store', 'convert', 'reference', 'compile', 'run', 'compare'];
const EXAMPLES = ['hello_world', 'magic_wand', 'micro_speech', 'person_detection', 'mnist_lstm'];

export function pipelines(registry) {
  const list = h('div');
  const run = h('div', { id: 'run' });
  const name = h('input', { name: 'name', required: true });
  const example = h('select', { name: 'example' }, EXAMPLES.map(e => h('option', { value: e }, e)));
  const target = h('select', { name: 'target' });
  const lastStage = h('select', { name: 'lastStage' }, STAGES.map(s => h('option', { value: s }, s)));
  const dataVersion = h('select', { name: 'dataVersion' });
  const seed = h('input', { name: 'seed', type: 'number', min: 0, placeholder: 'the example\'s own' });
  lastStage.value = 'convert';
  let source = null;

  registry.show('boards', boards => fillSelect(target, [['x86', 'x86 (container)'], ...boards.map(b => [b.id, b.id])]));
  registry.show('datasets', datasets => fillSelect(dataVersion, datasets.map(d => [d.version, `${d.name} ${d.version}`]),
    'freshly collected'));

  function watch(runId, pipeline) {
    source?.close();
    history.replaceState(null, '', `#run=${runId}`);
    const status = h('p', { id: 'run-status' }, `run ${runId}: waiting for its first stage`);
    const stages = h('tbody');
    run.replaceChildren(h('h3', {}, `Run ${runId}`, pipeline ? ` of '${pipeline}'` : ''), status,
      h('table', { id: 'run-stages' }, h('thead', {}, h('tr', {}, ['Stage', 'Status', 'Seconds', 'What it found']
        .map(title => h('th', {}, title)))), stages));
    const rows = new Map();
    source = follow(`/runs/${runId}/events`, {
      stage: stage => {
        const row = h('tr', { 'data-stage': stage.stage }, h('td', {}, stage.stage), h('td', {}, badge(stage.status)),
          h('td', {}, stage.seconds.toFixed(2)), h('td', {}, stage.detail));
        // a reconnected stream sends the stages again: a stage's row is replaced, never repeated
        if (rows.has(stage.position)) {
          rows.get(stage.position).replaceWith(row);
        } else {
          stages.append(row);
        }
        rows.set(stage.position, row);
        status.replaceChildren(`run ${runId}: `, badge('RUNNING'), ` ${rows.size} stage(s) done, last: ${stage.stage}`);
      },
      end: ended => {
        source.close();
        status.replaceChildren(`run ${runId}: `, badge(ended.status), ended.modelId ? ` model ${ended.modelId}` : '',
          ended.error ? ` ${ended.error}` : '', ` ended ${when(ended.endedAt)}`);
        registry.load('models');
      },
      error: message => {
        source.close();
        status.replaceChildren(h('span', { class: 'message error' }, message));
      },
    });
  }

  async function start(pipeline) {
    try {
      const queued = await api('POST', `/pipelines/${pipeline.id}/runs`);
      watch(queued.id, pipeline.name);
    } catch (error) {
      run.replaceChildren(h('p', { class: 'message error' }, error.message));
    }
  }

  registry.show('pipelines', all => list.replaceChildren(table('pipelines',
    ['Id', 'Name', 'Example', 'Target', 'Stages', 'Data', 'Seed', ''], all,
    p => [p.id, p.name, p.example, p.target, `collect … ${p.lastStage}`, p.dataVersion || 'fresh', p.seed ?? '–',
      h('button', { type: 'button', class: 'run', onclick: () => start(p) }, 'Run')],
    p => ({ 'data-id': p.id }))));

  const compose = form('pipeline-form', 'Compose a pipeline', [field('Name', name), field('Example', example),
    field('Target', target), field('Last stage', lastStage), field('Data version', dataVersion), field('Seed', seed)],
  'Compose', async () => {
    const body = { name: name.value, example: example.value, target: target.value, lastStage: lastStage.value };
    if (dataVersion.value) {
      body.dataVersion = dataVersion.value;
    }
    if (seed.value !== '') {
      body.seed = Number(seed.value);
    }
    const pipeline = await api('POST', '/pipelines', body);
    await registry.load('pipelines');
    return `composed pipeline ${pipeline.id}: run it from the list`;
  });

  const followed = /^#run=(\d+)$/.exec(window.location.hash);
  if (followed) {
    watch(Number(followed[1]));
  }
  return {
    element: h('section', { id: 'pipelines-part' }, h('h2', {}, 'Pipelines'), list, compose, run),
    stop: () => source?.close(),
  };
}
