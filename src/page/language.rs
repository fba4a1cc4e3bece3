//! Fetching a language pack ([`crate::i18n::pack`]) from beside the page: only when a
//! language not in the first load is chosen, or opened with.

use crate::domain::lang::Lang;
use crate::i18n::pack;

/// Makes `lang` ready to show; `false` when its pack could not be fetched or read.
pub async fn load(lang: Lang) -> bool {
    if pack::ready(lang) {
        return true;
    }
    let text = crate::platform::browser::fetch_text(&pack::url(lang)).await;
    text.is_some_and(|text| pack::install(&text) == Ok(lang))
}
