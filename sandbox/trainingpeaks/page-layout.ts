import { escapeHtml } from "../shared/http";

/** Shared look of the simulator's pages: a TrainingPeaks-like card that follows the OS colour scheme. */
const STYLES = `
:root { color-scheme: light dark; --bg: #f3f5f8; --card: #ffffff; --text: #1d2330; --muted: #5b6577; --border: #d9dee7;
  --accent: #0b74de; --accent-text: #ffffff; --danger: #b42318; --chip: #eef4fc; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0f141b; --card: #18202b; --text: #e7ecf3; --muted: #9aa6b8; --border: #2b3644; --accent: #4aa3ff;
    --accent-text: #06121f; --danger: #ff8a7a; --chip: #1f2b3a; }
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; background: var(--bg); color: var(--text);
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; display: flex; flex-direction: column; align-items: center; }
header { width: 100%; padding: 14px 24px; display: flex; align-items: center; gap: 10px; border-bottom: 1px solid var(--border); background: var(--card); }
.brand { font-weight: 700; letter-spacing: .02em; }
.brand span { color: var(--accent); }
.badge { font-size: 12px; color: var(--muted); border: 1px solid var(--border); border-radius: 999px; padding: 1px 8px; }
main { width: 100%; max-width: 520px; padding: 32px 16px; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 14px; padding: 28px; box-shadow: 0 1px 3px rgb(0 0 0 / .06); }
h1 { font-size: 22px; line-height: 1.3; margin: 0 0 8px; }
p { margin: 0 0 16px; color: var(--muted); }
label { display: block; font-weight: 600; margin-bottom: 6px; }
select { width: 100%; font: inherit; color: var(--text); background: var(--bg); border: 1px solid var(--border); border-radius: 8px; padding: 8px 10px; }
.account { margin: 20px 0; padding: 14px; border-radius: 10px; background: var(--chip); }
.account p { margin: 0 0 8px; color: var(--text); }
.section-title { font-size: 16px; margin: 0 0 4px; }
ul.scopes { list-style: none; padding: 0; margin: 0 0 20px; }
ul.scopes li { padding: 10px 0; border-top: 1px solid var(--border); }
ul.scopes code { font-size: 13px; color: var(--muted); }
.scope-text { display: block; }
.actions { display: flex; gap: 12px; flex-wrap: wrap; }
button { font: inherit; font-weight: 600; border-radius: 8px; padding: 10px 22px; cursor: pointer; border: 1px solid var(--border); }
button.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
button.secondary { background: transparent; color: var(--text); }
button:focus-visible, select:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.fineprint { margin-top: 18px; font-size: 13px; }
.error h1 { color: var(--danger); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; }
`;

export function renderPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLES}</style>
</head>
<body>
<header><div class="brand">Training<span>Peaks</span></div><div class="badge">Local simulator</div></header>
<main>${body}</main>
</body>
</html>`;
}

/** A 400-style page shown instead of redirecting (unknown client, unregistered redirect URI, stale form). */
export function renderErrorPage(title: string, message: string): string {
  return renderPage(
    title,
    `<section class="card error" role="alert"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></section>`,
  );
}

/** The IIS 404 page TrainingPeaks' API serves for unknown routes. */
export function renderIisNotFound(): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
<title>404 - File or directory not found.</title>
</head>
<body>
<div id="header"><h1>Server Error</h1></div>
<div id="content">
 <div class="content-container"><fieldset>
  <h2>404 - File or directory not found.</h2>
  <h3>The resource you are looking for might have been removed, had its name changed, or is temporarily unavailable.</h3>
 </fieldset></div>
</div>
</body>
</html>`;
}

/** What the token endpoint answers to a non-form body (reproduces the HTML error clients have hit). */
export function renderBadRequest(message: string): string {
  return `<!DOCTYPE html>
<html><head><title>Bad Request</title></head>
<body><h2>Bad Request</h2><p>${escapeHtml(message)}</p><hr><p>HTTP Error 400. The request is badly formed.</p></body></html>`;
}
