// For pages that embed Interview Drill in an iframe: makes each
// <iframe data-interview-drill-frame> as tall as its content.
//
//   <iframe src="https://example.com/interview-drill/embed.html?topics=data-caching"
//           title="Interview Drill" data-interview-drill-frame width="100%" height="640"></iframe>
//   <script type="module" src="https://example.com/interview-drill/embed-frame.js"></script>
//
// Only messages from the widget's own origin (where this script comes from),
// and from one of these iframes, are obeyed.
const origin = new URL(import.meta.url).origin;
window.addEventListener('message', (event) => {
  if (event.origin !== origin || event.data?.type !== 'interview-drill:height') return;
  const height = Number(event.data.height);
  if (!Number.isFinite(height) || height <= 0 || height > 20000) return;
  for (const frame of document.querySelectorAll('iframe[data-interview-drill-frame]')) {
    if (frame.contentWindow === event.source) frame.height = String(Math.ceil(height));
  }
});
