// Charts with ECharts from its webjar (org.webjars.npm:echarts, see web/pom.xml), loaded only when a
// chart is first shown. Canvas rendering and richText tooltips: labels from the extract are painted,
// never parsed as HTML. Every chart sits next to a table holding the same numbers.
import {h} from './dom.js';

export const ECHARTS_URL = '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';

export const COLORS = {UNDERPAYMENT: '#1a6b3c', OVERPAYMENT: '#b42318', DENIAL: '#8a4a00', AMOUNT: '#0b57a4'};

let library = null;

function echarts() {
  if (!library) library = import(ECHARTS_URL);
  return library;
}

/** Starts downloading and compiling ECharts now (a view that will draw charts, before its data arrives). */
export function preloadCharts() {
  echarts().catch(() => { library = null; });
}

const live = new Set();
let observer = null;

/** Disposes every chart (on leaving a view). */
export function disposeCharts() {
  for (const c of live) c.dispose();
  live.clear();
  observer?.disconnect();
  observer = null;
}

/** A chart container; the chart is drawn into it asynchronously. */
export function chartBox(label, option) {
  const box = h('div', {class: 'chart', role: 'img', 'aria-label': label});
  echarts().then(lib => {
    if (!box.isConnected) return;
    const chart = lib.init(box, null, {renderer: 'canvas'});
    chart.setOption({
      aria: {enabled: true, decal: {show: true}},
      textStyle: {fontFamily: 'system-ui, sans-serif', color: '#1b1f24'},
      animation: false,
      tooltip: {renderMode: 'richText', trigger: 'axis', axisPointer: {type: 'shadow'}},
      grid: {left: 24, right: 24, top: 36, bottom: 8, containLabel: true},
      ...option,
    });
    // ECharts' aria option writes its own description; keep ours, which names the chart.
    box.setAttribute('aria-label', label);
    box.dataset.rendered = 'true';
    live.add(chart);
    if (!observer) observer = new ResizeObserver(() => live.forEach(c => c.resize()));
    observer.observe(box);
  });
  return box;
}

const moneyAxis = {
  type: 'value',
  axisLabel: {formatter: v => '$' + compact(v)},
};

function compact(v) {
  const a = Math.abs(v);
  if (a >= 1e9) return (v / 1e9).toFixed(1) + 'B';
  if (a >= 1e6) return (v / 1e6).toFixed(1) + 'M';
  if (a >= 1e3) return (v / 1e3).toFixed(0) + 'k';
  return String(v);
}

function moneyTooltip(v) {
  return '$' + Number(v).toLocaleString('en-US', {minimumFractionDigits: 2, maximumFractionDigits: 2});
}

/** Stacked bars of underpayment / overpayment / denial per category (horizontal when there are many). */
export function directionBars(label, categories, rows, {horizontal = false} = {}) {
  const series = ['UNDERPAYMENT', 'OVERPAYMENT', 'DENIAL'].map(d => ({
    name: d.charAt(0) + d.slice(1).toLowerCase(),
    type: 'bar', stack: 'money',
    itemStyle: {color: COLORS[d]},
    data: rows.map(r => r[d.toLowerCase()]),
    tooltip: {valueFormatter: moneyTooltip},
  }));
  const cat = {type: 'category', data: categories, axisLabel: {interval: 0, hideOverlap: true}};
  return chartBox(label, {
    legend: {top: 0},
    xAxis: horizontal ? moneyAxis : cat,
    yAxis: horizontal ? {...cat, inverse: true} : moneyAxis,
    series,
  });
}

/** One bar per category of a single amount. */
export function amountBars(label, categories, values) {
  return chartBox(label, {
    xAxis: moneyAxis,
    yAxis: {type: 'category', data: categories, inverse: true, axisLabel: {interval: 0}},
    series: [{name: 'Amount', type: 'bar', itemStyle: {color: COLORS.AMOUNT}, data: values,
      tooltip: {valueFormatter: moneyTooltip}}],
  });
}
