// The API client. The page signs in to a server session (issue 17): POST /api/session checks the
// password and sets an HttpOnly, SameSite=Strict cookie that this script cannot read; no credential is
// kept in the page or its storage. sessionStorage holds only who is signed in (name and roles, to draw
// the menu). State-changing requests carry the session's CSRF token (X-CSRF-Token), which lives in
// memory only and is fetched again from GET /api/session after a reload. Scripts keep using HTTP Basic.

const SESSION_KEY = 'oncoaudit.session';
const DASHBOARD = {'X-Requested-With': 'oncoaudit'};
let csrfToken = null;

export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field || null;
  }
}

/** {username, roles} of the signed-in user, or null. */
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

function remember(me) {
  csrfToken = me.csrfToken || null;
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({
    username: me.username, roles: Array.isArray(me.roles) ? me.roles : [],
  }));
}

/** Signs in: the server checks the password and opens the session (its cookie is HttpOnly). */
export async function login(username, password) {
  const res = await fetch('/api/session', {
    method: 'POST',
    headers: {...DASHBOARD, 'Content-Type': 'application/json', Accept: 'application/json'},
    body: JSON.stringify({username, password}),
    credentials: 'same-origin', cache: 'no-store',
  });
  if (res.status === 401) throw new ApiError(401, 'Wrong user name or password.');
  if (res.status === 429) {
    const wait = res.headers.get('Retry-After');
    throw new ApiError(429, 'Too many failed logins; try again' + (wait ? ' in ' + wait + ' seconds.' : ' later.'));
  }
  if (!res.ok) throw await problem(res);
  const me = await res.json();
  remember(me);
  return me;
}

function forget() {
  csrfToken = null;
  for (const key of Object.keys(sessionStorage)) {
    if (key.startsWith('oncoaudit.')) sessionStorage.removeItem(key);
  }
}

/** Ends the session on the server (the cookie stops working) and forgets everything this page kept. */
export function logout() {
  const token = csrfToken;
  forget();
  return fetch('/api/session', {
    method: 'DELETE', headers: {...DASHBOARD, ...(token ? {'X-CSRF-Token': token} : {})},
    credentials: 'same-origin', cache: 'no-store',
  }).catch(() => null);
}

async function csrf() {
  if (csrfToken) return csrfToken;
  const res = await fetch('/api/session', {headers: {...DASHBOARD, Accept: 'application/json'}, credentials: 'same-origin', cache: 'no-store'});
  if (res.ok) remember(await res.json());
  return csrfToken;
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

/** Called when the session ends (idle timeout, logout elsewhere, password changed, user removed). */
export function whenUnauthorized(handler) {
  onUnauthorized = handler;
}

async function request(path, options = {}) {
  const s = session();
  if (!s) {
    onUnauthorized();
    throw new ApiError(401, 'Please log in.');
  }
  const method = (options.method || 'GET').toUpperCase();
  const token = method === 'GET' || method === 'HEAD' ? null : await csrf();
  const res = await fetch(path, {
    ...options,
    headers: {...DASHBOARD, Accept: 'application/json', ...(token ? {'X-CSRF-Token': token} : {}), ...(options.headers || {})},
    credentials: 'same-origin', cache: 'no-store',
  });
  if (res.status === 401) {
    forget();
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

/** Fetches a file within the session and hands it to the browser as a download. */
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
