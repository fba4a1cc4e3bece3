use leptos::html::Input;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::domain::history::History;
use crate::domain::lang::Lang;
use crate::domain::rater::Readings;
use crate::i18n::{ChartMsg, Msg};
use crate::page::state::{AppState, Screen};
use crate::platform::browser;
use crate::session::about::About;
use crate::session::goals_screen::goals_screen;
use crate::session::past_weeks::past_weeks_screen;
use crate::session::progress::STYLESHEET;
use crate::session::progress_screen::Progress;
use crate::session::safety::safety_screen;
use crate::session::viewer::viewer_screen;

/// A session screen, so that the first load does not carry it: progress (charts fitted to
/// the width there is), past weeks with export, import and the reminder, goals and
/// milestones for a session with the consultant, lock and delete, and what Ugeblik is.
///
/// Its code, and all that only it reaches, is fetched the first time a session screen
/// opens (Leptos's code splitting, the split point `#[lazy]` makes, built by
/// scripts/split.mjs): 20.6 KB less of the first load. `fallible`: a part that cannot be
/// fetched (offline, before the service worker kept it) is an error to show, not a panic.
///
/// A split point only in the page's own build (`--cfg ugeblik_split`, scripts/split.mjs):
/// its export would keep all this code alive in every other binary that links the crate,
/// the worker first of all.
#[cfg(ugeblik_split)]
#[leptos::wasm_split::wasm_split(ugeblik_drawn_screen, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn drawn_screen(screen: Screen) -> Result<AnyView, SplitLoaderError> {
    Ok(screen_view(screen))
}

/// [`drawn_screen`] where the page is not split (trunk's throw-away build of it, and the
/// worker, which never calls it: no export keeps it there).
#[cfg(not(ugeblik_split))]
pub async fn drawn_screen(screen: Screen) -> Result<AnyView, SplitLoaderError> {
    Ok(screen_view(screen))
}

/// A session screen in a split point of its own (`$split`), fetched the first time it
/// opens: `$name()` gives the component `$component`. A split point only in the page's own
/// build, as [`drawn_screen`]; elsewhere a plain `async fn` that nothing roots.
macro_rules! split_screen {
    ($(#[$doc:meta])* $split:ident, $name:ident, $component:ident) => {
        $(#[$doc])*
        #[cfg(ugeblik_split)]
        #[leptos::wasm_split::wasm_split($split, wasm_split_path = ::leptos::wasm_split, fallible)]
        pub fn $name() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
            Ok(view! { <$component/> }.into_any())
        }

        $(#[$doc])*
        #[cfg(not(ugeblik_split))]
        pub async fn $name() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
            Ok(view! { <$component/> }.into_any())
        }
    };
}
pub(crate) use split_screen;

fn screen_view(screen: Screen) -> AnyView {
    let state = expect_context::<AppState>();
    match screen {
        Screen::About => view! { <About/> }.into_any(),
        Screen::Safety => own_part(state, safety_screen()),
        // The consultant's viewer: its own part, fetched when it opens (and, from there, a
        // rater on their own device, `?rater=employer`).
        Screen::Progress if state.viewer => own_part(state, viewer_screen()),
        Screen::Progress => view! { <Progress/> }.into_any(),
        Screen::Goals => own_part(state, goals_screen()),
        // Past weeks, with export, import and the reminder: its own part, fetched when it
        // opens.
        _ => own_part(state, past_weeks_screen()),
    }
}

/// A screen in a part of its own, shown once fetched; said when it cannot be fetched
/// (offline before the service worker kept it).
pub(crate) fn own_part(
    state: AppState,
    part: impl std::future::Future<Output = Result<AnyView, SplitLoaderError>> + Send + 'static,
) -> AnyView {
    Suspend::new(async move {
        part.await.unwrap_or_else(|_| {
            let lang = state.lang.get_untracked();
            view! { <p class="ugb-notice" role="alert">{Msg::ChartOffline.get(lang)}</p> }.into_any()
        })
    })
    .into_any()
}

/// The history a session screen shows, with others' readings of the citizen: the
/// citizen's, the made-up demo's (made once), or a file the consultant's viewer opened.
#[derive(Clone, Copy)]
pub(crate) struct Shown {
    pub(crate) state: AppState,
    /// The demo's history, made once (empty unless it is the demo).
    demo: StoredValue<History>,
    /// The file the consultant's viewer opened (`None` until one is), and its readings.
    pub(crate) file: Option<RwSignal<Option<History>>>,
    file_readings: Option<RwSignal<Readings>>,
}

impl Shown {
    pub(crate) fn new(state: AppState, file: Option<(RwSignal<Option<History>>, RwSignal<Readings>)>) -> Shown {
        let demo = match state.demo {
            true => crate::domain::demo::history(state.week, crate::session::figures::DEMO_WEEKS),
            false => History::default(),
        };
        let (file, file_readings) = file.unzip();
        Shown { state, demo: StoredValue::new(demo), file, file_readings }
    }

    /// Whether there are any readings by others to show (for the citizen: whether any were
    /// ever stored), without reading them: the code that reads them is fetched only then.
    pub(crate) fn any_readings(self) -> bool {
        match self.file_readings {
            Some(readings) => readings.with(|r| !r.readings.is_empty()),
            None => self.state.demo || self.state.read(|m| m.has_readings()),
        }
    }

    /// Reads others' readings of the citizen shown, tracked in a reactive context.
    pub(crate) fn with_readings<R>(self, f: impl FnOnce(&Readings) -> R) -> R {
        match self.file_readings {
            Some(readings) => readings.with(f),
            None => crate::session::readings::held(self.state).with(f),
        }
    }

    /// Reads it, tracked in a reactive context.
    pub(crate) fn with<R>(self, f: impl FnOnce(&History) -> R) -> R {
        match (self.file, self.state.demo) {
            (Some(file), _) => file.with(|opened| match opened {
                Some(history) => f(history),
                None => f(&History::default()),
            }),
            (None, true) => self.demo.with_value(f),
            (None, false) => self.state.history.with(f),
        }
    }
}

/// What a screen says it did (`done`, a status) or why it could not (`problem`, an alert).
#[derive(Clone, Copy)]
pub struct Said {
    pub done: RwSignal<Option<Msg>>,
    pub problem: RwSignal<Option<Msg>>,
    /// How many times the screen has answered (the content area's `data-drawn`, which the
    /// browser tests wait on).
    answers: RwSignal<u32>,
}

impl Said {
    pub fn new() -> Said {
        Said { done: RwSignal::new(None), problem: RwSignal::new(None), answers: RwSignal::new(1) }
    }

    /// The screen answered what was asked (drawn anew, or an error said).
    pub fn answered(self) {
        self.answers.update(|n| *n += 1);
    }

    /// Says what was done, and that nothing is wrong.
    pub fn done(self, msg: Msg) {
        self.answered();
        self.problem.set(None);
        self.done.set(Some(msg));
    }

    /// Says what is wrong; marks the field where it is (`aria-invalid`) and puts the focus
    /// there.
    pub fn problem(self, msg: Msg, field: Option<&str>) {
        self.answered();
        self.done.set(None);
        self.problem.set(Some(msg));
        if let Some(field) = field {
            browser::mark_invalid(field);
            browser::focus_id(field);
        }
    }

    /// The alert and the status, in `lang`.
    fn view(self, lang: Lang) -> impl IntoView {
        let Said { done, problem, .. } = self;
        view! {
            {move || problem.get().map(|msg| view! { <p class="ugb-notice" role="alert">{msg.get(lang)}</p> })}
            <p class="ugb-done" role="status">{move || done.get().map(|msg| msg.get(lang))}</p>
        }
    }
}

/// A session screen drawn by its component: its heading, what it `said`, and `content` in
/// the screens' content area (`.ugb-results`, which the styles and the browser tests
/// know), made again in the language chosen. Its texts are the drawn screens' texts
/// ([`crate::i18n::ChartMsg`]), read from the language's pack here.
pub fn frame<V: IntoView + 'static>(
    title: Msg,
    said: Option<Said>,
    content: impl Fn(Lang) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    browser::ensure_stylesheet(STYLESHEET);
    // A new history (an edit, an import, another tab's) is an answer too: what the screen
    // shows of it has changed.
    if let Some(said) = said {
        Effect::new(move |_| {
            state.history.track();
            said.answered();
        });
    }
    let answers = move || said.map_or(1, |said| said.answers.get()).to_string();
    move || {
        let lang = state.lang.get();
        crate::i18n::pack::install_chart(lang);
        view! {
            <section class="ugb-screen" aria-labelledby="ugb-drawn-title">
                <h2 id="ugb-drawn-title" tabindex="-1">{title.get(lang)}</h2>
                {said.map(|said| said.view(lang))}
                <div class="ugb-results" aria-busy="false" data-drawn=answers>{content(lang)}</div>
            </section>
        }
    }
}

/// Where a locked file's passphrase is typed.
pub(crate) const PASSPHRASE: &str = "ugb-import-passphrase";

/// A locked file's passphrase (to view or import), asked for: Enter or "Open the file" opens it, "Cancel" puts
/// it away.
pub(crate) fn locked_form(
    lang: Lang,
    wrong: bool,
    field: NodeRef<Input>,
    unlock: impl Fn(leptos::ev::SubmitEvent) + 'static,
    put_away: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let said = if wrong { ChartMsg::ImportWrongPassphrase.get(lang) } else { "" };
    view! {
        <p id="ugb-import-locked">{ChartMsg::ImportLocked.get(lang)}</p>
        <form class="ugb-form" aria-labelledby="ugb-import-locked" on:submit=unlock>
            <label for=PASSPHRASE>{ChartMsg::ImportPassphrase.get(lang)}</label>
            <input
                id=PASSPHRASE
                type="password"
                autocomplete="off"
                maxlength="256"
                aria-describedby="ugb-import-wrong"
                aria-invalid=wrong.then_some("true")
                node_ref=field
            />
            <p id="ugb-import-wrong" class="ugb-field-error" role="alert">{said}</p>
            <div class="ugb-toolbar__row">
                <button type="submit" class="ugb-primary">{ChartMsg::ImportOpen.get(lang)}</button>
                <button type="button" class="ugb-secondary" on:click=put_away>{ChartMsg::ImportCancel.get(lang)}</button>
            </div>
        </form>
    }
}
