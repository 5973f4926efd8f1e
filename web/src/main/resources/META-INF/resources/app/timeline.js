// The administrations of one encounter on a time line: one row per administration, a bar from start
// to stop. IV bars say push or infusion by the contract's rule (15 minutes or less = push; NOTES
// decision 1, coding-core TimeRules), in words as well as by pattern, so colour is never the only cue.
import {h} from './dom.js';
import {localMinutes, clock, duration, unitCount} from './format.js';

const PUSH_MAX_MINUTES = 15;

export function kindOf(a, minutes) {
  if (minutes === null) return {cls: 'none', label: routeLabel(a.route) + ', no start/stop time'};
  if (a.route === 'IV') {
    return minutes <= PUSH_MAX_MINUTES
      ? {cls: 'push', label: 'IV push, ' + duration(minutes)}
      : {cls: 'infusion', label: 'IV infusion, ' + duration(minutes)};
  }
  if (a.route === 'INTRA_ARTERIAL') {
    return {cls: minutes <= PUSH_MAX_MINUTES ? 'push' : 'infusion',
      label: 'Intra-arterial ' + (minutes <= PUSH_MAX_MINUTES ? 'push' : 'infusion') + ', ' + duration(minutes)};
  }
  return {cls: 'other', label: routeLabel(a.route) + ', ' + duration(minutes)};
}

function routeLabel(route) {
  const r = String(route || 'unknown route');
  return r.length <= 3 ? r : r.charAt(0) + r.slice(1).toLowerCase().replaceAll('_', ' ');
}

export function timeline(administrations) {
  const items = (Array.isArray(administrations) ? administrations : []).map(a => {
    const start = localMinutes(a.startTime);
    const end = localMinutes(a.endTime);
    const minutes = start !== null && end !== null && end >= start ? Math.floor(end - start) : null;
    return {a, start, end, minutes};
  });
  if (items.length === 0) return h('p', {class: 'muted'}, 'No administrations were documented: this claim was audited in claims-only mode.');
  const timed = items.filter(i => i.minutes !== null);
  const t0 = timed.length ? Math.min(...timed.map(i => i.start)) : 0;
  const t1 = timed.length ? Math.max(...timed.map(i => i.end)) : 0;
  const span = Math.max(t1 - t0, 30);

  const ticks = [];
  if (timed.length) {
    const step = span <= 120 ? 15 : span <= 360 ? 60 : 120;
    for (let t = Math.ceil(t0 / step) * step; t <= t0 + span; t += step) {
      const d = new Date(t * 60000);
      const hhmm = String(d.getUTCHours()).padStart(2, '0') + ':' + String(d.getUTCMinutes()).padStart(2, '0');
      const tick = h('span', {class: 'tick', 'aria-hidden': 'true'}, hhmm);
      tick.style.left = ((t - t0) / span * 100) + '%';
      ticks.push(tick);
    }
  }

  const rows = items.map(({a, start, end, minutes}) => {
    const kind = kindOf(a, minutes);
    const what = [a.drugCode, a.drugName, a.dose !== undefined ? unitCount(a.dose) + ' ' + (a.doseUnit || '') : null]
      .filter(Boolean).join(' · ');
    const when = minutes === null ? '' : clock(a.startTime) + '–' + clock(a.endTime);
    const track = h('div', {class: 'track'});
    if (minutes !== null) {
      const bar = h('div', {class: 'bar ' + kind.cls, title: kind.label + ' ' + when});
      bar.style.left = ((start - t0) / span * 100) + '%';
      bar.style.width = Math.max((end - start) / span * 100, 1.2) + '%';
      track.append(bar);
    }
    const extras = [a.pump ? 'pump' : null, a.wasted ? 'wasted ' + unitCount(a.wasted) + ' ' + (a.doseUnit || '') : null,
      a.accessSite ? 'access ' + a.accessSite : null].filter(Boolean).join(', ');
    return h('li', {class: 'tl-row kind-' + kind.cls, dataset: {kind: kind.cls}},
      h('div', {class: 'tl-label'},
        h('span', {class: 'tl-what'}, (a.administrationId ? a.administrationId + ': ' : '') + what),
        h('span', {class: 'tl-how'}, kind.label + (when ? ' (' + when + ')' : '') + (extras ? ', ' + extras : ''))),
      track);
  });

  return h('figure', {class: 'timeline'},
    h('figcaption', null, 'Administrations by start and stop time. ',
      h('span', {class: 'legend'},
        h('span', {class: 'key push'}, 'IV push (15 min or less)'),
        h('span', {class: 'key infusion'}, 'Infusion (16 min or more)'),
        h('span', {class: 'key other'}, 'Other route'))),
    timed.length ? h('div', {class: 'tl-axis'}, h('div', {class: 'tl-label'}), h('div', {class: 'track'}, ticks)) : null,
    h('ol', {class: 'tl-rows'}, rows));
}
