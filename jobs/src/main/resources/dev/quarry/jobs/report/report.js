/* Quarry run report: draws every chart from the JSON embedded in this page (report.json's
   numbers). No libraries, no network. When done it writes what it drew into #report-status
   (charts with their number of bars and size, script errors) for tests to read. */
(function () {
  'use strict';
  var status = { drawn: false, charts: [], errors: [] };
  window.addEventListener('error', function (e) {
    status.errors.push(String(e.message || e));
    writeStatus();
  });
  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = ['#2f6fdf', '#f08c2e', '#2a9d6f', '#9b59b6', '#d64550', '#7f8c8d'];
  var STAGE_COLORS = { ingest: '#2f6fdf', filter: '#f08c2e', dedup: '#2a9d6f', mix: '#9b59b6' };
  var KIND_COLORS = { skipped: '#b8c0cc', error: '#d64550' };

  function writeStatus() {
    var node = document.getElementById('report-status');
    if (node) { node.textContent = JSON.stringify(status); }
    document.body.setAttribute('data-report', status.errors.length ? 'error'
      : status.drawn ? 'drawn' : 'drawing');
  }

  function el(tag, parent, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function svg(tag, parent, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    if (attrs) { Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); }); }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function num(n) {
    if (n === null || n === undefined || isNaN(n)) { return '–'; }
    if (Math.abs(n - Math.round(n)) < 1e-9) { return Math.round(n).toLocaleString('en-US'); }
    return Number(n).toLocaleString('en-US', { maximumFractionDigits: 2 });
  }

  function compact(n) {
    var a = Math.abs(n);
    if (a >= 1e9) { return (n / 1e9).toFixed(a >= 1e10 ? 0 : 1) + 'G'; }
    if (a >= 1e6) { return (n / 1e6).toFixed(a >= 1e7 ? 0 : 1) + 'M'; }
    if (a >= 1e4) { return (n / 1e3).toFixed(0) + 'k'; }
    return num(n);
  }

  function pct(x) { return (x * 100).toFixed(1) + '%'; }

  function seconds(s) {
    if (s >= 3600) { return Math.floor(s / 3600) + 'h ' + Math.round((s % 3600) / 60) + 'm'; }
    if (s >= 60) { return Math.floor(s / 60) + 'm ' + Math.round(s % 60) + 's'; }
    return (Math.round(s * 10) / 10) + ' s';
  }

  /** A nice upper bound for an axis: 1, 2 or 5 times a power of ten. */
  function niceMax(max) {
    if (max <= 0) { return 1; }
    var p = Math.pow(10, Math.floor(Math.log10(max)));
    var m = [1, 2, 5, 10].find(function (f) { return f * p >= max; });
    return m * p;
  }

  function legend(parent, series, colors) {
    if (series.length < 2) { return; }
    var box = el('div', parent, { class: 'legend' });
    series.forEach(function (name, i) {
      var item = el('span', box, null, name);
      item.style.setProperty('--swatch', colors[i % colors.length]);
    });
  }

  /**
   * A bar chart of {series, rows: [{key, values}]}: horizontal (one band per row, a bar per
   * series) or vertical (columns, for histograms). opts: title, horizontal, colors, rowColor
   * (row, index) -> colour, format (value -> label), empty (text when there is nothing),
   * height and axisLabel (vertical charts).
   */
  function barChart(parent, id, bars, opts) {
    opts = opts || {};
    var box = el('div', parent, { class: 'chart', 'data-chart': id });
    if (opts.title) { el('h3', box, null, opts.title); }
    var series = bars.series || [];
    var rows = bars.rows || [];
    var colors = opts.colors || COLORS;
    var format = opts.format || num;
    var total = 0;
    rows.forEach(function (r) { r.values.forEach(function (v) { total += v; }); });
    if (!rows.length || total === 0) {
      el('div', box, { class: 'empty' }, opts.empty || 'nothing to show');
      status.charts.push({ id: id, marks: 0, empty: true });
      return box;
    }
    legend(box, series, colors);
    var width = Math.max(320, box.clientWidth || 520);
    var max = 0;
    rows.forEach(function (r) { r.values.forEach(function (v) { max = Math.max(max, v); }); });
    var top = niceMax(max);
    var chart = svg('svg', box, { role: 'img', 'aria-label': opts.title || id });
    var marks = 0;
    var height;
    if (opts.horizontal !== false) {
      var barH = series.length > 1 ? 9 : 16;
      var band = barH * series.length + 8;
      var longest = rows.reduce(function (m, r) { return Math.max(m, String(r.key).length); }, 0);
      var left = Math.min(240, 12 + longest * 6.6);
      var right = 64;
      var plot = width - left - right;
      height = band * rows.length + 6;
      rows.forEach(function (r, i) {
        var y = i * band + 4;
        svg('text', chart, { x: left - 6, y: y + band / 2, 'text-anchor': 'end',
          'dominant-baseline': 'middle' }, r.key);
        r.values.forEach(function (v, s) {
          var w = Math.max(v > 0 ? 1.5 : 0, plot * v / top);
          var color = opts.rowColor ? opts.rowColor(r, i) : colors[s % colors.length];
          var rect = svg('rect', chart, { x: left, y: y + s * barH, width: w,
            height: barH - 1, fill: color, rx: 1.5, 'data-value': v });
          svg('title', rect, null, (series[s] ? series[s] + ' · ' : '') + r.key + ': '
            + format(v));
          if (v > 0) { marks++; }
          svg('text', chart, { x: left + w + 4, y: y + s * barH + (barH - 1) / 2,
            'dominant-baseline': 'middle', class: 'value-label' }, format(v));
        });
      });
      svg('line', chart, { x1: left, x2: left, y1: 0, y2: height, class: 'axis' });
    } else {
      var leftV = 46;
      var bottom = 44;
      var plotW = width - leftV - 8;
      var plotH = opts.height || 170;
      height = plotH + bottom + 8;
      var col = plotW / rows.length;
      var gap = Math.min(6, col * 0.2);
      var barW = (col - gap) / series.length;
      [0, 0.5, 1].forEach(function (f) {
        var y = 6 + plotH * (1 - f);
        svg('line', chart, { x1: leftV, x2: leftV + plotW, y1: y, y2: y, class: 'axis' });
        svg('text', chart, { x: leftV - 4, y: y, 'text-anchor': 'end',
          'dominant-baseline': 'middle', class: 'value-label' }, compact(top * f));
      });
      var every = Math.max(1, Math.ceil(rows.length / Math.max(1, plotW / 42)));
      rows.forEach(function (r, i) {
        var x = leftV + i * col + gap / 2;
        r.values.forEach(function (v, s) {
          var h = v > 0 ? Math.max(1.5, plotH * v / top) : 0;
          var rect = svg('rect', chart, { x: x + s * barW, y: 6 + plotH - h, width: barW,
            height: h, fill: colors[s % colors.length], 'data-value': v });
          svg('title', rect, null, (series[s] ? series[s] + ' · ' : '') + r.key + ': '
            + format(v));
          if (v > 0) { marks++; }
        });
        if (i % every === 0) {
          svg('text', chart, { x: x + (col - gap) / 2, y: 6 + plotH + 14,
            'text-anchor': 'middle' }, r.key);
        }
      });
      if (opts.axisLabel) {
        svg('text', chart, { x: leftV + plotW / 2, y: 6 + plotH + 34, 'text-anchor': 'middle',
          class: 'value-label' }, opts.axisLabel);
      }
    }
    chart.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    chart.setAttribute('height', height);
    chart.setAttribute('data-marks', marks);
    var size = chart.getBoundingClientRect();
    status.charts.push({ id: id, marks: marks, width: Math.round(size.width),
      height: Math.round(size.height) });
    return box;
  }

  function section(id, title, note) {
    var s = el('section', root, { id: id });
    el('h2', s, null, title);
    if (note) { el('p', s, { class: 'note' }, note); }
    return s;
  }

  function tiles(parent, items) {
    var box = el('div', parent, { class: 'tiles' });
    items.forEach(function (t) {
      if (t[1] === null || t[1] === undefined) { return; }
      var tile = el('div', box, { class: 'tile' });
      el('div', tile, { class: 'value' }, t[1]);
      el('div', tile, { class: 'label' }, t[0]);
    });
  }

  function table(parent, headings, rows) {
    var t = el('table', parent);
    var head = el('tr', el('thead', t));
    headings.forEach(function (h) { el('th', head, null, h); });
    var body = el('tbody', t);
    rows.forEach(function (r) {
      var tr = el('tr', body);
      r.forEach(function (c) { el('td', tr, null, c); });
    });
    return t;
  }

  var data = JSON.parse(document.getElementById('report-data').textContent);
  var root = document.getElementById('report');

  function header() {
    var h = el('header', root);
    document.title = 'Quarry report: ' + data.report.title;
    el('h1', h, null, document.title);
    var sub = el('p', h, { class: 'sub' });
    var run = data.run;
    if (run) {
      sub.appendChild(document.createTextNode('pipeline ' + run.pipeline + ' · '));
      el('span', sub, { class: 'status-' + run.status }, run.status);
      var took = (Date.parse(run.finished_at) - Date.parse(run.started_at)) / 1000;
      sub.appendChild(document.createTextNode(' in ' + seconds(took) + ' · started '
        + run.started_at + (run.error ? ' · ' + run.error : '')));
    } else {
      sub.textContent = 'outputs from ' + data.report.subject + ' and everything upstream';
    }
    var f = data.funnel || {};
    var levels = f.levels || [];
    tiles(root, [
      ['raw records', levels.length ? num(levels[0].count) : null],
      ['kept by filter', pick(levels, 'after filter')],
      ['kept by dedup', pick(levels, 'after dedup')],
      ['duplicate rate', data.dedup ? pct(data.dedup.duplicate_rate) : null],
      ['PII replaced', data.pii ? num(data.pii.total) : null],
      ['mix tokens', f.mix_tokens !== undefined ? num(f.mix_tokens) : null]
    ]);
  }

  function pick(levels, label) {
    var l = levels.find(function (x) { return x.label === label; });
    return l ? num(l.count) : null;
  }

  function funnel() {
    var f = data.funnel;
    var s = section('funnel', 'From raw records to the mix',
      'Records left after each stage, and every reason a stage removed records for. Grey: '
      + 'WARC records that are not documents (requests, metadata, warcinfo), skipped by ingest.');
    var row = el('div', s, { class: 'row' });
    barChart(row, 'funnel', { series: ['records'], rows: f.levels.map(function (l) {
      return { key: l.label, values: [l.count] };
    }) }, { title: 'records left' + (f.mix_tokens !== undefined ? ' (mix: '
      + num(f.mix_documents) + ' documents with repeats, ' + num(f.mix_tokens) + ' tokens)' : '') });
    barChart(row, 'removed', { series: ['removed'], rows: f.removed.map(function (r) {
      return { key: r.stage + ' · ' + r.reason, values: [r.count], stage: r.stage, kind: r.kind };
    }) }, { title: 'removed, by stage and reason',
      rowColor: function (r) { return KIND_COLORS[r.kind] || STAGE_COLORS[r.stage]; } });
  }

  function languages() {
    var s = section('languages', 'Languages',
      'Documents per language (ISO 639-3; und: undetermined) into the filter, kept by it, and '
      + 'kept by dedup; the ' + data.languages.rows.length + ' most frequent.');
    barChart(s, 'languages', data.languages, {});
  }

  function lengths() {
    var s = section('lengths', 'Text lengths',
      'Characters per document, in power-of-two buckets: as they came into the filter, as the '
      + 'filter kept them (lines removed, PII replaced), and after dedup.');
    barChart(s, 'lengths', data.lengths, { horizontal: false, axisLabel: 'characters' });
  }

  function scores() {
    if (!data.scores.length) { return; }
    var s = section('scores', 'Quality scores',
      'Linear histograms of each score the filter chain set: every document that has it (in '
      + 'filter mode, those that reached the step that sets it) and the kept ones.');
    var row = el('div', s, { class: 'row' });
    data.scores.forEach(function (chart) {
      barChart(row, 'score-' + chart.score, chart, { horizontal: false, title: chart.score,
        axisLabel: 'score (buckets ' + chart.bucket_width + ' wide)', height: 140 });
    });
  }

  function dedup() {
    var d = data.dedup;
    if (!d) { return; }
    var s = section('dedup', 'Duplicates',
      'Exact and near duplicates (MinHash, Jaccard ≥ ' + d.threshold + ', ' + d.bands
      + ' bands × ' + d.rows + ' rows); one document of each cluster kept (' + d.keep_rule + ').');
    tiles(s, [['duplicate rate', pct(d.duplicate_rate)], ['documents in', num(d.records_in)],
      ['kept', num(d.kept)], ['exact duplicates', num(d.exact_duplicates)],
      ['near duplicates', num(d.near_duplicates)], ['candidate pairs', num(d.candidate_edges)]]);
    barChart(s, 'clusters', d.cluster_sizes, { title: 'clusters by size (documents)',
      empty: 'no duplicate clusters' });
  }

  function pii() {
    var p = data.pii;
    if (!p) { return; }
    var s = section('pii', 'Personal data replaced',
      num(p.total) + ' values replaced by the pii step, per type and source (all types shown).');
    barChart(s, 'pii', p, { empty: 'no PII found' });
  }

  function mix() {
    var m = data.mix;
    if (!m) { return; }
    var s = section('mix', 'Mix ' + m.label,
      num(m.tokens) + ' ' + m.tokenizer + ' tokens in ' + num(m.documents) + ' documents (with '
      + 'repeats), ' + m.shards + ' shards; tokens per source, requested and taken.');
    barChart(s, 'mix-tokens', m.tokens_per_source, {});
    table(s, ['source', 'filter', 'requested', 'taken', 'share asked', 'share got', 'epochs'],
      m.sources.map(function (x) {
        return [x.name, x.filter || '', num(x.target_tokens), num(x.tokens_taken),
          pct(x.requested_share), pct(x.actual_share), num(x.effective_epochs)];
      }));
  }

  function timings() {
    var s = section('timings', 'Time and throughput',
      'Wall time of each stage output as its manifest records it (start to commit). Outputs '
      + 'marked up to date were made by an earlier run.');
    barChart(s, 'timings', data.timings, { format: function (v) { return seconds(v); } });
    table(s, ['output', 'this run', 'seconds', 'records in', 'kept', 'records/s', 'MB/s',
      'M chars/s', 'tokens/s'], data.stages.map(function (x) {
      return [x.label, x.outcome ? x.outcome.replace(/_/g, ' ') : '', num(x.seconds),
        num(x.records_in), num(x.kept), num(x.records_per_second),
        x.mb_per_second !== undefined ? num(x.mb_per_second) : '',
        x.mchars_per_second !== undefined ? num(x.mchars_per_second) : '',
        x.tokens_per_second !== undefined ? num(x.tokens_per_second) : ''];
    }));
  }

  function samples() {
    var s = section('samples', 'What each filter removed',
      'The first rejected documents by id for every reason, from each output\'s _rejected/ '
      + '(text cut at 600 characters; e-mails, phones, addresses and other PII redacted).');
    if (!data.samples.length) {
      el('p', s, { class: 'note' }, 'No rejected documents.');
    }
    data.samples.forEach(function (g) {
      var d = el('details', s, { 'data-reason': g.stage + ':' + g.reason });
      var sum = el('summary', d, null, g.stage + ' · ' + g.reason + ' ');
      el('span', sum, { class: 'count' }, '(' + num(g.count) + ' removed, ' + g.documents.length
        + ' shown)');
      if (!g.documents.length) {
        el('div', d, { class: 'sample' }, 'No sample kept (the stage keeps none, or no text).');
      }
      g.documents.forEach(function (doc) {
        var box = el('div', d, { class: 'sample' });
        el('div', box, { class: 'meta' }, [doc.id, doc.output, doc.lang, doc.step,
          doc.cluster_id ? 'cluster ' + doc.cluster_id : null, num(doc.chars) + ' chars',
          doc.url].filter(function (x) { return x; }).join(' · '));
        el('div', box, { class: 'text' }, doc.excerpt === null ? '(no text)' : doc.excerpt
          + (doc.chars > doc.excerpt.length ? ' …' : ''));
      });
    });
  }

  try {
    header();
    funnel();
    languages();
    lengths();
    scores();
    dedup();
    pii();
    mix();
    timings();
    samples();
    el('footer', root, null, 'Quarry ' + data.report.quarry_version + ' · report format '
      + data.report.format + ' · generated ' + data.report.generated_at
      + ' · the numbers are in report.json');
    status.drawn = true;
  } catch (e) {
    status.errors.push(String(e && e.stack || e));
  }
  writeStatus();
})();
