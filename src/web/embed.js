// Interview Drill embed loader: mounts every element with the
// `data-interview-drill` attribute, now and later. Built into dist/embed.js,
// where the build fills in the names of today's files below.
//
//   <div data-interview-drill data-topics="data-caching"></div>
//   <script type="module" src="https://example.com/interview-drill/embed.js"></script>
//
// What loads, and when (ARCHITECTURE.md, "Two builds"):
// - the guest build (the drill alone) when the first widget comes near the
//   viewport, or at once if any widget says data-load="eager";
// - the decks' details (answers, key points, follow-ups) right after that
//   widget's first card is painted, with the guest's drill part (the code of
//   a card below its question), which the guest's glue fetches itself
//   (ARCHITECTURE.md, "The drill part");
// - the full build only when a learner opens something the guest leaves out
//   (mock rounds, the plan, statistics, settings, sharing), or when a tool of
//   the practice page comes into view. It takes the widget over in place,
//   with the same progress (both builds keep it in localStorage).
// Every file is found relative to this script, so the folder can be hosted
// on any path or CDN. Each is fetched once for any number of widgets.
let files = '__MANIFEST__';
const SELECTOR = '[data-interview-drill]';
const TOOLS = { '[data-interview-drill-generator]': 'mountGenerator', '[data-interview-drill-builder]': 'mountBuilder' };

// The one global: a namespaced object, so a second copy of this script (or
// the same script included twice under another URL) does nothing.
const state = (globalThis.InterviewDrill ??= {});
if (!state.loader) {
  const base = new URL('.', import.meta.url);
  const seen = new WeakSet();
  const loaded = {};
  let detailsPromise = null;
  let detailsBytes = null;
  const toolOf = new WeakMap();

  // A page may hold this loader from before a deploy, naming files that are
  // gone: the manifest (never cached) names today's set, and that is tried
  // once before giving up.
  let refreshed = null;
  const refresh = () => (refreshed ??= fetch(new URL('manifest.json', base), { cache: 'no-store' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`manifest.json: HTTP ${r.status}`))))
    .then((latest) => { files = latest; }));
  const retrying = (attempt) => attempt().catch((error) => refresh().then(attempt, () => Promise.reject(error)));

  /** The glue of `kind` ('guest' or 'full'), initialised, once. */
  const load = (kind) => (loaded[kind] ??= retrying(async () => {
    const glue = await import(new URL(files[kind].glue, base).href);
    await glue.default({ module_or_path: new URL(files[kind].wasm, base) });
    return glue;
  }).catch((error) => {
    delete loaded[kind];
    throw error;
  }));

  // A task after the current one: the first card renders before the details
  // are asked for. (A message, not a timer, so a page's fake clock in tests
  // cannot hold it back.)
  const afterRender = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

  /** The decks' details, fetched once, after the first card has rendered. */
  const details = () => (detailsPromise ??= afterRender()
    .then(() => retrying(async () => {
      const response = await fetch(new URL(files.details, base));
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      detailsBytes = new Uint8Array(await response.arrayBuffer());
      return detailsBytes;
    }))
    .catch((error) => {
      detailsPromise = null;
      throw new Error(`the answers could not be downloaded (${error.message})`);
    }));

  /** The full build, with the details it mounts with. */
  const loadFull = () => Promise.all([load('full'), details()]).catch((error) => {
    throw new Error(`it could not be downloaded (${error.message})`);
  });

  // What the widgets call on the page (passed into each mount).
  const api = {
    details,
    // Hands a guest widget to the full build, opening `part`.
    upgrade: async (host, part) => {
      const [full, bytes] = await loadFull();
      const label = nameOf(host.shadowRoot?.activeElement);
      // What the guest could not store (a full quota) carries on.
      const carried = (await loaded.guest)?.unmountWidget(host) ?? null;
      full.mountWidget(host, base.href, api, bytes, part, carried);
      if (label) refocus(host, label);
    },
  };

  // Focus stays on the control the learner used across a hand-over: the
  // same control in the full build, once it has rendered.
  const nameOf = (element) => (element ? (element.getAttribute('aria-label') ?? element.textContent).trim() : null);
  const refocus = async (host, label, tries = 50) => {
    for (let i = 0; i < tries; i += 1) {
      await afterRender();
      const match = [...(host.shadowRoot?.querySelectorAll('button, a, input, select, textarea') ?? [])]
        .find((control) => nameOf(control) === label);
      if (match) {
        match.focus();
        return;
      }
    }
  };

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

  // Once the full build is here (another widget opened a part), new widgets
  // use it; a widget whose page may hold a link starts on it too, since only
  // the full build reads links.
  const mount = (element) => {
    const started = loaded.full
      ? loadFull().then(([full, bytes]) => full.mountWidget(element, base.href, api, bytes, null, null))
      : load('guest').then((guest) => (guest.needsFull(element)
        ? loadFull().then(([full, bytes]) => full.mountWidget(element, base.href, api, bytes, null, null))
        : guest.mountWidget(element, base.href, api, detailsBytes, null, null)));
    started.catch((error) => explain(element, error));
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
    if (loaded.guest || loaded.full || element.dataset.load === 'eager') mount(element);
    else near.observe(element);
  };

  // The practice page's tools (the embed code generator, the deck builder)
  // are the full build's: each loads it when first used, that is when its
  // disclosure is opened, or, outside one, when it comes into view.
  const startTool = (element) => loadFull()
    .then(([full, bytes]) => full[toolOf.get(element)](element, bytes))
    .catch((error) => explain(element, error));
  const inView = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      inView.unobserve(entry.target);
      startTool(entry.target);
    }
  });
  const adoptTool = (element, method) => {
    if (seen.has(element)) return;
    seen.add(element);
    toolOf.set(element, method);
    const disclosure = element.closest('details');
    if (!disclosure) {
      inView.observe(element);
      return;
    }
    const opened = () => {
      if (!disclosure.open) return;
      disclosure.removeEventListener('toggle', opened);
      startTool(element);
    };
    disclosure.addEventListener('toggle', opened);
    opened();
  };

  const scan = (root) => {
    if (root.matches?.(SELECTOR)) adopt(root);
    root.querySelectorAll?.(SELECTOR).forEach(adopt);
    for (const [selector, method] of Object.entries(TOOLS)) {
      if (root.matches?.(selector)) adoptTool(root, method);
      root.querySelectorAll?.(selector).forEach((element) => adoptTool(element, method));
    }
  };

  state.loader = { mount: adopt };
  state.version = files.guest.glue;
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach((node) => scan(node));
  }).observe(document.documentElement, { childList: true, subtree: true });
}
