//! Writes made-up citizens' export files for the benchmarks (scripts/bench.sh): each a
//! deterministic year of answers (`domain::demo::history_of`: their own start, gain and
//! stretch), as the citizen's app would save it, under the nickname "Borger n".
//!
//! cargo run --release --example citizens -- <folder> <how many> <json|csv> [weeks]

use std::path::PathBuf;

use ugeblik::domain::demo;
use ugeblik::domain::rater::Readings;
use ugeblik::domain::week::IsoWeek;
use ugeblik::formats::csv::to_csv;
use ugeblik::formats::export::{export, to_json};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(count), Some(kind)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: citizens <folder> <how many> <json|csv> [weeks]");
        std::process::exit(2);
    };
    let count: u32 = count.parse().expect("how many: a whole number");
    let weeks: usize = args.get(3).map_or(52, |w| w.parse().expect("weeks: a whole number"));
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("the folder can be made");
    let last: IsoWeek = "2026-W47".parse().expect("a week");
    for n in 0..count {
        let history = demo::history_of(n, last, weeks);
        let nickname = format!("Borger {n}");
        let file = export(&history, &Readings::default(), "2026-11-22T12:00:00Z", "bench", Some(&nickname));
        let (text, extension) = match kind.as_str() {
            "csv" => (to_csv(&file), "csv"),
            _ => (to_json(&file), "json"),
        };
        std::fs::write(dir.join(format!("citizen-{n:05}.{extension}")), text).expect("the file can be written");
    }
}
