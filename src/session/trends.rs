//! The progress screen's choices, as typed values: what each control of the toolbar does to
//! the [`ChartChoices`], and which weeks its lists offer. Pure and host-tested
//! (`tests/trends.rs`); the toolbar's components (`session::progress_screen`) and the
//! viewer's drawn controls (`session::progress`) both go through [`Choice::apply`].

use crate::domain::history::History;
use crate::domain::series::{weeks_with, ChartChoices, LineKey, Period};
use crate::domain::week::IsoWeek;
use crate::i18n::ChartMsg;

/// A button of the period group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PeriodButton {
    EightWeeks,
    SixMonths,
    All,
    /// From one week to another, chosen in two lists.
    Custom,
}

impl PeriodButton {
    /// In the order the group shows them.
    pub const ALL: [PeriodButton; 4] =
        [PeriodButton::EightWeeks, PeriodButton::SixMonths, PeriodButton::All, PeriodButton::Custom];

    /// The button's id in the page (`ugb-period-8`, …): kept stable for the drawn
    /// controls, the tests and the benchmark.
    pub fn id(self) -> &'static str {
        match self {
            PeriodButton::EightWeeks => "ugb-period-8",
            PeriodButton::SixMonths => "ugb-period-26",
            PeriodButton::All => "ugb-period-all",
            PeriodButton::Custom => "ugb-period-custom",
        }
    }

    pub fn text(self) -> ChartMsg {
        match self {
            PeriodButton::EightWeeks => ChartMsg::PeriodEightWeeks,
            PeriodButton::SixMonths => ChartMsg::PeriodSixMonths,
            PeriodButton::All => ChartMsg::PeriodAll,
            PeriodButton::Custom => ChartMsg::PeriodCustom,
        }
    }

    /// The button whose id is `id`, if any.
    pub fn from_id(id: &str) -> Option<PeriodButton> {
        PeriodButton::ALL.into_iter().find(|b| b.id() == id)
    }

    /// Whether `period` is this button's (its `aria-pressed`).
    pub fn is_chosen(self, period: Period) -> bool {
        match self {
            PeriodButton::EightWeeks => period == Period::EIGHT_WEEKS,
            PeriodButton::SixMonths => period == Period::SIX_MONTHS,
            PeriodButton::All => period == Period::All,
            PeriodButton::Custom => matches!(period, Period::Custom(..)),
        }
    }
}

/// A tick box that shows or hides something besides the lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toggle {
    /// The four-week average beside each line.
    Average,
    /// The numbers as a table.
    Table,
    /// The citizen's notes (in the table).
    Notes,
    /// The self-ratings in one chart instead of one small chart each.
    Combined,
}

impl Toggle {
    pub const ALL: [Toggle; 4] = [Toggle::Average, Toggle::Combined, Toggle::Table, Toggle::Notes];

    pub fn id(self) -> &'static str {
        match self {
            Toggle::Average => "ugb-show-average",
            Toggle::Table => "ugb-show-table",
            Toggle::Notes => "ugb-show-notes",
            Toggle::Combined => "ugb-show-combined",
        }
    }

    pub fn text(self) -> ChartMsg {
        match self {
            Toggle::Average => ChartMsg::ShowAverage,
            Toggle::Table => ChartMsg::ShowTable,
            Toggle::Notes => ChartMsg::ShowNotes,
            Toggle::Combined => ChartMsg::ShowCombined,
        }
    }

    pub fn from_id(id: &str) -> Option<Toggle> {
        Toggle::ALL.into_iter().find(|t| t.id() == id)
    }

    /// Whether it is ticked in `chart`.
    pub fn is_on(self, chart: &ChartChoices) -> bool {
        match self {
            Toggle::Average => chart.average,
            Toggle::Table => chart.table,
            Toggle::Notes => chart.notes,
            Toggle::Combined => chart.combined,
        }
    }

    fn flip(self, chart: &mut ChartChoices) {
        let on = match self {
            Toggle::Average => &mut chart.average,
            Toggle::Table => &mut chart.table,
            Toggle::Notes => &mut chart.notes,
            Toggle::Combined => &mut chart.combined,
        };
        *on = !*on;
    }
}

/// One choice on the progress screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// A period button pressed.
    Period(PeriodButton),
    /// The custom period's first week chosen.
    From(IsoWeek),
    /// The custom period's last week chosen.
    To(IsoWeek),
    /// A line ticked or unticked.
    Line(LineKey),
    Toggle(Toggle),
    /// The list of lines opened or closed.
    Lines,
    /// The choices beyond the period opened or closed (on a narrow screen).
    More,
    /// The earlier week the radars compare with (`None`: only the first and the latest).
    Compare(Option<IsoWeek>),
}

impl Choice {
    /// What the choice does to `chart`. `span` is where a custom period starts: the whole
    /// history ([`custom_span`]).
    pub fn apply(self, chart: &mut ChartChoices, span: (IsoWeek, IsoWeek)) {
        match self {
            Choice::Period(button) => {
                chart.period = match button {
                    PeriodButton::EightWeeks => Period::EIGHT_WEEKS,
                    PeriodButton::SixMonths => Period::SIX_MONTHS,
                    PeriodButton::All => Period::All,
                    // Pressed again, a custom period keeps the weeks chosen.
                    PeriodButton::Custom if matches!(chart.period, Period::Custom(..)) => chart.period,
                    PeriodButton::Custom => Period::Custom(span.0, span.1),
                }
            }
            // The two ends stay in order whichever is moved past the other.
            Choice::From(week) => {
                if let Period::Custom(a, b) = chart.period {
                    chart.period = Period::Custom(week, a.max(b));
                }
            }
            Choice::To(week) => {
                if let Period::Custom(a, b) = chart.period {
                    chart.period = Period::Custom(a.min(b), week);
                }
            }
            Choice::Line(key) => match chart.lines.iter().position(|k| *k == key) {
                Some(i) => {
                    chart.lines.remove(i);
                }
                None => chart.lines.push(key),
            },
            Choice::Toggle(toggle) => toggle.flip(chart),
            Choice::Lines => chart.lines_open = !chart.lines_open,
            Choice::More => chart.more_open = !chart.more_open,
            Choice::Compare(week) => chart.compare = week,
        }
    }
}

/// Where a custom period starts: the whole history, to this week (`now`) if it ends
/// earlier; this week alone for an empty history.
pub fn custom_span(history: &History, now: IsoWeek) -> (IsoWeek, IsoWeek) {
    let (first, last) = history.span().unwrap_or((now, now));
    (first, last.max(now))
}

/// The custom period's two lists: the weeks each offers and the one it shows chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomWeeks {
    pub from: (Vec<IsoWeek>, IsoWeek),
    pub to: (Vec<IsoWeek>, IsoWeek),
}

/// The lists for a custom `period`, `None` for any other. Both are bounded like every
/// period ([`crate::domain::series::MAX_WEEKS`]): the whole history's weeks, and the chosen
/// end as well if it lies outside them.
pub fn custom_weeks(history: &History, now: IsoWeek, period: Period) -> Option<CustomWeeks> {
    let Period::Custom(..) = period else { return None };
    let all = Period::All.weeks(history, now);
    let shown = period.weeks(history, now);
    let (a, b) = (*shown.first()?, *shown.last()?);
    let list = |chosen: IsoWeek| {
        let before = all.first().filter(|first| chosen < **first).map(|_| chosen);
        let after = all.last().filter(|last| chosen > **last).map(|_| chosen);
        let weeks: Vec<IsoWeek> = before.into_iter().chain(all.iter().copied()).chain(after).collect();
        (weeks, chosen)
    };
    Some(CustomWeeks { from: list(a), to: list(b) })
}

/// The weeks the radars can compare with (between the period's first and latest CHIME
/// reading), and the one chosen: the citizen's choice, or by default the reading nearest
/// to four weeks before the latest (a typical time since the last session).
pub fn compare_choices(
    history: &History,
    weeks: &[IsoWeek],
    chosen: Option<IsoWeek>,
) -> (Vec<IsoWeek>, Option<IsoWeek>) {
    let recorded: Vec<IsoWeek> = weeks_with(history, "chime5").into_iter().filter(|w| weeks.contains(w)).collect();
    let choices: Vec<IsoWeek> = recorded.iter().skip(1).take(recorded.len().saturating_sub(2)).copied().collect();
    let compare = match chosen {
        Some(week) if choices.contains(&week) => Some(week),
        _ => recorded
            .last()
            .and_then(|latest| choices.iter().min_by_key(|w| (latest.ordinal() - 4 - w.ordinal()).abs()).copied()),
    };
    (choices, compare)
}
