use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::{window_event_listener, WindowListenerHandle};

use super::browser;
use crate::domain::lang::Lang;
use crate::i18n::Msg;
use crate::steps;
use crate::storage::lock::{self, LockError};
use crate::storage::{BrowserStore, SealedStore};

/// The lock screen ([`steps::unlock_screen`]), shown before the app while a passphrase is
/// set: the passphrase opens the store, which goes to `opened` once the screen is gone. A
/// wrong passphrase says so and changes nothing; a forgotten one can only delete
/// everything, after a tick. `damaged`: the lock record cannot be read.
///
/// Plain DOM, not a Leptos view: it is shown once and replaced whole, and a view of its
/// own would be code the first load carries for that. Its listeners (Leptos's window
/// listeners: the screen is all the page holds while it shows) go with it.
pub fn show(store: BrowserStore, lang: Lang, damaged: bool, opened: Rc<dyn Fn(SealedStore, Option<Lang>)>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let (Ok(root), Some(body)) = (document.create_element("div"), document.body()) else { return };
    root.set_class_name("ugb-app");
    let _ = body.append_child(&root);
    let first = if damaged {
        Some(Msg::LockDamaged)
    } else if !crate::crypto::available() {
        Some(Msg::CryptoUnavailable)
    } else {
        None
    };
    let screen = Rc::new(Screen {
        root,
        lang: Cell::new(lang),
        switched: Cell::new(false),
        error: Cell::new(first),
        busy: Cell::new(false),
        listeners: RefCell::new(Vec::new()),
    });
    screen.draw();

    let on_submit = {
        let (screen, store) = (Rc::clone(&screen), store.clone());
        window_event_listener(leptos::ev::submit, move |event| {
            event.prevent_default();
            if screen.busy.get() {
                return;
            }
            let passphrase = browser::input_value(steps::PASSPHRASE_FIELD).unwrap_or_default();
            screen.busy.set(true);
            screen.draw();
            let (screen, store, opened) = (Rc::clone(&screen), store.clone(), Rc::clone(&opened));
            wasm_bindgen_futures::spawn_local(async move {
                match lock::unlock(store, &passphrase).await {
                    Ok(sealed) => {
                        // The screen goes, with everything typed into it and its
                        // listeners, before the app comes.
                        screen.close();
                        // A language switched to here goes on in the app.
                        opened(sealed, screen.switched.get().then(|| screen.lang.get()));
                    }
                    Err(reason) => {
                        screen.error.set(Some(match reason {
                            LockError::WrongPassphrase => Msg::WrongPassphrase,
                            LockError::Damaged(_) => Msg::LockDamaged,
                            LockError::Crypto(_) | LockError::Storage(_) | LockError::Stranded(_) => {
                                Msg::CryptoUnavailable
                            }
                        }));
                        screen.busy.set(false);
                        screen.draw();
                    }
                }
            });
        })
    };
    let on_click = {
        let screen = Rc::clone(&screen);
        window_event_listener(leptos::ev::click, move |event| {
            if let Some(code) = browser::pressed(&event, "data-lang").as_deref().and_then(Lang::parse) {
                let screen = Rc::clone(&screen);
                // A language not in the first load is fetched first; if it cannot be, the
                // screen stays as it is.
                return wasm_bindgen_futures::spawn_local(async move {
                    if super::language::load(code).await {
                        screen.lang.set(code);
                        screen.switched.set(true);
                        screen.draw();
                    }
                });
            }
            if browser::pressed(&event, "data-act").as_deref() == Some("delete") {
                if !browser::is_checked(steps::DELETE_CONFIRM) {
                    screen.error.set(Some(Msg::DeleteNeedsConfirm));
                    return screen.draw();
                }
                crate::storage::delete_everything(&store);
                browser::reload();
            }
        })
    };
    // The screen lives until the page is left or the app replaces it.
    screen.listeners.replace(vec![on_submit, on_click]);
}

struct Screen {
    root: web_sys::Element,
    lang: Cell<Lang>,
    /// The citizen chose the language here.
    switched: Cell<bool>,
    error: Cell<Option<Msg>>,
    busy: Cell<bool>,
    listeners: RefCell<Vec<WindowListenerHandle>>,
}

impl Screen {
    /// Takes the screen out of the page, and its listeners with it.
    fn close(&self) {
        self.root.remove();
        self.listeners.take().into_iter().for_each(WindowListenerHandle::remove);
    }

    /// Draws the screen as it stands; the field gets the focus (the one thing to do here).
    fn draw(&self) {
        let lang = self.lang.get();
        let _ = self.root.set_attribute("lang", lang.code());
        let _ = self.root.set_attribute("dir", lang.dir());
        browser::set_document_lang(lang);
        self.root.set_inner_html(&steps::unlock_screen(lang, self.error.get(), self.busy.get()));
        browser::focus_id(steps::PASSPHRASE_FIELD);
    }
}
