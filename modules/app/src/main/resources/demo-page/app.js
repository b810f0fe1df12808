// The demo page: plain ES module, no build step. Talks only to /api/v1/demos/*.
const API = '/api/v1/demos';
const STORE_NAMES = { postgres: 'PostgreSQL', mongodb: 'MongoDB', redis: 'Redis', cassandra: 'Cassandra', neo4j: 'Neo4j' };

let token = sessionStorage.getItem('polyglot-demo-token');

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child == null) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch { json = { detail: text }; }
  if (response.status === 401 || response.status === 403) document.getElementById('login').hidden = false;
  if (!response.ok) {
    const error = new Error((json && (json.detail || json.title)) || response.statusText);
    error.status = response.status;
    error.problem = json;
    throw error;
  }
  return json;
}

const fmt = (ms) => (ms == null ? '—' : ms < 1 ? `${ms.toFixed(3)} ms` : ms < 100 ? `${ms.toFixed(2)} ms` : `${Math.round(ms).toLocaleString()} ms`);
const num = (n) => (n == null ? '—' : Number(n).toLocaleString());

function storeBadge(store) {
  return el('span', { class: `badge store-${store}`, text: STORE_NAMES[store] || store });
}

function stepsTable(steps) {
  const table = el('table', { class: 'steps' });
  table.append(el('thead', {}, el('tr', {}, el('th', { text: 'Store' }), el('th', { text: 'Statement sent' }),
    el('th', { text: 'Result' }), el('th', { class: 'ms', text: 'Time' }))));
  const body = el('tbody');
  for (const step of steps) {
    const params = Object.keys(step.parameters || {}).length
      ? el('div', { class: 'params', text: 'parameters: ' + Object.entries(step.parameters).map(([k, v]) => `${k} = ${JSON.stringify(v)}`).join(', ') })
      : null;
    body.append(el('tr', { class: step.outcome === 'REFUSED' ? 'refused' : '' },
      el('td', {}, storeBadge(step.store)),
      el('td', {}, el('pre', { class: 'statement', text: step.statement }), params),
      el('td', {}, step.outcome === 'REFUSED' ? el('span', { class: 'refused-tag', text: 'REFUSED' }) : null,
        el('pre', { class: 'result', text: step.result })),
      el('td', { class: 'ms', text: fmt(step.millis) })));
  }
  table.append(body);
  return el('details', { class: 'steps-wrap', open: '' }, el('summary', { text: `${steps.length} statements sent` }), table);
}

function verdicts(items) {
  return el('div', { class: 'verdicts' }, ...items.map(([kind, text, check]) => el('div', { class: `verdict ${kind}`, 'data-check': check || '' , text })));
}

function show(section, run, summary) {
  const output = section.querySelector('.output');
  output.replaceChildren(summary, el('p', { class: 'explanation', text: run.explanation }), stepsTable(run.steps));
}

function showError(section, error) {
  const output = section.querySelector('.output');
  const store = error.problem && error.problem.store;
  const text = error.status === 503 && store
    ? `${STORE_NAMES[store] || store} is down (503): ${error.message} The other panels keep working.`
    : `${error.status || ''} ${error.message}`;
  const errorsList = error.problem && error.problem.errors
    ? el('ul', {}, ...error.problem.errors.map((e) => el('li', { text: `${e.field}: ${e.message}` }))) : null;
  output.replaceChildren(el('div', { class: 'problem', 'data-status': String(error.status || ''), 'data-store': store || '' }, text, errorsList));
}

const renderers = {
  async integrity() {
    const run = await call('POST', `${API}/integrity`);
    const pg = run.findings.postgres; const mongo = run.findings.mongodb;
    return [run, verdicts([
      ['good', `PostgreSQL refused ${pg.badRowsRefused} of 4 bad rows`, 'postgres-refused'],
      [mongo.badRowsAccepted > 0 ? 'bad' : 'good', `MongoDB refused ${mongo.badRowsRefused} of 4 and stored ${mongo.badRowsAccepted} (incl. ${mongo.orphanOrders} orphan order)`, 'mongodb-accepted'],
    ])];
  },
  async documents() {
    const run = await call('POST', `${API}/documents`);
    const pg = run.steps.find((s) => s.store === 'postgres'); const mongo = run.steps.find((s) => s.store === 'mongodb');
    return [run, verdicts([
      ['info', `JOIN over ${run.findings.postgres.tablesJoined} tables: ${run.findings.postgres.rows} rows in ${fmt(pg.millis)}`, 'join'],
      ['info', `One document, ${run.findings.mongodb.orders} orders embedded, no JOIN: ${fmt(mongo.millis)}`, 'document'],
    ])];
  },
  async rename() {
    const run = await call('POST', `${API}/documents/rename`, { name: document.getElementById('rename-name').value });
    const pg = run.findings.postgres; const mongo = run.findings.mongodb;
    return [run, verdicts([
      ['good', `PostgreSQL: ${pg.copiesUpdated} row updated; ${num(pg.orderLinesReferencing)} order lines see it at once`, 'rename-postgres'],
      ['bad', `MongoDB: ${num(mongo.copiesUpdated)} documents rewritten over ${fmt(mongo.windowMillis)}; half-way ${num(mongo.disagreeingMidway)} still showed the old name`, 'rename-mongodb'],
    ])];
  },
  async session() {
    const ttl = Number(document.getElementById('session-ttl').value);
    const run = await call('POST', `${API}/sessions`, { ttlSeconds: ttl });
    watchSession(run.findings.token, ttl);
    return [run, verdicts([['info', `Session stored under ${run.findings.key} with a ${ttl} s TTL`, 'session-started']])];
  },
  async 'by-country'() {
    const country = document.getElementById('session-country').value;
    const run = await call('GET', `${API}/sessions?country=${encodeURIComponent(country)}`);
    const f = run.findings;
    return [run, verdicts([
      ['bad', `Without an index: SCAN + MGET of ${num(f.keysScanned)} keys to find ${num(f.matchesByScan)} (${fmt(f.scanMillis)})`, 'scan'],
      ['info', `Self-maintained index: ${num(f.indexMembers)} members in ${fmt(f.indexMillis)}, ${num(f.staleIndexMembers)} of them stale`, 'index'],
    ])];
  },
  async partitions() {
    const run = await call('POST', `${API}/partitions`, {
      stream: document.getElementById('partition-stream').value,
      days: Number(document.getElementById('partition-days').value),
    });
    const f = run.findings;
    return [run, verdicts([
      ['good', `Touched ${f.partitionsTouched} of ${f.partitionsOfStream} partitions of the stream (${f.partitionsInTable} in the table), ${num(f.rowsRead)} rows`, 'partitions'],
      ['bad', `Keyed by stream alone: one partition of ${num(f.unboundedPartitionRows)} rows and growing; at 1 event/s ≈ ${num(f.unboundedRowsAfterOneYearAtOnePerSecond)} rows (~${num(f.estimatedUnboundedMegabytesAfterOneYearAtOnePerSecond)} MB) after a year`, 'unbounded'],
    ])];
  },
  async graph() {
    const run = await call('POST', `${API}/graph`, {
      maxDepth: Number(document.getElementById('graph-depth').value),
      person: Number(document.getElementById('graph-person').value),
    });
    const points = run.findings.byDepth;
    drawGraphChart(points);
    const table = el('table', { class: 'mini' }, el('tr', {}, el('th', { text: 'Depth' }), el('th', { text: 'People reached' }),
      el('th', { text: 'Neo4j (Cypher)' }), el('th', { text: 'PostgreSQL (recursive SQL)' })),
      ...points.map((p) => el('tr', {}, el('td', { text: String(p.depth) }), el('td', { text: `${num(p.neo4jReached)}${p.neo4jReached === p.postgresReached ? '' : ' ≠ ' + num(p.postgresReached)}` }),
        el('td', { text: fmt(p.neo4jMillis) }), el('td', { text: fmt(p.postgresMillis) }))));
    const same = points.every((p) => p.neo4jReached === p.postgresReached);
    return [run, el('div', {}, verdicts([[same ? 'good' : 'bad', same ? 'Both stores found the same people at every depth' : 'The stores disagree', 'graph-same']]), table)];
  },
  async transfers() {
    const run = await call('POST', `${API}/transfers`, {
      transfers: Number(document.getElementById('transfers-count').value),
      threads: Number(document.getElementById('transfers-threads').value),
      failEvery: Number(document.getElementById('transfers-fail').value),
    });
    const pg = run.findings.postgres; const mongo = run.findings.mongodb;
    const line = (name, f) => `${name}: total ${f.totalBefore} → ${f.totalAfter} (drift ${f.drift}); ${f.committed} committed, ${f.failedBetweenDebitAndCredit} failed mid-way`;
    return [run, verdicts([
      [Number(pg.drift) === 0 ? 'good' : 'bad', line('PostgreSQL (ACID)', pg), 'acid'],
      [Number(mongo.drift) === 0 ? 'good' : 'bad', line('MongoDB, no transaction (BASE)', mongo), 'base'],
    ])];
  },
  async eventual() {
    const run = await call('POST', `${API}/eventual`, { relayPauseMillis: Number(document.getElementById('relay-pause').value) });
    const f = run.findings;
    return [run, el('div', {}, verdicts([
      [f.foundRightAfterCommit ? 'good' : 'bad', `Right after the commit the event log ${f.foundRightAfterCommit ? 'already had' : 'did not have'} the transfer`, 'eventual-before'],
      [f.foundAfterRelay ? 'good' : 'bad', `Visible after the relay: lag ${fmt(f.lagMillis)} (relay paused ${num(f.relayPausedMillis)} ms)`, 'eventual-lag'],
    ]), timeline(f))];
  },
  async index() {
    const run = await call('POST', `${API}/index`);
    const f = run.findings;
    const plans = run.steps.filter((s) => s.statement.startsWith('EXPLAIN'));
    return [run, el('div', {}, verdicts([
      ['bad', `Without the index: ${fmt(f.beforeMillis)} — ${f.planBefore}`, 'index-before'],
      ['good', `With the index: ${fmt(f.afterMillis)} — ${f.planAfter} (${f.speedup}× faster; built in ${fmt(f.indexBuildMillis)})`, 'index-after'],
    ]), el('div', { class: 'plans' }, ...plans.map((p, i) => el('div', {}, el('h4', { text: i === 0 ? 'Plan before' : 'Plan after' }), el('pre', { text: p.result })))))];
  },
};

function timeline(f) {
  const total = Math.max(f.visibleAtMillis, 1);
  const mark = (at, label, cls) => el('div', { class: `mark ${cls}`, style: `left:${Math.min(100, (at / total) * 100)}%`, title: label }, el('span', { text: label }));
  return el('div', { class: 'timeline' },
    el('div', { class: 'lag', style: `left:${(f.committedAtMillis / total) * 100}%;width:${((f.visibleAtMillis - f.committedAtMillis) / total) * 100}%` }),
    mark(f.committedAtMillis, `committed ${fmt(f.committedAtMillis)}`, 'commit'),
    mark(f.visibleAtMillis, `in event log ${fmt(f.visibleAtMillis)}`, 'visible'));
}

let graphPlot = null;
function drawGraphChart(points) {
  const container = document.getElementById('graph-chart');
  container.replaceChildren();
  container.dataset.points = String(points.length);
  const data = [points.map((p) => p.depth), points.map((p) => p.neo4jMillis), points.map((p) => p.postgresMillis)];
  const width = Math.min(container.clientWidth || 720, 900);
  graphPlot = new uPlot({
    width, height: 260, title: 'Time by depth (ms, best of 3)',
    scales: { x: { time: false } },
    axes: [{ label: 'depth', values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? v : '')) }, { label: 'ms' }],
    series: [{ label: 'depth' },
      { label: 'Neo4j (Cypher)', stroke: '#018bff', width: 2, points: { size: 8, fill: '#018bff' } },
      { label: 'PostgreSQL (recursive SQL)', stroke: '#336791', width: 2, dash: [6, 4], points: { size: 8, fill: '#336791' } }],
  }, data, container);
}

let sessionTimer = null;
function watchSession(sessionToken, ttl) {
  const view = document.getElementById('session-ttl-view');
  view.hidden = false;
  clearTimeout(sessionTimer);
  const started = Date.now();
  const tick = async () => {
    try {
      const run = await call('GET', `${API}/sessions/${sessionToken}`);
      const elapsed = ((Date.now() - started) / 1000).toFixed(1);
      if (run.findings.found) {
        view.className = 'ttl-view alive';
        view.textContent = `GET found the session · TTL ${run.findings.ttlSeconds} s left · ${elapsed} s since SET · GET took ${fmt(run.steps[0].millis)}`;
        sessionTimer = setTimeout(tick, 1000);
      } else {
        view.className = 'ttl-view expired';
        view.dataset.expired = 'true';
        view.textContent = `GET answered (nil) after ${elapsed} s: the TTL of ${ttl} s ran out and Redis deleted the session by itself.`;
      }
    } catch (error) {
      view.className = 'ttl-view expired';
      view.textContent = `Read failed: ${error.message}`;
    }
  };
  delete view.dataset.expired;
  tick();
}

async function run(section, action) {
  const buttons = section.querySelectorAll('button');
  buttons.forEach((b) => { b.disabled = true; });
  section.classList.add('running');
  try {
    const [result, summary] = await renderers[action]();
    show(section, result, summary);
    section.dataset.lastRun = action;
  } catch (error) {
    showError(section, error);
  } finally {
    buttons.forEach((b) => { b.disabled = false; });
    section.classList.remove('running');
    section.dataset.done = String(Number(section.dataset.done || 0) + 1);
  }
}

async function loadChoice() {
  const section = document.getElementById('demo-choice');
  const box = document.getElementById('choice-questions');
  try {
    const choice = await call('GET', `${API}/choice`);
    const update = () => {
      const ticked = choice.questions.filter((q) => box.querySelector(`input[value="${q.id}"]`).checked);
      const output = section.querySelector('.output');
      const items = ticked.map((q) => el('li', {}, storeBadge(q.store), ` ${q.family}: `, el('span', { class: 'muted', text: q.concern })));
      const stores = [...new Set(ticked.map((q) => q.store))];
      const report = choice.benchmarkReport
        ? el('p', {}, 'Measured numbers: ', el('a', { href: choice.benchmarkReport, target: '_blank', text: 'latest benchmark report' }))
        : el('p', { class: 'muted', text: choice.benchmarkReportHint });
      output.replaceChildren(ticked.length
        ? el('div', {}, el('p', { class: 'verdict info', 'data-check': 'choice', text: `Your answers point at ${stores.map((s) => STORE_NAMES[s]).join(', ')} — more than one store is normal: that is polyglot persistence.` }), el('ul', { class: 'answers' }, ...items))
        : el('p', { class: 'muted', text: 'No box ticked yet. When in doubt, start with a relational database and measure.' }), report);
    };
    box.replaceChildren(...choice.questions.map((q) => el('label', { class: 'check' },
      el('input', { type: 'checkbox', value: q.id }), ` ${q.text}`)));
    box.addEventListener('change', update);
    update();
  } catch (error) {
    showError(section, error);
  }
}

async function refreshMap() {
  const stores = document.getElementById('stores');
  try {
    const map = await call('GET', `${API}/store-map`);
    stores.replaceChildren(...map.stores.map((s) => el('div', { class: `store-card status-${s.status}${s.routed ? '' : ' unrouted'}`, 'data-store': s.store },
      el('div', { class: 'card-head' }, storeBadge(s.store), el('span', { class: `status ${s.status}`, text: s.status })),
      el('div', { class: 'impl', text: s.implementation }),
      el('div', { class: 'concerns', text: s.concerns.length ? s.concerns.join(' · ') : 'nothing routed here (polyglot.routing.*)' }),
      el('div', { class: 'figures' },
        el('div', {}, el('b', { text: s.opsPerSecond == null ? '…' : num(s.opsPerSecond) }), el('small', { text: 'ops/s' })),
        el('div', {}, el('b', { text: s.p99Millis == null ? '—' : fmt(s.p99Millis) }), el('small', { text: s.p99Kind.startsWith('p99') ? 'p99' : 'max' }))),
      el('div', { class: 'source', text: s.metricSource }))));
    const consumers = Object.entries(map.outbox || {});
    document.getElementById('outbox').replaceChildren(el('strong', { text: 'Outbox backlog ' }),
      ...(consumers.length ? consumers.map(([name, c]) => el('span', { class: `consumer ${c.undelivered > 0 ? 'behind' : ''}`, text: `${name}: ${num(c.undelivered)} waiting${c.undelivered > 0 ? `, oldest ${c.oldestAgeSeconds} s` : ''}` }))
        : [el('span', { class: 'muted', text: 'no consumers' })]));
    const moved = Object.entries(map.routing || {}).filter(([, store]) => store === 'postgres').map(([concern]) => concern);
    document.getElementById('map-updated').textContent = `live · updated ${new Date(map.sampledAt).toLocaleTimeString()}`
      + (moved.length ? ` · routed to PostgreSQL: ${moved.join(', ')}` : ' · every concern on its specialised store');
  } catch (error) {
    document.getElementById('map-updated').textContent = `store map unavailable: ${error.message}`;
  } finally {
    setTimeout(refreshMap, 2000);
  }
}

document.querySelectorAll('button.run').forEach((button) => {
  button.addEventListener('click', () => run(button.closest('section'), button.dataset.action));
});
document.getElementById('reset').addEventListener('click', async () => {
  const button = document.getElementById('reset');
  button.disabled = true;
  try {
    const result = await call('POST', `${API}/reset`);
    button.textContent = 'Reset: ' + Object.entries(result.stores).map(([s, r]) => `${s} ${r}`).join(', ');
  } catch (error) {
    button.textContent = `Reset failed: ${error.message}`;
  } finally {
    button.disabled = false;
    setTimeout(() => { button.textContent = 'Reset demo data'; }, 6000);
  }
});
document.getElementById('login-button').addEventListener('click', async () => {
  try {
    const session = await call('POST', '/api/v1/sessions', { username: document.getElementById('login-user').value, password: document.getElementById('login-password').value });
    token = session.token;
    sessionStorage.setItem('polyglot-demo-token', token);
    document.getElementById('login').hidden = true;
    loadChoice();
  } catch (error) {
    document.getElementById('login-message').textContent = error.message;
  }
});

refreshMap();
loadChoice();
