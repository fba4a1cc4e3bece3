//! The "lock and delete" screen, drawn in the chart worker so that the first load does not
//! carry it: the passphrase (set, change, remove), the idle lock, quick exit, the end of
//! the programme and deleting everything; and the form for a locked file to import.
//!
//! The page acts on each button's `data-action` (`lock-set`, `lock-change`, `lock-remove`,
//! `auto-lock`, `end-date`, `delete-all`, `import-unlock`) and reads its form's named
//! fields; passphrases never go to the worker except the one typed for a locked file.
//! Pure and host-tested; every text is escaped by [`Html`].

use crate::formats::html::Html;
use crate::formats::safety::AUTO_LOCK_CHOICES;
use crate::formats::sealed::decode_file;
use crate::i18n::ChartMsg;
use crate::session::render::Request;

/// A password field with its label, named `name` in its form.
/// On a shared phone no password manager may keep it, or offer it to the next person.
fn passphrase(html: &mut Html, id: &'static str, name: &'static str, label: ChartMsg, request: &Request) {
    html.el("label", &[("for", id)], label.get(request.choices.lang));
    html.open(
        "input",
        &[("id", id), ("name", name), ("type", "password"), ("autocomplete", "off"), ("maxlength", "256")],
    );
}

fn button(html: &mut Html, id: &'static str, action: &'static str, class: &'static str, text: &str) {
    html.el("button", &[("type", "button"), ("id", id), ("class", class), ("data-action", action)], text);
}

fn section(html: &mut Html, id: &'static str, title: ChartMsg, request: &Request) {
    html.open("section", &[("class", "ugb-safety__part"), ("aria-labelledby", id)]);
    html.el("h3", &[("id", id)], title.get(request.choices.lang));
}

/// The screen.
pub fn screen(request: &Request) -> String {
    let lang = request.choices.lang;
    let mut html = Html::new();

    section(&mut html, "ugb-lock-title", ChartMsg::LockTitle, request);
    if !request.choices.crypto {
        html.el("p", &[("class", "ugb-warning")], ChartMsg::LockUnavailable.get(lang));
    } else if !request.choices.locked {
        html.el("p", &[], ChartMsg::LockOffText.get(lang));
        html.el("p", &[("class", "ugb-warning")], ChartMsg::LockWarning.get(lang));
        html.open("form", &[("class", "ugb-form"), ("aria-labelledby", "ugb-lock-title")]);
        passphrase(&mut html, "ugb-lock-new", "new", ChartMsg::LockNew, request);
        passphrase(&mut html, "ugb-lock-repeat", "repeat", ChartMsg::LockRepeat, request);
        button(&mut html, "ugb-lock-set", "lock-set", "ugb-primary", ChartMsg::LockSet.get(lang));
        html.close("form");
    } else {
        html.el("p", &[], ChartMsg::LockOnText.get(lang));
        html.el("p", &[("class", "ugb-warning")], ChartMsg::LockWarning.get(lang));
        html.open("form", &[("class", "ugb-form"), ("aria-label", ChartMsg::LockChange.get(lang))]);
        passphrase(&mut html, "ugb-lock-current", "current", ChartMsg::LockCurrent, request);
        passphrase(&mut html, "ugb-lock-new", "new", ChartMsg::LockNew, request);
        passphrase(&mut html, "ugb-lock-repeat", "repeat", ChartMsg::LockRepeat, request);
        button(&mut html, "ugb-lock-change", "lock-change", "ugb-primary", ChartMsg::LockChange.get(lang));
        html.close("form");
        html.open("form", &[("class", "ugb-form"), ("aria-label", ChartMsg::LockRemove.get(lang))]);
        html.el("p", &[], ChartMsg::LockRemoveText.get(lang));
        passphrase(&mut html, "ugb-lock-remove-current", "current", ChartMsg::LockCurrent, request);
        button(&mut html, "ugb-lock-remove", "lock-remove", "ugb-secondary", ChartMsg::LockRemove.get(lang));
        html.close("form");
    }
    html.close("section");

    section(&mut html, "ugb-auto-lock-title", ChartMsg::AutoLockTitle, request);
    html.open("form", &[("class", "ugb-form"), ("aria-labelledby", "ugb-auto-lock-title")]);
    html.el("label", &[("for", "ugb-auto-lock")], ChartMsg::AutoLockLabel.get(lang));
    html.open("select", &[("id", "ugb-auto-lock"), ("name", "minutes")]);
    for minutes in AUTO_LOCK_CHOICES {
        let value = minutes.to_string();
        let text = ChartMsg::AutoLockMinutes.fill(lang, &[("n", &value)]);
        if minutes == request.choices.auto_lock {
            html.el("option", &[("value", &value), ("selected", "")], &text);
        } else {
            html.el("option", &[("value", &value)], &text);
        }
    }
    html.close("select");
    if !request.choices.locked {
        html.el("p", &[("class", "ugb-hint")], ChartMsg::AutoLockOff.get(lang));
    }
    button(&mut html, "ugb-auto-lock-save", "auto-lock", "ugb-secondary", ChartMsg::SaveChoice.get(lang));
    html.close("form").close("section");

    section(&mut html, "ugb-exit-title", ChartMsg::QuickExitTitle, request);
    html.el("p", &[], ChartMsg::QuickExitText.get(lang));
    html.close("section");

    section(&mut html, "ugb-end-title", ChartMsg::EndTitle, request);
    html.el("p", &[], ChartMsg::EndText.get(lang));
    html.open("form", &[("class", "ugb-form"), ("aria-labelledby", "ugb-end-title")]);
    html.el("label", &[("for", "ugb-end")], ChartMsg::EndLabel.get(lang));
    let end = request.choices.end.as_deref().unwrap_or("");
    html.open("input", &[("id", "ugb-end"), ("name", "end"), ("type", "date"), ("value", end)]);
    button(&mut html, "ugb-end-save", "end-date", "ugb-secondary", ChartMsg::SaveChoice.get(lang));
    html.close("form").close("section");

    section(&mut html, "ugb-delete-title", ChartMsg::DeleteTitle, request);
    html.el("p", &[], ChartMsg::DeleteText.get(lang));
    html.open("form", &[("class", "ugb-form"), ("aria-labelledby", "ugb-delete-title")]);
    html.open("p", &[("class", "ugb-check")]);
    html.open(
        "input",
        &[("type", "checkbox"), ("id", "ugb-delete-all-confirm"), ("name", "confirm"), ("value", "yes")],
    );
    html.el("label", &[("for", "ugb-delete-all-confirm")], ChartMsg::DeleteConfirmText.get(lang)).close("p");
    button(&mut html, "ugb-delete-all", "delete-all", "ugb-danger", ChartMsg::DeleteButton.get(lang));
    html.close("form").close("section");
    html.finish()
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
