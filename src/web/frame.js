// Inside embed.html: the query string becomes the widget's data-* attributes
// (?topics=data-caching&theme=dark), and the page's height is sent to the
// embedding page so its iframe can follow the content.
const OPTIONS = ['deck', 'topics', 'difficulty', 'mode', 'questions', 'theme', 'title', 'namespace'];
const widget = document.getElementById('widget');
const query = new URLSearchParams(location.search);
for (const name of OPTIONS) {
  const value = query.get(name);
  if (value !== null) widget.setAttribute(`data-${name}`, value);
}
if (window.parent !== window) {
  let last = 0;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      // The receiving script checks that this comes from the widget's origin.
      window.parent.postMessage({ type: 'interview-drill:height', height }, '*');
    }
  }).observe(document.documentElement);
}
