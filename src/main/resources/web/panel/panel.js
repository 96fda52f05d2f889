// The IT operator's control panel: every part reads and changes the registry through the REST API only.
import { startPage } from '/common/page.js';
import { Registry } from '/common/registry.js';
import { devices } from './devices.js';
import { toolchains } from './toolchains.js';
import { models } from './models.js';
import { pipelines } from './pipelines.js';
import { rollouts } from './rollouts.js';

startPage('Control panel', async main => {
  const registry = new Registry();
  const parts = [devices(registry), toolchains(registry), models(registry), pipelines(registry), rollouts(registry)];
  main.replaceChildren(...parts.map(part => part.element));
  await registry.load('boards', 'devices', 'toolchains', 'models', 'datasets', 'pipelines', 'rollouts');
  return () => parts.forEach(part => part.stop?.());
});
