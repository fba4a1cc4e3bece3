//! The few things the UI asks of the browser directly: the clock, randomness, the address,
//! and focus. Everything here degrades quietly rather than panicking.

use time::Date;

use crate::domain::lang::Lang;
use crate::domain::response::uuid_v4;
use crate::domain::week::date;

/// Today's date in the phone's own time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    date(now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8)
        // The browser always gives a real date; the fallback only guards against a broken clock.
        .unwrap_or(Date::MIN)
}

pub fn now_millis() -> f64 {
    js_sys::Date::now()
}

/// A fresh version 4 UUID from the browser's cryptographic random source.
pub fn random_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !filled {
        for byte in bytes.iter_mut() {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}

/// The page address's query string, such as `?lang=en`.
pub fn search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The app's address without its query: where a link back to the app points.
pub fn app_address() -> String {
    let location = web_sys::window().map(|w| w.location());
    let part = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location.as_ref().and_then(|l| f(l).ok()).unwrap_or_default()
    };
    part(web_sys::Location::origin) + &part(web_sys::Location::pathname)
}

/// Makes `<html lang>` follow the app's language, for screen readers and hyphenation.
pub fn set_document_lang(lang: Lang) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    // `<html>`, and the widget's root (`.ugb-app`) once it is there.
    let roots = [document.document_element(), document.query_selector(".ugb-app").ok().flatten()];
    for root in roots.into_iter().flatten() {
        let _ = root.set_attribute("lang", lang.code());
        let _ = root.set_attribute("dir", lang.dir());
    }
}

/// Names the app's landmarks (banner, main) by the element `name_id` (the app's name), so
/// that in a portal's page they are told apart from the portal's own. Set from here, when
/// framed, rather than in the views: each attribute of a view is code the first load carries.
pub fn name_landmarks(name_id: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    for landmark in [".ugb-header", "#ugb-main"] {
        if let Ok(Some(element)) = document.query_selector(landmark) {
            let _ = element.set_attribute("aria-labelledby", name_id);
        }
    }
}

/// Moves keyboard and screen-reader focus to the main area's heading, once it is painted.
pub fn focus_main_heading() {
    leptos::prelude::request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        if let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("#ugb-main h2").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}

/// The width available to the app's content, in CSS pixels: the app's box less its
/// padding, or the window's width before the app is in the page.
pub fn app_width() -> u32 {
    let document = web_sys::window().and_then(|w| w.document());
    let app = document.as_ref().and_then(|d| d.query_selector(".ugb-app").ok().flatten());
    let width = match app {
        Some(app) if app.client_width() > 0 => app.client_width() - 32,
        _ => document.and_then(|d| d.document_element()).map_or(360, |e| e.client_width().min(640) - 32),
    };
    width.max(240) as u32
}

/// Opens the browser's own print dialogue.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The id of the element that has focus, if it has one.
pub fn focused_id() -> Option<String> {
    let active = web_sys::window()?.document()?.active_element()?;
    Some(active.id()).filter(|id| !id.is_empty())
}

/// Clicks the element with `id`, if there is one.
pub fn click(id: &str) {
    if let Some(element) = html_element(id) {
        element.click();
    }
}

fn html_element(id: &str) -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()?.document()?.get_element_by_id(id)?.dyn_into::<web_sys::HtmlElement>().ok()
}

/// Focuses the element with `id`, if there is one.
pub fn focus_id(id: &str) {
    if let Some(element) = html_element(id) {
        let _ = element.focus();
    }
}

/// Offers the file at `url` (a `blob:` URL the chart worker made) to the citizen as a
/// download called `name`; false when the browser refused.
pub fn download(name: &str, url: &str) -> bool {
    use wasm_bindgen::JsCast;
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    let Some(link) = link else { return false };
    link.set_href(url);
    link.set_download(name);
    link.click();
    true
}

/// The value of the text field (input or textarea) with `id`, if there is one.
pub fn input_value(id: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let element = web_sys::window()?.document()?.get_element_by_id(id)?;
    match element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        Some(area) => Some(area.value()),
        None => Some(element.dyn_into::<web_sys::HtmlInputElement>().ok()?.value()),
    }
}

/// The value of the ticked radio button called `name`.
pub fn checked_radio(name: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let element = document.query_selector(&format!("input[name=\"{name}\"]:checked")).ok()??;
    Some(element.dyn_into::<web_sys::HtmlInputElement>().ok()?.value())
}

/// Sets the text of the element with `id` (as text, never markup).
pub fn set_text(id: &str, text: &str) {
    if let Some(element) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) {
        element.set_text_content(Some(text));
    }
}

/// Marks the field `id` as the one in error (`aria-invalid`), and no other.
pub fn mark_invalid(id: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(list) = document.query_selector_all("[aria-invalid]") {
        for element in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()) {
            let _ = element.remove_attribute("aria-invalid");
        }
    }
    if let Some(element) = document.get_element_by_id(id) {
        let _ = element.set_attribute("aria-invalid", "true");
    }
}

/// The `attribute` values of the ticked checkboxes that have it, in the section around
/// `inside`.
pub fn checked_values(inside: &web_sys::Element, attribute: &str) -> Vec<String> {
    let Some(section) = inside.closest("section").ok().flatten() else { return Vec::new() };
    let Ok(list) = section.query_selector_all(&format!("input[{attribute}]:checked")) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok())
        .filter_map(|element| element.get_attribute(attribute))
        .collect()
}

/// The named fields of the form around `inside`, as `[name, value, name, value, …]`:
/// text fields, selects and the ticked radio buttons and checkboxes.
pub fn form_fields(inside: &web_sys::Element) -> Vec<String> {
    use wasm_bindgen::JsCast;
    let Some(form) = inside.closest("form").ok().flatten() else { return Vec::new() };
    let Ok(list) = form.query_selector_all("input[name],select[name],textarea[name]") else { return Vec::new() };
    let mut fields = Vec::new();
    for element in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()) {
        let value = js_sys::Reflect::get(&element, &"value".into()).ok().and_then(|v| v.as_string());
        let skipped = element
            .dyn_ref::<web_sys::HtmlInputElement>()
            .is_some_and(|input| matches!(input.type_().as_str(), "radio" | "checkbox") && !input.checked());
        if let (Some(name), Some(value), false) = (element.get_attribute("name"), value, skipped) {
            fields.push(name);
            fields.push(value);
        }
    }
    fields
}

/// Sets one CSS property of `element` through the CSSOM (`style.setProperty`): a `style`
/// attribute would be refused by the Content-Security-Policy (no 'unsafe-inline').
pub fn set_style(element: &web_sys::Element, property: &str, value: &str) {
    use wasm_bindgen::JsCast;
    // `style` is read structurally: every HTML (and SVG) element has it.
    let _ = element.unchecked_ref::<web_sys::HtmlElement>().style().set_property(property, value);
}

/// The content of the page's `<meta name="{name}">`, if it has one.
pub fn meta(name: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    document.query_selector(&format!("meta[name=\"{name}\"]")).ok()??.get_attribute("content")
}

/// Adds the stylesheet at `href` (relative to the page) to the page, once.
pub fn ensure_stylesheet(href: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if document.query_selector(&format!("link[href=\"{href}\"]")).ok().flatten().is_some() {
        return;
    }
    let (Ok(link), Some(head)) = (document.create_element("link"), document.head()) else { return };
    let _ = link.set_attribute("rel", "stylesheet");
    let _ = link.set_attribute("href", href);
    let _ = head.append_child(&link);
}

/// How offering a file to the phone's share sheet ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The citizen chose where the file went, and it went there.
    Done,
    /// The citizen closed the share sheet: no copy was made.
    Cancelled,
    /// The browser cannot share this file (or refused): offer a download instead.
    Unable,
}

/// Offers `file` through the Web Share API and waits for the citizen's choice. Only a
/// share that went through counts as a copy. (The API is called through `Reflect`:
/// web-sys has it only behind an unstable flag.)
pub async fn share(file: &wasm_bindgen::JsValue) -> Shared {
    use js_sys::{Array, Function, Object, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Shared::Unable };
    let method = |name: &str| {
        Reflect::get(&navigator, &JsValue::from_str(name)).ok().and_then(|f| f.dyn_into::<Function>().ok())
    };
    let (Some(can_share), Some(share)) = (method("canShare"), method("share")) else { return Shared::Unable };
    let data = Object::new();
    let _ = Reflect::set(&data, &JsValue::from_str("files"), &Array::of1(file));
    if !can_share.call1(&navigator, &data).ok().and_then(|v| v.as_bool()).unwrap_or(false) {
        return Shared::Unable;
    }
    let Some(promise) = share.call1(&navigator, &data).ok().and_then(|p| p.dyn_into::<Promise>().ok()) else {
        return Shared::Unable;
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(_) => Shared::Done,
        // The citizen closed the sheet. Any other refusal: the download is still there.
        Err(error) => match Reflect::get(&error, &JsValue::from_str("name")).ok().and_then(|n| n.as_string()) {
            Some(name) if name == "AbortError" => Shared::Cancelled,
            _ => Shared::Unable,
        },
    }
}

/// Whether the checkbox with `id` is ticked.
pub fn is_checked(id: &str) -> bool {
    use wasm_bindgen::JsCast;
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|input| input.checked())
}

/// The value given for `name` in `[name, value, …]` (see [`form_fields`]).
pub fn field<'a>(fields: &'a [String], name: &str) -> &'a str {
    fields.chunks(2).find(|pair| pair[0] == name).and_then(|pair| pair.get(1)).map_or("", String::as_str)
}

/// Waits `millis` milliseconds without blocking the page.
pub async fn sleep(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Blanks the page at once, so nothing stays readable while the next one loads.
pub fn blank_page() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(body) = document.body() {
        body.set_text_content(None);
    }
    document.set_title("");
}

/// Loads the page again.
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// The text of the file at `url` (relative to the page), or `None` when it cannot be
/// fetched or the server refuses it.
pub async fn fetch_text(url: &str) -> Option<String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let response = JsFuture::from(web_sys::window()?.fetch_with_str(url)).await.ok()?;
    let response = response.dyn_into::<web_sys::Response>().ok().filter(web_sys::Response::ok)?;
    JsFuture::from(response.text().ok()?).await.ok()?.as_string()
}
