/// The status page at `/` on the admin port: one self-contained HTML document (inline CSS and
/// script, nothing fetched from elsewhere) for the person at the shop. It reads `/status.json`
/// every five seconds and says, in plain words, whether privy-edge is working, how busy it is,
/// how far the sync to Privy is behind, and how many contacts are in each consent state.
enum StatusPage {
    /// What the page may load: only its own inline style and script, and `/status.json`.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'"

    static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>privy-edge status</title>
    <style>
      :root { --ink: #1f2933; --muted: #5f6b7a; --line: #e3e7ec; --card: #ffffff; --page: #f4f6f8;
              --good: #1f7a4d; --good-bg: #e5f4ec; --warn: #8a5a00; --warn-bg: #fdf3dc; --bad: #a23030; --bad-bg: #fbe7e7; }
      * { box-sizing: border-box; }
      body { margin: 0; background: var(--page); color: var(--ink);
             font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
      main { max-width: 980px; margin: 0 auto; padding: 28px 20px 40px; }
      header { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 12px; margin-bottom: 20px; }
      h1 { font-size: 22px; font-weight: 600; margin: 0; }
      h2 { font-size: 14px; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 0 0 8px; }
      .badge { display: inline-flex; align-items: center; gap: 8px; padding: 8px 16px; border-radius: 999px; font-weight: 600; }
      .badge::before { content: ""; width: 10px; height: 10px; border-radius: 50%; background: currentColor; }
      .good { color: var(--good); background: var(--good-bg); }
      .warn { color: var(--warn); background: var(--warn-bg); }
      .bad { color: var(--bad); background: var(--bad-bg); }
      .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 16px; margin-bottom: 16px; }
      .card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 18px 20px; }
      .figure { font-size: 34px; font-weight: 600; line-height: 1.2; font-variant-numeric: tabular-nums; }
      .sync .figure { font-size: 26px; }
      .card.attention { background: var(--warn-bg); border-color: #f0d9a8; }
      .unit { font-size: 16px; font-weight: 400; color: var(--muted); }
      .note { color: var(--muted); font-size: 14px; margin: 6px 0 0; }
      .sync-line { margin: 6px 0 0; }
      table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
      td { padding: 6px 0; border-top: 1px solid var(--line); }
      tr:first-child td { border-top: none; }
      td.count { text-align: right; font-weight: 600; }
      footer { color: var(--muted); font-size: 13px; margin-top: 8px; }
    </style>
    </head>
    <body>
    <main>
      <header>
        <h1>privy-edge at this shop</h1>
        <span id="health-badge" class="badge warn">Checking…</span>
      </header>
      <p id="health-detail" class="note" hidden></p>

      <div class="grid">
        <section class="card">
          <h2>Contacts</h2>
          <div class="figure" id="contacts-total">…</div>
          <p class="note">people saved on this machine</p>
        </section>
        <section class="card">
          <h2>Activity</h2>
          <div class="figure"><span id="write-rate">…</span> <span class="unit">writes a second</span></div>
          <p class="note"><span id="writes-since-start">…</span> writes since privy-edge started</p>
        </section>
        <section class="card" id="dead-letters-card">
          <h2>Refused by Privy</h2>
          <div class="figure" id="dead-letters">…</div>
          <p class="note" id="dead-letters-note">changes Privy did not accept</p>
        </section>
      </div>

      <section class="card sync" style="margin-bottom:16px">
        <h2>Sync to Privy</h2>
        <div id="sync-summary" class="sync-line">…</div>
        <div class="grid" style="margin:14px 0 0">
          <div><div class="note">Waiting to be sent</div><div class="figure"><span id="sync-backlog">…</span> <span class="unit">changes</span></div></div>
          <div><div class="note">Time to catch up</div><div class="figure" id="sync-eta">…</div></div>
          <div><div class="note">Last successful sync</div><div class="figure" id="sync-last-success">…</div></div>
        </div>
        <div id="pull-summary" class="sync-line note">…</div>
      </section>

      <div class="grid">
        <section class="card">
          <h2>Email consent</h2>
          <table id="email-consent"></table>
        </section>
        <section class="card">
          <h2>SMS consent</h2>
          <table id="sms-consent"></table>
        </section>
      </div>

      <footer>
        <span id="updated">Not updated yet.</span> The page refreshes itself every 5 seconds.
        Storage in use: <span id="storage">…</span>.
      </footer>
    </main>
    <script>
    "use strict";
    const EMAIL = [["subscribed", "Subscribed"], ["unsubscribed", "Unsubscribed"], ["never_subscribed", "Never subscribed"],
                   ["suppressed", "Suppressed by the shop"], ["compliance_suppressed", "Suppressed for compliance"]];
    const SMS = [["subscribed", "Subscribed"], ["single_opt_in", "Single opt-in"], ["pending", "Waiting for confirmation"],
                 ["unsubscribed", "Unsubscribed"], ["never_subscribed", "Never subscribed"]];
    const $ = (id) => document.getElementById(id);
    const number = (n) => Number(n).toLocaleString("en-US");

    function duration(seconds) {
      if (seconds < 60) return "under a minute";
      const minutes = Math.round(seconds / 60);
      if (minutes < 60) return minutes + (minutes === 1 ? " minute" : " minutes");
      const hours = Math.floor(minutes / 60), rest = minutes % 60;
      if (hours < 48) return hours + (hours === 1 ? " hour" : " hours") + (rest ? " " + rest + " min" : "");
      return Math.round(hours / 24) + " days";
    }

    function since(at, now) {
      if (!at) return "never";
      const seconds = Math.max(0, (Date.parse(now) - Date.parse(at)) / 1000);
      return seconds < 60 ? "just now" : duration(seconds) + " ago";
    }

    function bytes(n) {
      const units = ["bytes", "KB", "MB", "GB", "TB"];
      let i = 0;
      while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
      return (i === 0 ? n : n.toFixed(n < 10 ? 1 : 0)) + " " + units[i];
    }

    function badge(text, tone, detail) {
      const el = $("health-badge");
      el.textContent = text;
      el.className = "badge " + tone;
      $("health-detail").hidden = !detail;
      $("health-detail").textContent = detail || "";
    }

    function table(id, rows, counts) {
      const el = $(id);
      el.replaceChildren(...rows.map(([key, label]) => {
        const row = document.createElement("tr");
        const name = document.createElement("td");
        const count = document.createElement("td");
        name.textContent = label;
        count.textContent = number(counts[key] || 0);
        count.className = "count";
        count.id = id.split("-")[0] + "-" + key;
        row.append(name, count);
        return row;
      }));
    }

    function unreachable(sync) {
      return sync.enabled && sync.backlog > 0 && sync.last_failure_at !== null &&
        (sync.last_success_at === null || Date.parse(sync.last_failure_at) > Date.parse(sync.last_success_at));
    }

    function syncSummary(sync, now) {
      if (!sync.enabled) return ["Sync to Privy is turned off on this machine. Contacts are kept here.", "warn"];
      if (unreachable(sync))
        return ["Privy cannot be reached right now (last try " + since(sync.last_failure_at, now) +
                "). Nothing is lost: changes are kept here and sent when the connection is back.", "warn"];
      if (sync.backlog === 0) return ["All caught up: Privy has every change.", "good"];
      return ["Sending changes to Privy.", "good"];
    }

    function pullSummary(pull, now) {
      if (!pull.enabled) return "Opt-outs made in Privy are not fetched: the consent pull is off.";
      const last = pull.last_finished_at === null ? "Opt-outs made in Privy have not been fetched yet"
        : "Opt-outs made in Privy were last fetched " + since(pull.last_finished_at, now) + ": " +
          number(pull.last_contacts_changed) + " contacts updated here, " + number(pull.last_calls) + " calls";
      const wait = pull.next_at === null ? 0 : Math.max(0, (Date.parse(pull.next_at) - Date.parse(now)) / 1000);
      const next = pull.in_progress && wait === 0 ? "fetching now" : pull.next_at === null ? "" : "next in " + duration(wait);
      return last + (next ? " (" + next + ")." : ".");
    }

    function render(s) {
      if (s.health.status === "ready") badge("Working normally", "good");
      else if (s.health.reason === "draining") badge("Shutting down", "warn", "privy-edge is stopping and finishing the last writes.");
      else badge("Not ready", "bad", s.health.message);
      if (s.writes.refused) badge("Not saving changes", "bad", (s.writes.refused.reason === "disk_full"
        ? "The disk is full, so new contacts and orders are refused; what is saved can still be read. Saving resumes by itself once space is freed."
        : "The data file reached its size limit, so new contacts and orders are refused; what is saved can still be read.") + " (" + s.writes.refused.message + ")");

      $("contacts-total").textContent = number(s.contacts.total);
      $("write-rate").textContent = Number(s.writes.per_second).toLocaleString("en-US", { maximumFractionDigits: 1 });
      $("writes-since-start").textContent = number(s.writes.since_start);

      const sync = s.sync;
      const [summary, tone] = syncSummary(sync, s.at);
      $("sync-summary").textContent = summary;
      $("sync-summary").className = "sync-line " + (tone === "good" ? "" : "note");
      $("sync-backlog").textContent = number(sync.backlog);
      $("sync-eta").textContent = sync.backlog === 0 ? "none needed"
        : !sync.enabled ? "sync is off"
        : unreachable(sync) ? "once Privy is back"
        : sync.eta_seconds === null ? "working it out" : "about " + duration(sync.eta_seconds);
      $("sync-last-success").textContent = since(sync.last_success_at, s.at);
      $("pull-summary").textContent = pullSummary(sync.pull, s.at);
      $("dead-letters").textContent = number(sync.dead_letters);
      $("dead-letters-card").className = "card" + (sync.dead_letters === 0 ? "" : " attention");
      $("dead-letters-note").textContent = sync.dead_letters === 0
        ? "changes Privy did not accept: none, all is well"
        : "changes Privy did not accept. Please ask your technical contact to look at them.";

      table("email-consent", EMAIL, s.contacts.email);
      table("sms-consent", SMS, s.contacts.sms);
      $("storage").textContent = bytes(s.storage.used_bytes) + " of " + bytes(s.storage.map_size_bytes) + " reserved";
      $("updated").textContent = "Updated " + new Date(s.at).toLocaleTimeString("en-GB") + ".";
    }

    async function refresh() {
      try {
        const response = await fetch("/status.json", { cache: "no-store" });
        if (!response.ok) throw new Error("status " + response.status);
        render(await response.json());
      } catch (error) {
        badge("Cannot reach privy-edge", "bad", "The service did not answer. If this lasts, please ask your technical contact to check that privy-edge is running.");
      }
      setTimeout(refresh, 5000);
    }
    refresh();
    </script>
    </body>
    </html>
    """#
}
