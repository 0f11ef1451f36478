// HallGuard local simulator: the page's only script (served as a file, so a strict CSP allows it).
// Every message text reaches the page through textContent or a text node, never as markup.
'use strict';

(() => {
  const $ = (id) => document.getElementById(id);
  const timezone = document.body.dataset.timezone || 'Asia/Shanghai';
  const OUTCOME = { done: '已执行', 'not-workday': '非工作日，未执行', 'already-fired': '该时刻已执行过', failed: '执行失败', missed: '已错过' };
  const URL_PATTERN = /https?:\/\/[^\s<>"'，。；、）】]+/g;

  let people = [];
  let since = 0;
  let current = '';
  /** Per person (staff id): what was said, answered and pushed, and how many pushes are unread. */
  const history = new Map();
  const unread = new Map();

  const clock = (() => {
    try {
      return new Intl.DateTimeFormat('zh-CN', { timeZone: timezone, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    } catch {
      return new Intl.DateTimeFormat('zh-CN', { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
  })();
  const timeOf = (iso) => (iso ? clock.format(new Date(iso)) : '');

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Appends text, with each http(s) URL as a link opening in a new tab. */
  function appendText(parent, text) {
    let last = 0;
    for (const match of text.matchAll(URL_PATTERN)) {
      parent.append(document.createTextNode(text.slice(last, match.index)));
      const link = el('a', '', match[0]);
      link.href = match[0];
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      parent.append(link);
      last = match.index + match[0].length;
    }
    parent.append(document.createTextNode(text.slice(last)));
  }

  function bubble({ kind, text, meta, image, actions, to }) {
    const div = el('div', `msg ${kind}`);
    div.dataset.kind = kind;
    if (meta) div.append(el('span', 'meta', meta));
    appendText(div, text);
    if (actions && actions.length) {
      // The card's buttons, as WeCom shows them: a tap sends the command they stand for, as the person who taps.
      const row = el('div', 'actions');
      for (const action of actions) {
        const button = el('button', 'action', action.label);
        button.type = 'button';
        button.dataset.command = action.command;
        button.title = `等同于发送：${action.command}`;
        button.addEventListener('click', () => tap(to === 'leaders' ? current : to, action.command));
        row.append(button);
      }
      div.append(row);
    }
    if (image) {
      // An image message (the daily brief's chart): shown inline, from this origin's signed /images/ link.
      const img = el('img', 'picture');
      img.src = image;
      img.alt = text;
      img.loading = 'lazy';
      div.append(img);
    }
    return div;
  }

  function show(box, entry) {
    box.querySelector('.placeholder')?.remove();
    box.append(bubble(entry));
    box.scrollTop = box.scrollHeight;
  }

  function placeholder(box, text) {
    box.replaceChildren(el('p', 'placeholder', text));
  }

  function notice(text, isError) {
    const box = $('notice');
    box.hidden = !text;
    box.textContent = text || '';
    box.classList.toggle('error', Boolean(isError));
  }

  /** POSTs JSON; answers { ok, status, data } with data.error set on failure. */
  async function post(path, body) {
    try {
      const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body || {}) });
      const text = await res.text();
      let data;
      try {
        data = JSON.parse(text);
      } catch {
        data = { error: text || `HTTP ${res.status}` };
      }
      if (!res.ok && !data.error) data.error = `HTTP ${res.status}`;
      return { ok: res.ok, status: res.status, data };
    } catch {
      return { ok: false, status: 0, data: { error: '无法连接服务，请确认 HallGuard 仍在运行。' } };
    }
  }

  // ---- people -------------------------------------------------------------

  const personOf = (id) => people.find((p) => String(p.id) === id);

  function optionText(p) {
    const n = unread.get(String(p.id)) || 0;
    return `${p.name} · ${p.roleLabel}${n ? `（${n} 条新消息）` : ''}`;
  }

  function fillDirectory() {
    const select = $('who');
    select.replaceChildren();
    const windows = new Map();
    for (const p of people) {
      const name = p.window || '未分配窗口';
      if (!windows.has(name)) windows.set(name, []);
      windows.get(name).push(p);
    }
    for (const [name, members] of windows) {
      const group = el('optgroup');
      group.label = name;
      for (const p of members) {
        const option = new Option(optionText(p), String(p.id));
        option.dataset.role = p.role;
        group.append(option);
      }
      select.append(group);
    }
    $('empty').hidden = people.length > 0;
    select.disabled = people.length === 0;
    $('text').disabled = $('send').disabled = people.length === 0;
  }

  async function loadPeople() {
    try {
      const res = await fetch('/local/people');
      if (!res.ok) throw new Error(String(res.status));
      people = await res.json();
    } catch {
      notice('无法读取名单，请确认 HallGuard 仍在运行后刷新页面。', true);
      return;
    }
    fillDirectory();
    let remembered = '';
    try {
      remembered = sessionStorage.getItem('hallguard-simulator-who') || '';
    } catch {
      /* storage may be unavailable; start with the first person */
    }
    select(personOf(current) ? current : personOf(remembered) ? remembered : firstStaff());
  }

  /** Whom a newcomer starts as: a staff member, who reports temperatures — not the administrator listed first. */
  function firstStaff() {
    const p = people.find((q) => q.role === 'staff' && q.window) || people.find((q) => q.role === 'staff') || people[0];
    return p ? String(p.id) : '';
  }

  function select(id) {
    current = id;
    $('who').value = id;
    unread.delete(id);
    const p = personOf(id);
    if (p) {
      const option = $('who').selectedOptions[0];
      if (option) option.textContent = optionText(p);
      try {
        sessionStorage.setItem('hallguard-simulator-who', id);
      } catch {
        /* not remembered across reloads */
      }
    }
    $('who-role').textContent = p ? `${p.name}：${p.roleLabel}${p.window ? `，${p.window}` : ''}` : '';
    renderChat();
    renderChips(p);
  }

  function renderChat() {
    const box = $('chat');
    const entries = history.get(current) || [];
    if (!personOf(current)) return placeholder(box, '先载入演示数据或导入名单，再选择一个人。');
    if (entries.length === 0) return placeholder(box, '还没有消息。试试下面的示例，或直接输入。');
    box.replaceChildren(...entries.map(bubble));
    box.scrollTop = box.scrollHeight;
  }

  function addToPerson(id, entry) {
    if (!history.has(id)) history.set(id, []);
    history.get(id).push(entry);
    if (id === current) return show($('chat'), entry);
    const p = personOf(id);
    if (!p) return;
    unread.set(id, (unread.get(id) || 0) + 1);
    const option = [...$('who').options].find((o) => o.value === id);
    if (option) option.textContent = optionText(p);
  }

  // ---- examples -----------------------------------------------------------

  /** The examples of the person's own 帮助 (their role and working groups), most used first; a reading while they load or fail. */
  async function examples(p) {
    try {
      const res = await fetch(`/local/examples?userId=${encodeURIComponent(p.id)}`);
      if (res.ok) return await res.json();
    } catch {
      /* offline: the basic examples below */
    }
    return ['晨检 36.5 绿码', '我的记录', '帮助'];
  }

  async function renderChips(p) {
    const box = $('chips');
    box.replaceChildren();
    if (!p) return;
    const list = await examples(p);
    // The person may have changed while the examples loaded.
    if (String(p.id) !== String(current)) return;
    box.replaceChildren();
    for (const text of list) {
      const chip = el('button', 'chip', text);
      chip.type = 'button';
      chip.dataset.example = text;
      chip.title = '填入输入框';
      chip.addEventListener('click', () => {
        $('text').value = text;
        $('text').focus();
      });
      box.append(chip);
    }
  }

  // ---- messages and the feed ----------------------------------------------

  /** A tap on a button: the command goes as that person's message, the same path as typing it. */
  async function tap(who, command) {
    if (!personOf(who)) return;
    if (who !== current) select(who);
    await say(who, command, false);
  }

  async function send(event) {
    event.preventDefault();
    const text = $('text').value.trim();
    const who = current;
    if (!text || !personOf(who)) return;
    $('text').value = '';
    await say(who, text, $('voice').checked);
  }

  async function say(who, text, voice) {
    addToPerson(who, { kind: 'me', text: voice ? `🎤（语音）${text}` : text });
    const { ok, data } = await post('/local/message', { userId: who, text, ...(voice ? { voice: true } : {}) });
    if (ok && data.reply) addToPerson(who, { kind: 'bot', text: data.reply, meta: '防疫值守助手' });
    else if (!ok) addToPerson(who, { kind: 'error', text: `发送失败：${data.error}` });
    $('text').focus();
    await poll();
  }

  let polling = false;
  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const res = await fetch(`/local/feed?since=${since}`);
      if (!res.ok) throw new Error(String(res.status));
      for (const d of await res.json()) {
        since = Math.max(since, d.seq);
        if (d.to === 'leaders') show($('group'), { kind: 'group', text: d.body, meta: timeOf(d.at), image: d.image, actions: d.actions, to: 'leaders' });
        else addToPerson(String(d.to), { kind: 'push', text: d.body, meta: `主动推送 · ${timeOf(d.at)}`, image: d.image, actions: d.actions, to: String(d.to) });
      }
    } catch {
      /* the next poll tries again */
    } finally {
      polling = false;
    }
  }

  // ---- jobs and the demonstration hall ------------------------------------

  async function runJob(button) {
    const buttons = document.querySelectorAll('[data-job]');
    const status = $('job-status');
    const at = $('job-at').value;
    buttons.forEach((b) => (b.disabled = true));
    status.dataset.outcome = 'running';
    status.textContent = `正在运行「${button.textContent}」……`;
    const { ok, data } = await post(`/local/jobs/${encodeURIComponent(button.dataset.job)}`, at ? { at } : {});
    buttons.forEach((b) => (b.disabled = false));
    if (ok) {
      status.dataset.outcome = data.outcome;
      status.textContent = `${data.label}（${String(data.scheduledFor).replace('T', ' ')}）${OUTCOME[data.outcome] || data.outcome}：${data.detail}`;
    } else {
      status.dataset.outcome = 'error';
      status.textContent = data.error;
    }
    // The service's outbox sends right after the firing; look a few times so its pushes show at once.
    for (const wait of [0, 300, 1000]) setTimeout(poll, wait);
  }

  async function loadDemo() {
    const button = $('load-demo');
    button.disabled = true;
    const { ok, data } = await post('/local/demo', {});
    button.disabled = false;
    if (!ok) return notice(data.error, true);
    notice(data.alreadyLoaded ? '演示数据已经载入过。' : `已载入演示数据：${data.people} 人，${data.reports} 条体温上报，${data.alerts} 条告警，${data.rosters} 份排班。`);
    current = '';
    await loadPeople();
    select(firstStaff());
    await poll();
  }

  function start() {
    $('tz').textContent = timezone;
    $('form').addEventListener('submit', send);
    $('who').addEventListener('change', (e) => select(e.target.value));
    $('load-demo').addEventListener('click', loadDemo);
    $('job-now').addEventListener('click', () => ($('job-at').value = ''));
    for (const button of document.querySelectorAll('[data-job]')) button.addEventListener('click', () => runJob(button));
    placeholder($('group'), '领导小组群还没有收到消息。');
    loadPeople().then(poll);
    setInterval(poll, 2000);
  }

  start();
})();
