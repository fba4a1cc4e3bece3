//! Fetching a language pack ([`crate::i18n::pack`]) from beside the page: only when a
//! language not in the first load is chosen, or opened with.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::lang::Lang;
use crate::i18n::pack;

/// Makes `lang` ready to show; `false` when its pack could not be fetched or read.
pub async fn load(lang: Lang) -> bool {
    if pack::ready(lang) {
        return true;
    }
    let Some(window) = web_sys::window() else { return false };
    let Ok(response) = JsFuture::from(window.fetch_with_str(&pack::url(lang))).await else { return false };
    let Ok(response) = response.dyn_into::<web_sys::Response>() else { return false };
    if !response.ok() {
        return false;
    }
    let Ok(text) = response.text() else { return false };
    let Ok(text) = JsFuture::from(text).await else { return false };
    text.as_string().is_some_and(|text| pack::install(&text) == Ok(lang))
}
