//! The form for a locked file to import or view: its passphrase, or why it cannot be
//! opened. The page acts on its buttons' `data-action` (`import-unlock`, `import-cancel`)
//! and reads the form's named field. Pure and host-tested; every text is escaped by
//! [`Html`]. (The "lock and delete" screen is a component: `crate::session::safety`.)

use crate::formats::html::Html;
use crate::formats::sealed::decode_file;
use crate::i18n::ChartMsg;
use crate::session::render::Request;

fn button(html: &mut Html, id: &'static str, action: &'static str, class: &'static str, text: &str) {
    html.el("button", &[("type", "button"), ("id", id), ("class", class), ("data-action", action)], text);
}

/// A locked file to import or view: its passphrase, or why it cannot be opened.
pub fn locked_file(html: &mut Html, text: &str, request: &Request) {
    let lang = request.choices.lang;
    if let Err(error) = decode_file(text) {
        let message = ChartMsg::ImportLockedBroken.fill(lang, &[("what", &error.to_string())]);
        html.el("p", &[("class", "ugb-notice"), ("role", "alert"), ("id", "ugb-import-error")], &message);
        html.el(
            "button",
            &[("type", "button"), ("id", "ugb-import-cancel"), ("data-action", "import-cancel")],
            ChartMsg::ImportCancel.get(lang),
        );
        return;
    }
    html.el("p", &[("id", "ugb-import-locked")], ChartMsg::ImportLocked.get(lang));
    html.open("form", &[("class", "ugb-form"), ("aria-labelledby", "ugb-import-locked")]);
    html.el("label", &[("for", "ugb-import-passphrase")], ChartMsg::ImportPassphrase.get(lang));
    let mut field = vec![
        ("id", "ugb-import-passphrase"),
        ("name", "passphrase"),
        ("type", "password"),
        ("autocomplete", "off"),
        ("maxlength", "256"),
        ("aria-describedby", "ugb-import-wrong"),
    ];
    if request.import_wrong {
        field.push(("aria-invalid", "true"));
    }
    html.open("input", &field);
    let wrong = if request.import_wrong { ChartMsg::ImportWrongPassphrase.get(lang) } else { "" };
    html.el("p", &[("id", "ugb-import-wrong"), ("class", "ugb-field-error"), ("role", "alert")], wrong);
    html.open("div", &[("class", "ugb-toolbar__row")]);
    button(html, "ugb-import-open", "import-unlock", "ugb-primary", ChartMsg::ImportOpen.get(lang));
    button(html, "ugb-import-cancel", "import-cancel", "ugb-secondary", ChartMsg::ImportCancel.get(lang));
    html.close("div").close("form");
}
