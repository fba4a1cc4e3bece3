// <ugeblik-widget>: Ugeblik inside a portal's own page. Load this script from where the
// app is served, then put the element where the widget belongs:
//
//   <script src="https://app.example/ugeblik/embed.js" defer></script>
//   <ugeblik-widget lang="da" provider="Jobcenter Eksempel" instruments="who5,jobready7"
//                   who5="fortnightly"></ugeblik-widget>
//
// or, from a script, once it is defined (`customElements.whenDefined('ugeblik-widget')`):
// `customElements.get('ugeblik-widget').mount(element, { lang: 'da' })`.
//
// A classic script, not a module: a module from another origin loads only when its host
// sends CORS headers, and a plain static host sends none. It finds the app beside itself
// (its own address, `document.currentScript`).
//
// The widget runs in an iframe from the app's origin inside the element's closed shadow
// root: the portal's CSS cannot reach it and its CSS cannot reach the portal. The theme
// comes from documented custom properties set on the element (--ugeblik-accent, …),
// checked by the widget. The element sizes the iframe to the widget's height and
// re-dispatches the widget's messages as DOM events: `ugeblik-ready`,
// `ugeblik-checkin-completed` (detail: week, instruments, who5Percent) and
// `ugeblik-export` (detail.json: the canonical export, sent only when the citizen
// confirmed it). `element.requestExport()` asks the citizen to confirm sending it. The
// widget says nothing to a page the app's host does not list (portals.json) unless the
// citizen agreed to it.
(() => {
  const SCRIPT = document.currentScript;
  if (!SCRIPT?.src) {
    // As a module there is no currentScript, and so no address of the app.
    console.error('Ugeblik: load embed.js with <script src="…/embed.js">, not as a module.');
    return;
  }
  const APP = new URL('./', SCRIPT.src);
  const SETTINGS = ['lang', 'instruments', 'who5', 'provider'];
  /** The theme's custom properties, each passed to the widget as `theme-<name>`. */
  const THEME = ['accent', 'accent-text', 'background', 'text', 'muted', 'font', 'radius', 'spacing'];
  const EVENTS = {
    'ugeblik:ready': 'ugeblik-ready',
    'ugeblik:checkin-completed': 'ugeblik-checkin-completed',
    'ugeblik:export': 'ugeblik-export',
  };

  class UgeblikWidget extends HTMLElement {
    static observedAttributes = SETTINGS;
    #frame = null;
    #listening = null;

    connectedCallback() {
      if (!this.#frame) {
        const root = this.attachShadow({ mode: 'closed' });
        const style = document.createElement('style');
        // !important inside the shadow root wins over the portal's rules, even its own
        // !important ones, for the element's box.
        style.textContent =
          ':host{display:block!important;padding:0!important;border:0!important;min-inline-size:0!important}' +
          'iframe{display:block;inline-size:100%;block-size:600px;border:0;margin:0;padding:0;background:transparent}';
        this.#frame = document.createElement('iframe');
        this.#frame.title = this.getAttribute('title') || 'Ugeblik';
        this.#frame.referrerPolicy = 'no-referrer';
        root.append(style, this.#frame);
      }
      this.#listening = (event) => this.#receive(event);
      window.addEventListener('message', this.#listening);
      this.#load();
    }

    disconnectedCallback() {
      window.removeEventListener('message', this.#listening);
    }

    attributeChangedCallback() {
      if (this.#frame && this.isConnected) this.#load();
    }

    /** Puts a widget into `element` with `options` (lang, instruments, who5, provider);
     *  returns it. */
    static mount(element, options = {}) {
      const widget = document.createElement('ugeblik-widget');
      for (const name of SETTINGS) {
        if (options[name] != null) widget.setAttribute(name, String(options[name]));
      }
      element.append(widget);
      return widget;
    }

    /** Asks the widget to show the citizen where they can send their answers to this portal. */
    requestExport() {
      this.#frame?.contentWindow?.postMessage({ type: 'ugeblik:request-export', version: 1 }, APP.origin);
    }

    #load() {
      const url = new URL(APP);
      for (const name of SETTINGS) {
        const value = this.getAttribute(name);
        if (value !== null) url.searchParams.set(name, value);
      }
      const style = getComputedStyle(this);
      for (const name of THEME) {
        const value = style.getPropertyValue(`--ugeblik-${name}`).trim();
        if (value) url.searchParams.set(`theme-${name}`, value);
      }
      url.searchParams.set('parentOrigin', location.origin);
      if (this.#frame.src !== url.href) this.#frame.src = url.href;
    }

    #receive(event) {
      if (event.origin !== APP.origin || event.source !== this.#frame?.contentWindow) return;
      const data = event.data;
      if (!data || typeof data !== 'object' || data.version !== 1) return;
      if (data.type === 'ugeblik:height') {
        const height = Number(data.height);
        if (Number.isFinite(height) && height > 0 && height < 100000) this.#frame.style.blockSize = `${Math.ceil(height)}px`;
        return;
      }
      const name = EVENTS[data.type];
      if (name) this.dispatchEvent(new CustomEvent(name, { detail: { ...data }, bubbles: true, composed: true }));
    }
  }

  if (!customElements.get('ugeblik-widget')) customElements.define('ugeblik-widget', UgeblikWidget);
})();
