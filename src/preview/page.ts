/**
 * The preview page: a question box and the answer three ways — the Teams card (drawn by the
 * `adaptivecards` renderer with a Teams-like host config), the Slack message (an approximation
 * drawn from the same blocks) and the PR comment (its Markdown rendered). No inline script: the
 * page's Content-Security-Policy allows scripts from this server only.
 */
export const PREVIEW_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>spark-or-pytorch — preview</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/preview/adaptivecards.css">
<link rel="stylesheet" href="/preview/page.css">
</head>
<body>
<main>
  <h1>Spark or PyTorch? <small>preview</small></h1>
  <form id="ask">
    <label for="question">Describe the situation</label>
    <textarea id="question" rows="3" maxlength="40000">We have 40 TB of clickstream in HDFS and need nightly joins</textarea>
    <details><summary>Pull request diff for the PR comment</summary><textarea id="diff" rows="6"></textarea></details>
    <div class="row"><button type="submit" id="send">Ask</button><button type="button" id="compare">Compare all</button></div>
  </form>
  <p id="status" role="status"></p>
  <section aria-labelledby="teams-h"><h2 id="teams-h">Teams</h2><div id="teams" class="pane"></div></section>
  <section aria-labelledby="slack-h"><h2 id="slack-h">Slack</h2><div id="slack" class="pane slack"></div></section>
  <section aria-labelledby="github-h"><h2 id="github-h">GitHub PR comment</h2><div id="github" class="pane markdown"></div></section>
</main>
<script src="/preview/adaptivecards.js"></script>
<script src="/preview/page.js"></script>
</body>
</html>
`;

export const PREVIEW_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font-family: "Segoe UI", system-ui, -apple-system, sans-serif; color: #242424; background: #f5f5f5; }
main { max-width: 600px; margin: 0 auto; }
h1 { font-size: 20px; margin: 12px 0; padding: 0 8px; } h1 small { color: #616161; font-weight: 400; font-size: 14px; }
section > h2 { font-size: 14px; color: #616161; margin: 16px 8px 4px; text-transform: uppercase; letter-spacing: .04em; }
form { padding: 0 8px; } label { font-weight: 600; display: block; margin-bottom: 4px; }
textarea { width: 100%; font: inherit; padding: 6px; border: 1px solid #d1d1d1; border-radius: 4px; }
.row { display: flex; gap: 8px; margin-top: 8px; }
.row button { font: inherit; font-weight: 600; padding: 6px 14px; border-radius: 4px; border: 1px solid #d1d1d1; background: #fff; cursor: pointer; }
.row button[type=submit] { background: #5b5fc7; color: #fff; border-color: #5b5fc7; }
#status { padding: 0 8px; min-height: 1.2em; color: #616161; margin: 6px 0; }
.pane { background: #fff; border: 1px solid #e0e0e0; border-radius: 8px; overflow: hidden; }
#teams .ac-adaptiveCard { border-radius: 8px; }
.ac-pushButton { font: inherit; font-size: 14px; font-weight: 600; min-height: 32px; padding: 4px 12px; border-radius: 4px;
  border: 1px solid #d1d1d1; background: #fff; color: #242424; cursor: pointer; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.ac-pushButton:hover { background: #f0f0f0; }
.ac-pushButton.style-positive, .ac-pushButton.primary { background: #5b5fc7; color: #fff; border-color: #5b5fc7; }
.ac-input { font: inherit; font-size: 14px; }
select.ac-input, .ac-input select { min-height: 32px; border: 1px solid #d1d1d1; border-radius: 4px; background: #fff; padding: 0 6px; }
.ac-textBlock p { margin: 0; } .ac-textBlock ul { margin: 0; padding-left: 20px; }
.ac-textBlock a, .ac-richTextBlock a { color: #5b5fc7; }
.ac-factset .ac-fact-title, .ac-factset td:first-child { padding-right: 12px; }
.slack { padding: 12px 16px; font-family: Lato, "Segoe UI", system-ui, sans-serif; font-size: 15px; line-height: 1.45; }
.slack .header { font-size: 18px; font-weight: 900; margin: 0 0 6px; }
.slack .context { font-size: 12px; color: #616061; margin: 4px 0; }
.slack .section { margin: 6px 0; } .slack .section.with-accessory { display: flex; gap: 12px; align-items: center; justify-content: space-between; flex-wrap: wrap; }
.slack .fields { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; margin-top: 4px; }
.slack code { font-size: 12px; background: #f8f8f8; border: 1px solid #e8e8e8; border-radius: 3px; padding: 0 2px; }
.slack hr { border: 0; border-top: 1px solid #e8e8e8; }
.slack .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 4px; }
.slack button, .slack select { font: inherit; font-size: 14px; font-weight: 700; min-height: 28px; padding: 0 12px; border: 1px solid #ccc; border-radius: 4px; background: #fff; white-space: nowrap; cursor: pointer; max-width: 100%; }
.slack select { font-weight: 400; }
.slack a { color: #1264a3; text-decoration: none; }
.markdown { padding: 12px 16px; font-size: 14px; line-height: 1.5; overflow-x: auto; }
.markdown table { border-collapse: collapse; } .markdown td, .markdown th { border: 1px solid #d0d7de; padding: 4px 8px; }
.markdown pre.raw { white-space: pre-wrap; }
.toast { color: #237b4b; font-weight: 600; padding: 4px 16px 10px; }
@media (max-width: 420px) { .slack .fields { grid-template-columns: 1fr; } }
`;
