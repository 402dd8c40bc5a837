// The report's only script, inlined (and allowed by its hash in the page's
// Content-Security-Policy, so no other script can run even if markup were
// injected). It reads data attributes written by the charts and never parses
// HTML: tooltip text goes in with textContent.
//   [data-tip]                 hover/focus → tooltip with its text
//   [data-legend] / [data-series]  hover → that configuration highlighted in the CDFs
//   button[data-sort-col]      click → sort the table by that column
//   svg.chart                  --k = how much narrower than its viewBox it is drawn (at most
//                              MAX_TEXT_SCALE): the stylesheet multiplies font sizes by it, so
//                              chart text keeps its size on a phone and on paper; with
//                              data-text-fit also under 1, so a wide page does not enlarge it
import { MAX_TEXT_SCALE } from './axis.js';

export const PAGE_SCRIPT = `(function () {
  'use strict';
  var tip = document.getElementById('tooltip');
  var current = null;
  function place(x, y) {
    var r = tip.getBoundingClientRect();
    var left = x + 14, top = y + 14;
    if (left + r.width > window.innerWidth - 4) left = Math.max(4, x - r.width - 14);
    if (top + r.height > window.innerHeight - 4) top = Math.max(4, y - r.height - 14);
    tip.style.left = left + 'px';
    tip.style.top = top + 'px';
  }
  function show(el, x, y) {
    current = el;
    tip.textContent = el.getAttribute('data-tip');
    tip.hidden = false;
    place(x, y);
  }
  function hide() { current = null; tip.hidden = true; }
  document.addEventListener('mouseover', function (e) {
    var el = e.target.closest && e.target.closest('[data-tip]');
    if (el) show(el, e.clientX, e.clientY); else if (current) hide();
    highlight(e.target.closest && e.target.closest('[data-legend],[data-series]'));
  });
  document.addEventListener('mousemove', function (e) { if (current) place(e.clientX, e.clientY); });
  document.addEventListener('mouseleave', hide);
  document.addEventListener('focusin', function (e) {
    var el = e.target.closest && e.target.closest('[data-tip]');
    if (el) { var r = el.getBoundingClientRect(); show(el, r.left + r.width / 2, r.bottom); }
    highlight(e.target.closest && e.target.closest('[data-legend]'));
  });
  document.addEventListener('focusout', function () { hide(); highlight(null); });
  var lit = null;
  function highlight(el) {
    var key = el ? (el.getAttribute('data-legend') || el.getAttribute('data-series')) : null;
    if (key === lit) return;
    lit = key;
    var charts = document.querySelectorAll('svg[data-chart^="cdf"]');
    for (var i = 0; i < charts.length; i++) {
      charts[i].classList.toggle('dim', key !== null);
      var series = charts[i].querySelectorAll('g[data-series]');
      for (var j = 0; j < series.length; j++) series[j].classList.toggle('hi', series[j].getAttribute('data-series') === key);
    }
  }
  function sortBy(button) {
    var th = button.closest('th');
    var table = button.closest('table');
    var col = Number(button.getAttribute('data-sort-col'));
    var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
    var ths = table.querySelectorAll('th');
    for (var i = 0; i < ths.length; i++) ths[i].setAttribute('aria-sort', 'none');
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var key = function (row) { var v = row.cells[col].getAttribute('data-sort'); var n = Number(v); return v !== '' && !isNaN(n) ? n : v; };
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      if (typeof x === 'number' && typeof y === 'number') return (x - y) * dir;
      return String(x).localeCompare(String(y)) * dir;
    });
    for (var k = 0; k < rows.length; k++) body.appendChild(rows[k]);
  }
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('button[data-sort-col]');
    if (b) sortBy(b);
  });
  function fitText() {
    var svgs = document.querySelectorAll('svg.chart');
    for (var i = 0; i < svgs.length; i++) {
      var vb = svgs[i].viewBox && svgs[i].viewBox.baseVal;
      var w = svgs[i].getBoundingClientRect().width;
      if (!vb || !vb.width || !w) continue;
      svgs[i].style.setProperty('--k', Math.min(${MAX_TEXT_SCALE}, Math.max(svgs[i].hasAttribute('data-text-fit') ? 0 : 1, vb.width / w)).toFixed(3));
    }
  }
  fitText();
  window.addEventListener('resize', fitText);
  window.addEventListener('beforeprint', fitText);
  window.addEventListener('afterprint', fitText);
  if (window.matchMedia) { var pm = window.matchMedia('print'); if (pm.addEventListener) pm.addEventListener('change', fitText); }
})();
`;
