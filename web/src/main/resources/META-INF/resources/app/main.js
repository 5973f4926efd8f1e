// Start-up and routing. Views live in the URL fragment, with their filters as its query string, so any
// view can be shared by link and reloaded: #/finance?runId=..&from=.., #/worklist?payerId=..,
// #/encounter/<claimId>?runId=.. A link opened without a session shows the login, then that view.
import {h, replace} from './dom.js';
import {session, hasRole, logout, whenUnauthorized, query} from './api.js';
import {renderLogin} from './login.js';
import {renderFinance} from './finance.js';
import {renderWorklist} from './worklist.js';
import {renderEncounter} from './encounter.js';
import {disposeCharts} from './charts.js';
import {renderCampaigns, addBuildCampaign, canReadCampaigns} from './campaigns.js';
import {renderCampaignDetail} from './campaign-detail.js';
import {renderRecovery} from './recovery.js';
import {renderDrill} from './drill.js';
import {renderRuns} from './runs.js';
import {renderReview} from './review.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const userBox = document.getElementById('user');
const NEXT_KEY = 'oncoaudit.next';
let lastView = null;
let renderToken = 0;

export function parseHash() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q >= 0 ? raw.slice(0, q) : raw;
  const params = new URLSearchParams(q >= 0 ? raw.slice(q + 1) : '');
  const segments = path.split('/').filter(Boolean).map(s => {
    try { return decodeURIComponent(s); } catch { return s; }
  });
  return {segments, params};
}

/** Changes the URL (a new history entry) and renders the view it names. */
export function navigate(path, params) {
  const target = '#' + path + query(params);
  if (location.hash === target) render();
  else location.hash = target;
}

function defaultView() {
  return hasRole('finance') || !hasRole('auditor') ? '/finance' : '/worklist';
}

function navLink(href, label, current) {
  return h('a', {href, class: 'nav-link', 'aria-current': current ? 'page' : null}, label);
}

function renderShell(view) {
  const s = session();
  if (!s) {
    replace(nav);
    replace(userBox);
    return;
  }
  replace(nav,
    navLink('#/finance', 'Finance', view === 'finance'),
    navLink('#/drill', 'Drill-down', view === 'drill'),
    hasRole('auditor') ? navLink('#/worklist', 'Findings worklist', view === 'worklist' || view === 'encounter') : null,
    canReadCampaigns() ? navLink('#/campaigns', 'Campaigns', view === 'campaigns' || view === 'campaign') : null,
    canReadCampaigns() ? navLink('#/recovery', 'Recovery', view === 'recovery') : null,
    hasRole('auditor') ? navLink('#/review', 'Review', view === 'review') : null,
    navLink('#/runs', 'Runs', view === 'runs'));
  replace(userBox,
    h('span', {class: 'who', id: 'who'}, s.username, h('span', {class: 'roles'}, ' (' + s.roles.join(', ') + ')')),
    h('button', {type: 'button', class: 'link-button', id: 'logout', onclick: doLogout}, 'Log out'));
}

function doLogout() {
  logout();
  sessionStorage.removeItem(NEXT_KEY);
  disposeCharts();
  lastView = null;
  if (location.hash === '#/login') render();
  else location.hash = '#/login';
}

function showLogin(message) {
  renderShell('login');
  document.title = 'Log in · oncoaudit';
  renderLogin(main, {
    message,
    onLoggedIn: () => {
      const next = sessionStorage.getItem(NEXT_KEY);
      sessionStorage.removeItem(NEXT_KEY);
      const target = next && !next.startsWith('#/login') ? next : '#' + defaultView();
      // a shared link shows the login under its own URL: then the hash does not change, so render here
      if (location.hash === target) render();
      else location.hash = target;
    },
  });
}

function render() {
  const token = ++renderToken;
  const {segments, params} = parseHash();
  const view = segments[0] || '';
  disposeCharts();
  if (view === 'login' || !session()) {
    if (view !== 'login' && view !== '') sessionStorage.setItem(NEXT_KEY, location.hash);
    lastView = 'login';
    showLogin(view === 'login' ? null : (params.size || segments.length ? 'Please log in to open this view.' : null));
    return;
  }
  if (!['finance', 'drill', 'worklist', 'encounter', 'campaigns', 'campaign', 'recovery', 'runs', 'review'].includes(view)) {
    location.replace('#' + defaultView());
    return;
  }
  renderShell(view);
  const changed = view !== lastView;
  lastView = view;
  const ctx = {
    main, params, segments, navigate,
    isCurrent: () => token === renderToken,
    title: t => { document.title = t + ' · oncoaudit'; },
    focusHeading: () => {
      if (changed) main.querySelector('h1')?.focus();
    },
  };
  if ((view === 'worklist' || view === 'encounter' || view === 'review') && !hasRole('auditor')) {
    ctx.title('Not permitted');
    replace(main, h('section', null,
      h('h1', {tabindex: '-1'}, 'Not permitted'),
      h('p', null, 'Your role does not give access to patient-level findings. The finance overview shows the totals.'),
      h('p', null, h('a', {href: '#/finance'}, 'Go to the finance overview'))));
    ctx.focusHeading();
    return;
  }
  if (['campaigns', 'campaign', 'recovery'].includes(view) && !canReadCampaigns()) {
    ctx.title('Not permitted');
    replace(main, h('section', null, h('h1', {tabindex: '-1'}, 'Not permitted'),
      h('p', null, 'Appeal campaigns are for the auditor and finance roles.')));
    ctx.focusHeading();
    return;
  }
  if (view === 'finance') renderFinance(ctx);
  else if (view === 'drill') renderDrill(ctx);
  else if (view === 'worklist') { renderWorklist(ctx); addBuildCampaign(ctx); }
  else if (view === 'campaigns') renderCampaigns(ctx);
  else if (view === 'campaign') renderCampaignDetail(ctx);
  else if (view === 'recovery') renderRecovery(ctx);
  else if (view === 'runs') renderRuns(ctx);
  else if (view === 'review') renderReview(ctx);
  else renderEncounter(ctx);
}

whenUnauthorized(() => {
  if (!location.hash.startsWith('#/login')) {
    sessionStorage.setItem(NEXT_KEY, location.hash);
    location.hash = '#/login';
  }
});

document.getElementById('skip-link').addEventListener('click', event => {
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', render);
render();
