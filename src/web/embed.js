// Interview Drill embed loader: mounts every element with the
// `data-interview-drill` attribute, now and later. Built into dist/embed.js,
// where the build fills in the versioned file names below.
//
//   <div data-interview-drill data-topics="data-caching"></div>
//   <script type="module" src="https://example.com/interview-drill/embed.js"></script>
//
// The WebAssembly is fetched when the first widget comes near the viewport, or
// at once if any widget says data-load="eager". Its files are found relative
// to this script, so the folder can be hosted on any path or CDN.
const GLUE = '__GLUE__';
const WASM = '__WASM__';
const SELECTOR = '[data-interview-drill]';

// The one global: a namespaced object, so a second copy of this script (or
// the same script included twice under another URL) does nothing.
const state = (globalThis.InterviewDrill ??= { version: GLUE });
if (!state.loader) {
  const base = new URL('.', import.meta.url);
  const seen = new WeakSet();
  let bindings = null;

  const load = () => (state.loader.ready ??= import(new URL(GLUE, base).href).then(async (glue) => {
    await glue.default({ module_or_path: new URL(WASM, base) });
    return glue;
  }));

  const explain = (element, error) => {
    const text = /WebAssembly|wasm|unsafe-eval|CompileError/i.test(String(error))
      ? 'Interview Drill cannot run here: this page does not allow WebAssembly (its Content-Security-Policy needs \'wasm-unsafe-eval\' in script-src).'
      : 'Interview Drill could not load. Reload the page to try again.';
    const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = text;
    shadow.replaceChildren(message);
  };

  const mount = (element) => {
    load().then((glue) => {
      bindings = glue;
      glue.mountWidget(element, base.href);
    }).catch((error) => explain(element, error));
  };

  // Widgets wait until they come near the viewport; `data-load="eager"` loads
  // at once. Once the WebAssembly is there, new widgets mount straight away.
  const near = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) {
        near.unobserve(entry.target);
        mount(entry.target);
      }
    }
  }, { rootMargin: '400px' });

  const adopt = (element) => {
    if (seen.has(element)) return;
    seen.add(element);
    if (bindings || element.dataset.load === 'eager') mount(element);
    else near.observe(element);
  };

  // The practice page's embed code generator, mounted the same way.
  const GENERATOR = '[data-interview-drill-generator]';
  const adoptGenerator = (element) => {
    if (seen.has(element)) return;
    seen.add(element);
    load().then((glue) => glue.mountGenerator(element)).catch((error) => explain(element, error));
  };

  // The practice page's deck builder, mounted the same way.
  const BUILDER = '[data-interview-drill-builder]';
  const adoptBuilder = (element) => {
    if (seen.has(element)) return;
    seen.add(element);
    load().then((glue) => glue.mountBuilder(element)).catch((error) => explain(element, error));
  };

  const scan = (root) => {
    if (root.matches?.(SELECTOR)) adopt(root);
    root.querySelectorAll?.(SELECTOR).forEach(adopt);
    if (root.matches?.(GENERATOR)) adoptGenerator(root);
    root.querySelectorAll?.(GENERATOR).forEach(adoptGenerator);
    if (root.matches?.(BUILDER)) adoptBuilder(root);
    root.querySelectorAll?.(BUILDER).forEach(adoptBuilder);
  };

  state.loader = { mount: adopt };
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach((node) => scan(node));
  }).observe(document.documentElement, { childList: true, subtree: true });
}
