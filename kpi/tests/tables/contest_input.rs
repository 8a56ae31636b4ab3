//! The contest form: every row names its case. Today is Sunday 15 November 2026.

use kpi::contest_input::{ContestField, ContestInput};
use kpi::{ActivityKind, Contest, Dataset, KpiId, Measure, PeriodKind, Problem};

use crate::support::{day, instant, rep_in};

fn team() -> Dataset {
    let mut gone = rep_in("gone", "");
    gone.deleted_at = Some(instant());
    Dataset {
        reps: vec![rep_in("ann", ""), rep_in("bob", ""), gone].into(),
        ..Dataset::default()
    }
}

fn typed(edit: impl FnOnce(&mut ContestInput)) -> ContestInput {
    let mut input = ContestInput {
        title: " November sprint ".into(),
        reward: " Dinner ".into(),
        ..ContestInput::new_on(day("2026-11-15"))
    };
    edit(&mut input);
    input
}

fn save(input: &ContestInput) -> Result<Contest, Vec<(ContestField, Problem)>> {
    input
        .into_contest(&team(), None, "new".into(), instant(), day("2026-11-15"))
        .map_err(|errors| errors.into_iter().map(|e| (e.field, e.problem)).collect())
}

/// A check of the saved contest, or the errors expected.
type Check = fn(&Contest) -> bool;
type Expected = Result<Check, Vec<(ContestField, Problem)>>;

#[test]
fn contest_form_table() {
    use ContestField as F;
    let ok = |check: Check| Ok::<Check, Vec<(ContestField, Problem)>>(check);
    let cases: Vec<(&str, ContestInput, Expected)> = vec![
        (
            "a new form: revenue this month, everyone, trimmed texts",
            typed(|_| {}),
            ok(|c| {
                c.title == "November sprint"
                    && c.reward == "Dinner"
                    && c.measure == Measure::Kpi(KpiId::Revenue)
                    && c.period.start == day("2026-11-01")
                    && c.period.end == day("2026-11-30")
                    && c.participants.is_empty()
                    && c.id == "new"
                    && c.created_on == day("2026-11-15")
            }),
        ),
        (
            "an activity count over the week of the start",
            typed(|i| {
                i.measure = Measure::Activities(ActivityKind::Call);
                i.period_kind = PeriodKind::Week;
                i.start = "2026-11-18".into();
            }),
            ok(|c| c.period.start == day("2026-11-16") && c.period.end == day("2026-11-22")),
        ),
        (
            "participants deduplicated in the order given",
            typed(|i| i.participants = vec!["bob".into(), "ann".into(), "bob".into()]),
            ok(|c| c.participants == ["bob", "ann"]),
        ),
        (
            "a blank reward is allowed",
            typed(|i| i.reward = "  ".into()),
            ok(|c| c.reward.is_empty()),
        ),
        (
            "a custom range",
            typed(|i| {
                i.period_kind = PeriodKind::Custom;
                i.start = "2026-11-10".into();
                i.end = "2026-12-10".into();
            }),
            ok(|c| c.period.end == day("2026-12-10")),
        ),
        (
            "blank title",
            typed(|i| i.title = "   ".into()),
            Err(vec![(F::Title, Problem::Required)]),
        ),
        (
            "no start date",
            typed(|i| i.start = String::new()),
            Err(vec![(F::Start, Problem::Required)]),
        ),
        (
            "a start that is not a date",
            typed(|i| i.start = "15/11/2026".into()),
            Err(vec![(F::Start, Problem::NotADate)]),
        ),
        (
            "a custom range without an end",
            typed(|i| i.period_kind = PeriodKind::Custom),
            Err(vec![(F::End, Problem::Required)]),
        ),
        (
            "a custom range ending before it starts",
            typed(|i| {
                i.period_kind = PeriodKind::Custom;
                i.end = "2026-10-31".into();
            }),
            Err(vec![(F::End, Problem::DateOrder)]),
        ),
        (
            "a title of a zero-width space and a BOM",
            typed(|i| i.title = "\u{200B}\u{FEFF}".into()),
            Err(vec![(F::Title, Problem::Required)]),
        ),
        (
            "a start in year 1 (today is 2026-11-15)",
            typed(|i| i.start = "0001-11-15".into()),
            Err(vec![(F::Start, Problem::ImplausibleDate)]),
        ),
        (
            "a custom range ending in 2206",
            typed(|i| {
                i.period_kind = PeriodKind::Custom;
                i.end = "2206-11-30".into();
            }),
            Err(vec![(F::End, Problem::ImplausibleDate)]),
        ),
        (
            "a deleted rep among the participants",
            typed(|i| i.participants = vec!["ann".into(), "gone".into()]),
            Err(vec![(F::Participants, Problem::Conflict)]),
        ),
        (
            "an unknown rep among the participants",
            typed(|i| i.participants = vec!["nobody".into()]),
            Err(vec![(F::Participants, Problem::Conflict)]),
        ),
        (
            "every problem at once, in form order",
            typed(|i| {
                i.participants = vec!["nobody".into()];
                i.start = String::new();
                i.title = String::new();
            }),
            Err(vec![
                (F::Title, Problem::Required),
                (F::Start, Problem::Required),
                (F::Participants, Problem::Conflict),
            ]),
        ),
    ];
    for (case, input, expected) in cases {
        match (save(&input), expected) {
            (Ok(contest), Ok(check)) => assert!(check(&contest), "{case}: {contest:?}"),
            (Err(found), Err(errors)) => assert_eq!(found, errors, "{case}"),
            (found, _) => panic!("{case}: unexpected {found:?}"),
        }
    }
}

#[test]
fn editing_keeps_the_id_and_created_date_and_round_trips() {
    let mut data = team();
    let original = typed(|i| {
        i.participants = vec!["ann".into()];
        i.period_kind = PeriodKind::Quarter;
    })
    .into_contest(&data, None, "c1".into(), instant(), day("2026-10-01"))
    .unwrap();
    data.contests.push(original.clone());
    let form = ContestInput::from_contest(&original);
    assert_eq!(form.start, "2026-10-01", "the quarter's first day");
    assert_eq!(form.end, "", "an end only for a custom range");
    let mut edited = form.clone();
    edited.title = "Q4 sprint".into();
    let saved = edited
        .into_contest(
            &data,
            Some("c1"),
            "unused".into(),
            instant(),
            day("2026-11-15"),
        )
        .unwrap();
    assert_eq!(saved.id, "c1");
    assert_eq!(saved.created_on, day("2026-10-01"));
    assert_eq!(saved.title, "Q4 sprint");
    assert_eq!(saved.period, original.period);
    assert_eq!(ContestInput::from_contest(&saved).participants, ["ann"]);
}
