//! Named, timed steps: each prints a header, then its outcome and duration.

use std::time::{Duration, Instant};

use crate::error::Result;

/// Runs steps in order and remembers how long each took, for a recap.
pub struct Steps {
    done: Vec<(String, Duration, bool)>,
    started: Instant,
}

impl Steps {
    pub fn new() -> Self {
        Steps {
            done: Vec::new(),
            started: Instant::now(),
        }
    }

    /// Runs one step. `body` returns a short note for the closing line
    /// ("already installed", "12 passed, 0 failed", …) or an error.
    pub fn run(&mut self, name: &str, body: impl FnOnce() -> Result<String>) -> Result<String> {
        println!("\n==> {name}");
        let start = Instant::now();
        let outcome = body();
        let took = start.elapsed();
        match &outcome {
            Ok(note) if note.is_empty() => println!("<== {name}: ok in {}", human(took)),
            Ok(note) => println!("<== {name}: ok in {} ({note})", human(took)),
            Err(err) => println!("<== {name}: FAILED after {}: {err}", human(took)),
        }
        self.done.push((name.to_owned(), took, outcome.is_ok()));
        outcome
    }

    /// One line per step run so far, and the total time.
    pub fn recap(&self) {
        let width = self
            .done
            .iter()
            .map(|(name, ..)| name.len())
            .max()
            .unwrap_or(0);
        println!();
        for (name, took, ok) in &self.done {
            let mark = if *ok { "ok    " } else { "FAILED" };
            println!("  {mark} {name:<width$}  {:>8}", human(*took));
        }
        println!(
            "  total  {:<width$}  {:>8}",
            "",
            human(self.started.elapsed())
        );
    }
}

/// "0.4s", "12.3s", "14m 05s".
pub fn human(took: Duration) -> String {
    let secs = took.as_secs_f64();
    if secs < 60.0 {
        format!("{secs:.1}s")
    } else {
        let whole = took.as_secs();
        format!("{}m {:02}s", whole / 60, whole % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        let cases = [
            ("sub-second", Duration::from_millis(420), "0.4s"),
            ("seconds", Duration::from_millis(12_340), "12.3s"),
            (
                "minutes pad seconds",
                Duration::from_secs(14 * 60 + 5),
                "14m 05s",
            ),
        ];
        for (case, took, expected) in cases {
            assert_eq!(human(took), expected, "{case}");
        }
    }

    #[test]
    fn a_failed_step_is_returned_and_recorded() {
        let mut steps = Steps::new();
        assert!(steps.run("passes", || Ok(String::new())).is_ok());
        assert!(steps.run("fails", || Err("boom".into())).is_err());
        let oks: Vec<bool> = steps.done.iter().map(|(_, _, ok)| *ok).collect();
        assert_eq!(oks, [true, false]);
    }
}
