// The registry as a page last read it, through the API's list routes. Each part of a page says what it shows, and is
// drawn again whenever that is read again, so one action (a device registered) updates every part that shows it.
import { api } from './api.js';

const LISTS = {
  boards: '/boards',
  devices: '/devices',
  toolchains: '/toolchains',
  models: '/models',
  datasets: '/datasets',
  pipelines: '/pipelines',
  rollouts: '/rollouts',
};

export class Registry {
  constructor() {
    this.lists = {};
    this.views = {};
  }

  /** Draws with draw(list) each time the list is read. */
  show(name, draw) {
    (this.views[name] ||= []).push(draw);
    if (this.lists[name]) {
      draw(this.lists[name]);
    }
  }

  /** Reads the named lists again and draws what shows them. */
  async load(...names) {
    await Promise.all(names.map(async name => {
      this.lists[name] = await api('GET', LISTS[name]);
      (this.views[name] || []).forEach(draw => draw(this.lists[name]));
    }));
  }
}
