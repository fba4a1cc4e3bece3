//! Reading aloud, for citizens who read poorly: the browser's own voices
//! (`speechSynthesis`), with the text's language. Only a voice on the phone itself is used
//! (a voice that is a web service would send the question away); without one, the page
//! says so plainly.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::lang::Lang;
use crate::i18n::Msg;
use crate::page::steps::SPEECH_STATUS;
use crate::platform::browser;

/// The language tag a voice is asked for.
fn voice_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "da-DK",
        Lang::En => "en-GB",
        Lang::Ar => "ar",
        Lang::Uk => "uk-UA",
    }
}

/// Reads `text` aloud in `lang`; any problem is said in `ui` at the step's status line.
pub fn say(text: &str, lang: Lang, ui: Lang) {
    let say_problem = |msg: String| browser::set_text(SPEECH_STATUS, &msg);
    let no_voice = move || Msg::NoVoice.fill(ui, &[("language", lang.endonym())]);
    let Some(synth) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return say_problem(Msg::NoSpeech.get(ui).to_owned());
    };
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        return say_problem(Msg::NoSpeech.get(ui).to_owned());
    };
    utterance.set_lang(voice_tag(lang));
    // The phone's own voice for the language. An empty list is a browser that has not
    // listed its voices yet: it is asked anyway and says if it cannot.
    let voices = synth.get_voices();
    if voices.length() > 0 {
        let local = voices
            .iter()
            .filter_map(|v| v.dyn_into::<web_sys::SpeechSynthesisVoice>().ok())
            .find(|v| v.local_service() && v.lang().to_ascii_lowercase().replace('_', "-").starts_with(lang.code()));
        match local {
            Some(voice) => utterance.set_voice(Some(&voice)),
            None => return say_problem(no_voice()),
        }
    }
    browser::set_text(SPEECH_STATUS, "");
    // The handler belongs to the utterance: handed to the browser, it is freed with it
    // (read to the end, cancelled, or failed).
    let failed = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        // Cancelled by the next button pressed is no problem.
        let error = js_sys::Reflect::get(&event, &JsValue::from_str("error")).ok().and_then(|e| e.as_string());
        if !matches!(error.as_deref(), Some("interrupted" | "canceled")) {
            say_problem(no_voice());
        }
    })
    .into_js_value();
    utterance.set_onerror(Some(failed.unchecked_ref()));
    // One at a time: a new press stops what is being read.
    synth.cancel();
    synth.speak(&utterance);
}
