import { escapeHtml } from "../../shared/http";

/** HTML of the hosted login pages, close to Auth0 Classic's markup (docs/peloton-api.md §2.3–§2.4). */
export function loginPage(config: Record<string, unknown>): string {
  const encoded = Buffer.from(JSON.stringify(config), "utf8").toString("base64");
  return `<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
  <title>Log in | Peloton</title>
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
</head>
<body>
  <div id="root"></div>
  <noscript>This page needs JavaScript (Peloton simulator: clients read injectedConfig instead).</noscript>
  <script src="https://cdn.auth0.com/w2/auth0-widget-5.2.min.js"></script>
  <script>
    window.injectedConfig = window.injectedConfig || "${encoded}";
  </script>
</body>
</html>
`;
}

/** The WS-Federation style auto-posting form Auth0 answers a good login with. */
export function hiddenFormPage(action: string, fields: { wa: string; wresult: string; wctx: string }): string {
  return `<form method="post" name="hiddenform" action="${escapeHtml(action)}">
    <input type="hidden" name="wa" value="${escapeHtml(fields.wa)}">
    <input type="hidden" 
           name="wresult" 
           value="${escapeHtml(fields.wresult)}">
    <input type="hidden" name="wctx" value="${escapeHtml(fields.wctx)}">
    <noscript>
        <p>
            Script is disabled. Click Submit to continue.
        </p><input type="submit" value="Submit">
    </noscript>
</form>
<script type="text/javascript">
    document.forms[0].submit();
</script>
`;
}

/** What a verification-required account gets instead of the hidden form: no form posts to /login/callback. */
export function mfaPage(state: string, error?: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Verify your identity | Peloton</title>
</head>
<body>
  <main class="mfa-otp-challenge">
    <h1>Verify Your Identity</h1>
    <p>We've sent an email with your code to the address on file.</p>
    ${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ""}
    <form method="POST" action="/u/mfa-otp-challenge?state=${encodeURIComponent(state)}">
      <input type="hidden" name="state" value="${escapeHtml(state)}">
      <label for="code">Enter the code</label>
      <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
      <button type="submit" name="action" value="default">Continue</button>
    </form>
  </main>
</body>
</html>
`;
}

export function errorPage(title: string, description: string): string {
  return `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>Error | Peloton</title></head>
<body>
  <h1>${escapeHtml(title)}</h1>
  <p class="error-description">${escapeHtml(description)}</p>
</body>
</html>
`;
}
