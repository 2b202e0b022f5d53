/**
 * The preview page's browser script (served as /preview/page.js). Plain ES2020, no build step:
 * it asks POST /preview/answer, draws the Teams card with the `adaptivecards` renderer, the Slack
 * blocks as an approximation and the PR comment's HTML, and wires follow-ups, Why and votes.
 */
export const PREVIEW_SCRIPT = String.raw`(function () {
  'use strict';
  var AC = window.AdaptiveCards;
  var $ = function (id) { return document.getElementById(id); };
  var state = { question: '', facts: undefined, slackExpanded: false, last: undefined, compare: false, detail: undefined };

  var HOST_CONFIG = {
    fontFamily: '"Segoe UI", system-ui, -apple-system, sans-serif',
    supportsInteractivity: true,
    spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: '#E0E0E0' },
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: { backgroundColor: '#FFFFFF', foregroundColors: {
        default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7', subtle: '#5B5FC7' },
        good: { default: '#237B4B', subtle: '#237B4B' }, warning: { default: '#835B00', subtle: '#835B00' },
        attention: { default: '#C4314B', subtle: '#C4314B' }, dark: { default: '#242424', subtle: '#616161' },
        light: { default: '#FFFFFF', subtle: '#FFFFFF' } } },
      emphasis: { backgroundColor: '#F5F5F5', foregroundColors: {
        default: { default: '#242424', subtle: '#616161' }, accent: { default: '#5B5FC7', subtle: '#5B5FC7' } } }
    },
    actions: { maxActions: 6, spacing: 'default', buttonSpacing: 8, showCard: { actionMode: 'inline', inlineTopMargin: 8 },
      actionsOrientation: 'horizontal', actionAlignment: 'left' },
    factSet: { title: { weight: 'bolder', size: 'default', wrap: false, maxWidth: 90 }, value: { wrap: true }, spacing: 4 },
    inputs: { label: { inputSpacing: 'small', requiredInputs: { weight: 'bolder' }, optionalInputs: { weight: 'bolder' } } }
  };

  function escapeHtml(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function safeUrl(u) { return /^https?:\/\//i.test(u) ? u : ''; }
  function link(label, url) {
    var href = safeUrl(url);
    return href ? '<a href="' + escapeHtml(href) + '" target="_blank" rel="noopener">' + label + '</a>' : label;
  }

  /** The Markdown subset Teams renders in a TextBlock: **bold**, _italic_, [links](https://…), "- " lists. */
  function teamsMarkdown(text) {
    var lines = escapeHtml(text).split('\n');
    var out = []; var list = false;
    lines.forEach(function (line) {
      var item = /^- (.*)$/.exec(line);
      var html = (item ? item[1] : line)
        .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, function (_, label, url) { return link(label, url.replace(/&amp;/g, '&')); })
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
      if (item) { if (!list) { out.push('<ul>'); list = true; } out.push('<li>' + html + '</li>'); }
      else { if (list) { out.push('</ul>'); list = false; } out.push('<p>' + html + '</p>'); }
    });
    if (list) out.push('</ul>');
    return out.join('');
  }

  /** Slack mrkdwn (entities already escaped by the renderer) as HTML: links, *bold*, _italic_, code. */
  function mrkdwn(text) {
    var parts = String(text).split(/<([^<>|]+)\|([^<>]*)>/);
    var html = '';
    for (var i = 0; i < parts.length; i += 3) {
      html += parts[i].replace(/&(?!(amp|lt|gt);)/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/\x60([^\x60]+)\x60/g, '<code>$1</code>')
        .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<b>$2</b>')
        .replace(/(^|[\s(])_([^_\n]+)_/g, '$1<i>$2</i>')
        .replace(/\n/g, '<br>');
      if (i + 2 < parts.length) html += link(parts[i + 2], parts[i + 1].replace(/&amp;/g, '&'));
    }
    return html;
  }
  function plain(t) { return escapeHtml(t.text || ''); }

  function say(message) { $('status').textContent = message; }

  function request(body) {
    say('Working…');
    return fetch('/preview/answer', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (json) { return { ok: res.ok, json: json }; }); })
      .then(function (r) {
        if (!r.ok) { say(r.json.error || 'The preview could not answer.'); return undefined; }
        say(''); return r.json;
      })
      .catch(function () { say('The preview server did not answer.'); return undefined; });
  }

  function ask(answers) {
    var body = { question: state.question };
    if (state.facts && answers) { body.context = state.facts; body.answers = answers; }
    var diff = $('diff').value.trim();
    if (diff) body.diff = diff;
    state.compare = false;
    return request(body).then(show);
  }
  function compareAll(detail) {
    state.compare = true; state.detail = detail;
    var body = { compare: true };
    if (detail) body.detail = detail;
    return request(body).then(show);
  }

  function show(answer) {
    if (!answer) return;
    state.last = answer; state.slackExpanded = state.compare && Boolean(state.detail);
    if (answer.facts) state.facts = answer.facts;
    drawTeams(answer.teams.card);
    drawSlack();
    drawGithub(answer.markdown, answer.markdownHtml);
    document.body.setAttribute('data-verdict', answer.verdict);
  }

  function toast(pane, text) {
    var t = document.createElement('div'); t.className = 'toast'; t.textContent = text; $(pane).appendChild(t);
  }

  function onSubmit(data, pane) {
    if (!data) return;
    if (data.kind === 'feedback') return toast(pane, data.vote === 'up' ? 'Thanks — noted 👍' : 'Thanks — noted 👎');
    if (data.kind === 'reset') { state.facts = undefined; return toast(pane, 'Starting fresh — earlier facts are dropped.'); }
    if (data.kind === 'followup') {
      var answers = {};
      Object.keys(data).forEach(function (key) {
        if (key.indexOf('followup:') === 0 && data[key]) answers[key.slice(9)] = data[key];
      });
      if (Object.keys(answers).length === 0) return say('Choose an answer to at least one question, then press Answer.');
      return ask(answers);
    }
  }

  // Teams renders a Markdown subset in TextBlocks; TextRuns stay plain text
  AC.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = teamsMarkdown(text);
    result.didProcess = true;
  };

  function drawTeams(json) {
    var card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(HOST_CONFIG);
    card.onExecuteAction = function (action) {
      if (action instanceof AC.SubmitAction) onSubmit(action.data, 'teams');
    };
    card.parse(json);
    var rendered = card.render();
    var host = $('teams'); host.innerHTML = ''; host.appendChild(rendered);
  }

  function drawBlock(b) {
    if (b.type === 'header') return '<div class="header">' + plain(b.text) + '</div>';
    if (b.type === 'divider') return '<hr>';
    if (b.type === 'context')
      return '<div class="context">' + b.elements.map(function (e) { return e.type === 'mrkdwn' ? mrkdwn(e.text) : plain(e); }).join(' ') + '</div>';
    if (b.type === 'section') {
      var html = '<div>' + (b.text ? mrkdwn(b.text.text) : '') + '</div>';
      if (b.fields) html += '<div class="fields">' + b.fields.map(function (f) { return '<div>' + mrkdwn(f.text) + '</div>'; }).join('') + '</div>';
      if (b.accessory) html += element(b.accessory);
      return '<div class="section' + (b.accessory ? ' with-accessory' : '') + '">' + html + '</div>';
    }
    if (b.type === 'actions') return '<div class="actions">' + b.elements.map(element).join('') + '</div>';
    return '';
  }
  function element(e) {
    if (e.type === 'button')
      return '<button type="button" data-action="' + escapeHtml(e.action_id) + '" data-value="' + escapeHtml(e.value || '') + '">' + plain(e.text) + '</button>';
    if (e.type === 'static_select')
      return '<select data-action="' + escapeHtml(e.action_id) + '"><option value="">' + plain(e.placeholder || { text: 'Choose' }) + '</option>' +
        e.options.map(function (o) { return '<option value="' + escapeHtml(o.value) + '">' + plain(o.text) + '</option>'; }).join('') + '</select>';
    return '';
  }
  function drawSlack() {
    var blocks = state.slackExpanded ? state.last.slack.expanded : state.last.slack.collapsed;
    $('slack').innerHTML = blocks.map(drawBlock).join('');
  }
  function onSlack(action, value) {
    if (action === 'why') { state.slackExpanded = true; return drawSlack(); }
    if (action === 'why:hide') { state.slackExpanded = false; return drawSlack(); }
    if (action === 'compare:detail') return compareAll(value || undefined);
    if (action.indexOf('feedback:') === 0) return toast('slack', action === 'feedback:up' ? 'Thanks — noted 👍' : 'Thanks — noted 👎');
    if (action === 'reset') { state.facts = undefined; return toast('slack', 'Starting fresh — earlier facts are dropped.'); }
    if (action.indexOf('followup:') === 0 && value) {
      var answers = {}; answers[action.slice(9)] = value.slice(value.lastIndexOf('|') + 1);
      return ask(answers);
    }
  }

  function drawGithub(markdown, html) {
    var pane = $('github');
    if (markdown === undefined) { pane.innerHTML = '<p>A comparison has no PR comment.</p>'; return; }
    if (html) pane.innerHTML = html;
    else { pane.innerHTML = '<pre class="raw"></pre>'; pane.firstChild.textContent = markdown; }
  }

  $('slack').addEventListener('click', function (event) {
    var b = event.target.closest('button[data-action]');
    if (b) onSlack(b.getAttribute('data-action'), b.getAttribute('data-value'));
  });
  $('slack').addEventListener('change', function (event) {
    var s = event.target.closest('select[data-action]');
    if (s) onSlack(s.getAttribute('data-action'), s.value);
  });
  $('ask').addEventListener('submit', function (event) {
    event.preventDefault();
    state.question = $('question').value; state.facts = undefined;
    ask(undefined);
  });
  $('compare').addEventListener('click', function () { compareAll(undefined); });
  // for looking at any card JSON with the same renderer and host config (the browser tests use it)
  window.previewDrawCard = drawTeams;
  var params = new URLSearchParams(location.search);
  if (params.get('q')) $('question').value = params.get('q');
  if (params.get('compare') !== null) compareAll(params.get('compare') || undefined);
  else { state.question = $('question').value; ask(undefined); }
})();
`;
