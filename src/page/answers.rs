use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent, MouseEvent};

use crate::domain::lang::Lang;
use crate::domain::progression::latin_digits;
use crate::i18n::Msg;
use crate::page::check_in::SpeakButton;
use crate::page::state::AppState;
use crate::page::steps::{pictogram, Answer};
use crate::platform::browser;

/// The answers of a question or a goal step: radio buttons called `name` (the one of
/// `checked` ticked), a group named by the element `labelled_by`, laid out as `layout`
/// says. The WAI-ARIA radio group, with the browser's own keyboard: one Tab stop, the
/// arrow keys move the choice. A tap, Enter or Space chooses and goes on; an arrow key, or
/// a number typed on a scale of numbers ("7"; "1" then "5" for 15), chooses and stays.
/// Every choice is given at once: `on_choose` gets the answer's value and whether to go
/// on. One pair of handlers on the group serves every answer: each reads the value of the
/// radio button it happened on.
///
/// Each radio button lies over its tile (its pictogram, its words); worded answers have a
/// button that reads them (in `say_lang`), out of the Tab order. `own_lang`: the answers'
/// language, where it is not the app's.
#[component]
pub fn Answers(
    name: &'static str,
    labelled_by: &'static str,
    layout: &'static str,
    answers: Vec<Answer>,
    checked: Option<u8>,
    say_lang: Lang,
    #[prop(optional_no_strip)] own_lang: Option<Lang>,
    on_choose: Callback<(u8, bool)>,
) -> impl IntoView {
    let lang = expect_context::<AppState>().lang.get_untracked();
    let worded = answers.first().is_some_and(|a| a.words.is_some());
    // An arrow key checks the next radio button and clicks it: that click moves the choice,
    // not the citizen. A tap's click has a count (`detail`); one from the keyboard has none.
    let arrowed = StoredValue::new(false);
    // The number typed so far on a scale of numbers, and when (milliseconds).
    let typed = StoredValue::new((0u32, 0.0));
    let give = move |radio: HtmlInputElement, on: bool| {
        if let Ok(value) = radio.value().parse::<u8>() {
            on_choose.run((value, on));
        }
    };
    let click = move |event: MouseEvent| {
        let Some(radio) = radio(&event) else { return };
        let arrow = arrowed.get_value() && event.detail() == 0;
        arrowed.set_value(false);
        give(radio, !arrow);
    };
    let keydown = move |event: KeyboardEvent| {
        let Some(radio) = radio(&event) else { return };
        let key = event.key();
        if key == "Enter" || key == " " {
            // Space's own click is not wanted: it would land on the next step.
            event.prevent_default();
            return give(radio, true);
        }
        arrowed.set_value(key.starts_with("Arrow"));
        let group = event.current_target().and_then(|g| g.dyn_into::<web_sys::Element>().ok());
        let digit = latin_digits(&key).parse::<u32>().ok().filter(|_| !worded && key.chars().count() == 1);
        let (Some(group), Some(digit)) = (group, digit) else { return };
        let (now, (before, at)) = (browser::now_millis(), typed.get_value());
        let find = |n: u32| group.query_selector(&format!("input[value=\"{n}\"]")).ok().flatten();
        let joined = Some(before * 10 + digit).filter(|_| now - at < 1000.0);
        let (number, chosen) = match joined.and_then(|n| Some((n, find(n)?))) {
            Some((n, chosen)) => (n, Some(chosen)),
            None => (digit, find(digit)),
        };
        typed.set_value((number, now));
        if let Some(chosen) = chosen.and_then(|c| c.dyn_into::<HtmlInputElement>().ok()) {
            // Checked and given like an arrow key's choice.
            let _ = chosen.focus();
            arrowed.set_value(true);
            chosen.click();
        }
    };
    let (own_code, own_dir) = (own_lang.map(Lang::code), own_lang.map(Lang::dir));
    let answer = move |Answer { value, words, pict }: Answer| {
        let speak = words.map(|words| {
            let label = Msg::ReadAnswer.fill(lang, &[("answer", words)]);
            view! { <SpeakButton label say=words.to_owned() say_lang answer=true/> }
        });
        let pict = pictogram(pict).map(|(view_box, fill, frame)| {
            view! {
                <svg class="ugb-pict" viewBox=view_box aria-hidden="true" focusable="false">
                    <path class="ugb-pict__fill" d=fill></path>
                    <path class="ugb-pict__frame" d=frame></path>
                </svg>
            }
        });
        view! {
            <div class="ugb-option">
                <label class="ugb-answer" lang=own_code dir=own_dir>
                    <input type="radio" name=name value=value.to_string() checked=checked == Some(value)/>
                    <span class="ugb-answer__face">
                        {pict}
                        <span>{words.map_or_else(|| value.to_string(), str::to_owned)}</span>
                    </span>
                </label>
                {speak}
            </div>
        }
    };
    // Shown while the answers have the keyboard's focus (style/main.css).
    let keys = if worded { Msg::Keys } else { Msg::KeysNumbers };
    view! {
        <fieldset class=layout aria-labelledby=labelled_by on:click=click on:keydown=keydown>
            {answers.into_iter().map(answer).collect_view()}
        </fieldset>
        <p class="ugb-keys ugb-hint">{keys.get(lang)}</p>
    }
}

/// The radio button an event in the group happened on, if it was one.
fn radio(event: &web_sys::Event) -> Option<HtmlInputElement> {
    event.target()?.dyn_into::<HtmlInputElement>().ok()
}
