// The API client. Scripts and this page authenticate the same way (contract section 8: HTTP Basic
// against the product's users). The credentials live in sessionStorage only: they go with the tab,
// and logout removes them. Requests use credentials: 'omit' so the browser never caches Basic
// credentials of its own nor opens its login dialog on a 401: only this page decides who is logged in.

const SESSION_KEY = 'oncoaudit.session';

export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field || null;
  }
}

/** {username, roles, authorization} or null. */
export function session() {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function hasRole(role) {
  const s = session();
  return !!s && Array.isArray(s.roles) && s.roles.includes(role);
}

function basic(username, password) {
  const bytes = new TextEncoder().encode(username + ':' + password);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return 'Basic ' + btoa(bin);
}

/** Checks the credentials against GET /api/me and keeps them for this tab. */
export async function login(username, password) {
  const authorization = basic(username, password);
  const res = await fetch('/api/me', {
    headers: {Authorization: authorization, Accept: 'application/json'},
    credentials: 'omit', cache: 'no-store',
  });
  if (res.status === 401) throw new ApiError(401, 'Wrong user name or password.');
  if (!res.ok) throw await problem(res);
  const me = await res.json();
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({
    username: me.username, roles: Array.isArray(me.roles) ? me.roles : [], authorization,
  }));
  return me;
}

/** Forgets the credentials and everything else this page kept for the tab. */
export function logout() {
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith('oncoaudit.')) sessionStorage.removeItem(key);
  }
}

/** Query string from an object; empty values are left out. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

let onUnauthorized = () => {};

/** Called when the stored credentials stop working (password changed, user removed). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

async function request(path, options = {}) {
  const s = session();
  if (!s) {
    onUnauthorized();
    throw new ApiError(401, 'Please log in.');
  }
  const res = await fetch(path, {
    ...options,
    headers: {Authorization: s.authorization, Accept: 'application/json', ...(options.headers || {})},
    credentials: 'omit', cache: 'no-store',
  });
  if (res.status === 401) {
    logout();
    onUnauthorized();
    throw new ApiError(401, 'Your session has ended; please log in again.');
  }
  if (!res.ok) throw await problem(res);
  return res;
}

export async function get(path, params) {
  const res = await request(path + query(params));
  return res.json();
}

export async function send(method, path, body) {
  const res = await request(path, {
    method, body: JSON.stringify(body), headers: {'Content-Type': 'application/json'},
  });
  return res.status === 204 ? null : res.json();
}

/** Fetches a file with the stored credentials and hands it to the browser as a download. */
export async function download(path, params, filename, accept = 'text/csv', onChunk = null) {
  const res = await request(path + query(params), {headers: {Accept: accept}});
  let blob;
  if (onChunk && res.body && res.body.getReader) {
    // read as it arrives, so the caller can show progress (e.g. the letters of a packet being built)
    const reader = res.body.getReader();
    const parts = [];
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      parts.push(value);
      onChunk(value, res);
    }
    blob = new Blob(parts, {type: res.headers.get('Content-Type') || accept});
  } else {
    blob = await res.blob();
  }
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return blob.size;
}

/** RFC 7807 problem+json from the API -> ApiError with its detail and the field at fault. */
async function problem(res) {
  let detail = res.status + ' ' + res.statusText;
  let field = null;
  try {
    const body = await res.json();
    if (body && (body.detail || body.title)) detail = body.detail || body.title;
    if (body && body.field) field = body.field;
  } catch {
    // not JSON: keep the status line
  }
  if (res.status === 403) detail = 'Your role does not allow this view (' + detail + ').';
  return new ApiError(res.status, detail, field);
}

let capabilities = null;

/**
 * Which optional endpoints this server has, read from its OpenAPI document (smallrye-openapi), so the
 * page offers an action only when the API can carry it out.
 */
export async function apiHasOperation(method, path) {
  if (!capabilities) {
    capabilities = request('/q/openapi?format=json')
      .then(r => r.json())
      .then(doc => doc.paths || {})
      .catch(() => ({}));
  }
  const paths = await capabilities;
  return !!(paths[path] && paths[path][method.toLowerCase()]);
}
