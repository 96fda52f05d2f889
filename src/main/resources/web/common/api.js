// The documented REST API as the pages call it: same-origin requests that carry the session cookie POST /api/session
// set, so page scripts never hold the token.

/** A refusal from the API, with the API's own message and the field it names. */
export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

/** Fired when the API answers 401: the session ended (signed out elsewhere, or a token removed). */
export const SIGNED_OUT = 'tinyml:signed-out';

/** Calls the API; a body is sent as JSON, or as bytes when it is a Blob (a file). Answers the parsed JSON, or null. */
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body instanceof Blob) {
    headers['Content-Type'] = 'application/octet-stream';
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`/api${path}`, { method, headers, body: payload, credentials: 'same-origin' });
  const text = await response.text();
  const json = text && (response.headers.get('Content-Type') || '').startsWith('application/json') ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, json?.message || `${response.status} ${response.statusText}`, json?.field);
    if (response.status === 401 && path !== '/session') {
      window.dispatchEvent(new CustomEvent(SIGNED_OUT, { detail: error }));
    }
    throw error;
  }
  return json;
}

/**
 * Follows a server-sent event stream: handlers by event name; the server's own 'error' events (with data) go to
 * handlers.error, while the connection's are left to EventSource, which reconnects by itself.
 */
export function follow(path, handlers) {
  const source = new EventSource(`/api${path}`);
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, event => {
      if (name === 'error' && event.data === undefined) {
        return;
      }
      handler(event.data === undefined ? undefined : parse(event.data), source);
    });
  }
  return source;
}

function parse(data) {
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}
