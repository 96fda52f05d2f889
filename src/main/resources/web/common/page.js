// What every page shares: the header with its navigation, and signing in with a token. A page is a folder under
// web/ with an index.html that loads its script, which calls startPage.
import { api, SIGNED_OUT } from './api.js';
import { form, field, h } from './dom.js';

/** The pages in the navigation, in order. */
const PAGES = [
  { path: '/panel/', title: 'Control panel' },
  { path: '/dashboard/', title: 'Dashboard' },
];

/**
 * Shows the page once the browser is signed in (or the sign-in form until it is): render(main, session) fills the
 * page, session being { name, role }; it may answer a function that stops its timers and streams.
 */
export function startPage(title, render) {
  document.title = `TinyMLaaS · ${title}`;
  const top = document.getElementById('top');
  const main = document.getElementById('page');
  let stop = () => {};

  async function show() {
    stop();
    stop = () => {};
    let session;
    try {
      session = await api('GET', '/session');
    } catch (error) {
      if (error.status !== 401) {
        main.replaceChildren(h('p', { class: 'message error' }, error.message));
        return;
      }
      signIn(top, main, show);
      return;
    }
    top.replaceChildren(header(title, session, show));
    main.replaceChildren();
    stop = (await render(main, session)) || (() => {});
  }

  window.addEventListener(SIGNED_OUT, () => show());
  show();
}

function header(title, session, show) {
  return h('div', { class: 'bar' },
    h('strong', {}, 'TinyMLaaS'),
    h('nav', {}, PAGES.map(page => h('a', { href: page.path, class: location.pathname === page.path ? 'here' : null }, page.title))),
    h('span', { id: 'who' }, `${session.name} (${session.role})`),
    h('button', { id: 'sign-out', type: 'button', onclick: async () => { await api('DELETE', '/session'); show(); } }, 'Sign out'));
}

function signIn(top, main, show) {
  top.replaceChildren(h('div', { class: 'bar' }, h('strong', {}, 'TinyMLaaS')));
  const token = h('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', size: 60, required: true });
  main.replaceChildren(h('section', { id: 'sign-in' },
    h('p', {}, 'Paste an API token: bin/tinyml serve prints the first operator\'s; an operator makes more with POST /api/tokens.'),
    form('sign-in-form', 'Sign in', [field('Token', token)], 'Sign in', async () => {
      await api('POST', '/session', { token: token.value });
      show();
    })));
  token.focus();
}
