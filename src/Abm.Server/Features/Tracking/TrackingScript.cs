namespace Abm.Server.Features.Tracking;

/// <summary>
/// The snippet content pages include: &lt;script src="https://abm.example.com/t.js" data-abm-content="CONTENT-ID" async&gt;.
/// It keeps the contact's token from the nurture link (?abm_t=...) in localStorage, records a page view
/// with the time the page was visible when it is left, and a download for clicks on links marked
/// data-abm-download. Without a token it sends nothing: anonymous visitors are not tracked. With
/// data-abm-consent="required" it neither reads nor keeps the token, nor sends anything, until the page signals consent
/// (window.abmConsent = true before it loads, or a window event "abm:consent" after), and then marks its events as consented.
/// </summary>
internal static class TrackingScript
{
    public const string Source = """
        (function () {
          var script = document.currentScript;
          if (!script) return;
          var endpoint = new URL('/t/collect', script.src).toString();
          var contentId = script.getAttribute('data-abm-content') || null;
          var needsConsent = script.getAttribute('data-abm-consent') === 'required';
          function start() {
            var token = new URLSearchParams(location.search).get('abm_t');
            try {
              if (token) localStorage.setItem('abm_t', token); else token = localStorage.getItem('abm_t');
            } catch (e) { /* storage blocked: use the link token only */ }
            if (!token) return;
            var visibleMs = 0, since = document.visibilityState === 'visible' ? Date.now() : null, sent = false;
            function id() { return (crypto.randomUUID && crypto.randomUUID()) || String(Date.now()) + Math.random(); }
            function send(body) {
              body.t = token; body.url = location.href; body.eventId = id();
              if (needsConsent) body.consent = true;
              var data = JSON.stringify(body);
              // text/plain: a cross-site beacon of any other type needs a CORS preflight first, which beacons may not survive.
              if (!(navigator.sendBeacon && navigator.sendBeacon(endpoint, new Blob([data], { type: 'text/plain' })))) {
                fetch(endpoint, { method: 'POST', body: data, headers: { 'Content-Type': 'text/plain' }, keepalive: true, credentials: 'omit' });
              }
            }
            document.addEventListener('visibilitychange', function () {
              if (document.visibilityState === 'visible') since = Date.now();
              else if (since !== null) { visibleMs += Date.now() - since; since = null; }
            });
            window.addEventListener('pagehide', function () {
              if (sent) return;
              sent = true;
              if (since !== null) visibleMs += Date.now() - since;
              send({ type: 'website_visit', contentId: contentId, durationSeconds: Math.round(visibleMs / 1000) });
            });
            document.addEventListener('click', function (e) {
              var link = e.target && e.target.closest && e.target.closest('a[data-abm-download]');
              if (link) send({ type: 'content_download', contentId: link.getAttribute('data-abm-download') || contentId });
            });
          }
          if (!needsConsent || window.abmConsent === true) start();
          else window.addEventListener('abm:consent', start, { once: true });
        })();
        """;
}
