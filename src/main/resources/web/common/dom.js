// Builds the page from data as text only: names are stored verbatim (an HTML- or SQL-shaped name is a valid name), so
// nothing from the API ever reaches innerHTML; strings become text nodes and attributes are set one by one.

/** An element with attributes (on<event> ones become listeners) and children (strings become text). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key.startsWith('on')) {
      element.addEventListener(key.slice(2), value);
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  element.append(...children.flat().filter(child => child !== undefined && child !== null && child !== false)
    .map(child => (child instanceof Node ? child : String(child))));
  return element;
}

/** A table: a header row from the column titles, then one row per item, its cells from cells(item). */
export function table(id, titles, items, cells, rowAttributes = () => ({})) {
  return h('table', { id },
    h('thead', {}, h('tr', {}, titles.map(title => h('th', {}, title)))),
    h('tbody', {}, items.length === 0
      ? h('tr', {}, h('td', { colspan: titles.length, class: 'empty' }, 'none yet'))
      : items.map(item => h('tr', rowAttributes(item), cells(item).map(cell => h('td', {}, cell))))));
}

/** A status as a badge the stylesheet colours by its value. */
export function badge(status) {
  return h('span', { class: `badge status-${String(status).replace(/[^A-Za-z_]/g, '')}` }, status);
}

/** A labelled form control. */
export function field(label, control) {
  return h('label', {}, h('span', {}, label), control);
}

/** A select whose options are [value, text] pairs; keeps the value chosen before when it is still offered. */
export function fillSelect(select, options, placeholder) {
  const before = select.value;
  select.replaceChildren(...(placeholder ? [h('option', { value: '' }, placeholder)] : []),
    ...options.map(([value, text]) => h('option', { value }, text)));
  if (options.some(([value]) => String(value) === before)) {
    select.value = before;
  }
}

/**
 * A line that tells how an action went: what it did, or what went wrong (the API's own message, and the field it
 * names). run(work) runs the action and shows what work() answers, or its error.
 */
export function outcome() {
  const element = h('p', { class: 'message', role: 'status' });
  return {
    element,
    async run(work) {
      element.className = 'message';
      element.textContent = '';
      try {
        const done = await work();
        element.className = 'message ok';
        element.textContent = done ?? '';
      } catch (error) {
        element.className = 'message error';
        element.textContent = error.field ? `${error.message} (field: ${error.field})` : error.message;
      }
    },
  };
}

/** A form that runs action(form) on submit with its button disabled, and shows how it went below it. */
export function form(id, title, controls, buttonText, action) {
  const line = outcome();
  const button = h('button', { type: 'submit' }, buttonText);
  const element = h('form', { id, class: 'card' }, h('h3', {}, title), h('div', { class: 'controls' }, controls), button,
    line.element);
  element.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    await line.run(() => action(element));
    button.disabled = false;
  });
  return element;
}

/** A point in time as the reader's local time, or a dash. */
export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '–';
}
