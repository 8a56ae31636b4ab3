use kpi::DealField::{self, *};
use kpi::Problem::{self, *};
use kpi::{Currency, Deal, DealInput, DealKind, DealStatus, FieldError, Money, NumberLocale};

use crate::support::{day, deal, instant};

/// A valid open deal as typed by a German user.
fn typed() -> DealInput {
    DealInput {
        title: "  CRM licences ".into(),
        customer: " Northwind Logistics ".into(),
        owner: "Anna Schmidt".into(),
        stage: "demo".into(),
        status: DealStatus::Open,
        amount: "1.234,50 €".into(),
        kind: DealKind::Upsell,
        created_on: "2026-11-02".into(),
        expected_close: "2026-12-01".into(),
        closed_on: String::new(),
        lost_reason: String::new(),
        ..DealInput::default()
    }
}

fn submit(input: &DealInput) -> Result<Deal, Vec<FieldError>> {
    input.into_deal("id-1".into(), instant(), Currency::Eur, NumberLocale::De)
}

fn errors(list: &[(DealField, Problem)]) -> Vec<FieldError> {
    list.iter().map(|&(f, p)| FieldError::new(f, p)).collect()
}

type Edit = fn(&mut DealInput);
type Expected = &'static [(DealField, Problem)];
/// (case, edit of the valid form, expected errors)
type Rejected = (&'static str, Edit, Expected);
/// (case, edit of the valid form, check on the accepted deal)
type Accepted = (&'static str, Edit, fn(&Deal) -> bool);
/// (case, edit of a valid deal, expected errors)
type Broken = (&'static str, fn(&mut Deal), Expected);

#[test]
fn rejected_inputs() {
    #[rustfmt::skip]
    let rows: &[Rejected] = &[
        ("title required", |i| i.title = "   ".into(), &[(Title, Required)]),
        ("stage required", |i| i.stage = String::new(), &[(Stage, Required)]),
        ("amount required", |i| i.amount = " ".into(), &[(Amount, Required)]),
        ("amount not a number", |i| i.amount = "viel".into(), &[(Amount, NotANumber)]),
        ("amount negative", |i| i.amount = "-5".into(), &[(Amount, Negative)]),
        ("amount with three decimals", |i| i.amount = "0,001".into(), &[(Amount, TooManyDecimals)]),
        ("amount too large", |i| i.amount = "99999999999999999999".into(), &[(Amount, TooLarge)]),
        ("amount one cent above the cap", |i| i.amount = "10.000.000.000.000,01".into(), &[(Amount, TooLarge)]),
        ("created required", |i| i.created_on = String::new(), &[(CreatedOn, Required)]),
        ("created month 13", |i| i.created_on = "2026-13-01".into(), &[(CreatedOn, NotADate)]),
        ("created Feb 30", |i| i.created_on = "2026-02-30".into(), &[(CreatedOn, NotADate)]),
        ("created in German notation", |i| i.created_on = "02.11.2026".into(), &[(CreatedOn, NotADate)]),
        ("created year 0", |i| i.created_on = "0000-01-01".into(), &[(CreatedOn, NotADate)]),
        ("expected close not a date", |i| i.expected_close = "soon".into(), &[(ExpectedClose, NotADate)]),
        ("expected close before created", |i| i.expected_close = "2026-11-01".into(), &[(ExpectedClose, ExpectedBeforeCreated)]),
        ("won needs a close date", |i| i.status = DealStatus::Won, &[(ClosedOn, Required)]),
        ("won closed before created", |i| { i.status = DealStatus::Won; i.closed_on = "2026-11-01".into() }, &[(ClosedOn, CloseBeforeCreated)]),
        ("won close date not a date", |i| { i.status = DealStatus::Won; i.closed_on = "2026/11/05".into() }, &[(ClosedOn, NotADate)]),
        ("lost needs a reason", |i| { i.status = DealStatus::Lost; i.closed_on = "2026-11-05".into() }, &[(LostReason, Required)]),
        ("lost reason of spaces", |i| { i.status = DealStatus::Lost; i.closed_on = "2026-11-05".into(); i.lost_reason = "  ".into() }, &[(LostReason, Required)]),
        // Plausible dates: 1970-01-01 ..= today + 10 years; today is 2026-11-22 here.
        ("created 0001-01-01 (a cycle of 739,924 days)", |i| i.created_on = "0001-01-01".into(), &[(CreatedOn, ImplausibleDate)]),
        ("created the day before 1970", |i| i.created_on = "1969-12-31".into(), &[(CreatedOn, ImplausibleDate)]),
        ("expected close a day over ten years ahead", |i| i.expected_close = "2036-11-23".into(), &[(ExpectedClose, ImplausibleDate)]),
        ("won with the year typed as 2206", |i| { i.status = DealStatus::Won; i.closed_on = "2206-11-05".into() }, &[(ClosedOn, ImplausibleDate)]),
        ("created in 1900, closed in it: implausible first", |i| { i.created_on = "1900-01-01".into(); i.status = DealStatus::Won; i.closed_on = "1899-01-01".into() },
            &[(CreatedOn, ImplausibleDate), (ClosedOn, ImplausibleDate)]),
        // Invisible text is no title.
        ("title only a zero-width space", |i| i.title = "\u{200B}".into(), &[(Title, Required)]),
        ("title of joiners, BOM, word joiner and a tab", |i| i.title = "\u{200D}\u{FEFF}\u{2060}\t\u{200C}".into(), &[(Title, Required)]),
        ("title of no-break and ideographic spaces", |i| i.title = "\u{A0}\u{3000}\u{202F}".into(), &[(Title, Required)]),
        ("title of direction marks and a soft hyphen", |i| i.title = "\u{200E}\u{200F}\u{AD}\u{2066}".into(), &[(Title, Required)]),
        ("title of a control character", |i| i.title = "\u{7}".into(), &[(Title, Required)]),
        ("bad created date hides close-before-created", |i| { i.created_on = "x".into(); i.status = DealStatus::Won; i.closed_on = "2000-01-01".into() }, &[(CreatedOn, NotADate)]),
        ("every problem at once, in form order", |i| {
            i.title = String::new(); i.amount = "abc".into(); i.created_on = String::new();
            i.status = DealStatus::Lost; i.expected_close = "x".into();
        }, &[(Title, Required), (Amount, NotANumber), (CreatedOn, Required), (ExpectedClose, NotADate), (ClosedOn, Required), (LostReason, Required)]),
    ];
    for (case, edit, expected) in rows {
        let mut input = typed();
        edit(&mut input);
        assert_eq!(
            submit(&input).err(),
            Some(errors(expected)),
            "case {case:?}"
        );
    }
}

#[test]
fn accepted_inputs() {
    #[rustfmt::skip]
    let rows: &[Accepted] = &[
        ("open deal: text trimmed, amount parsed in de", |_| {}, |d| {
            d.title == "CRM licences" && d.customer_id.is_none() && d.amount == Money(123_450)
                && d.created_on == day("2026-11-02") && d.expected_close == Some(day("2026-12-01"))
                && d.kind == DealKind::Upsell && d.id == "id-1" && d.updated_at == instant() && d.deleted_at.is_none()
        }),
        ("open clears close date and reason, even unparsable ones", |i| { i.closed_on = "garbage".into(); i.lost_reason = "x".into() },
            |d| d.closed_on.is_none() && d.lost_reason.is_none()),
        ("customer and owner optional", |i| { i.customer = " ".into(); i.owner = String::new() }, |d| d.customer_id.is_none() && d.rep_id.is_none()),
        ("expected close optional", |i| i.expected_close = "  ".into(), |d| d.expected_close.is_none()),
        ("expected close on the created day", |i| i.expected_close = "2026-11-02".into(), |d| d.expected_close == Some(day("2026-11-02"))),
        ("dates trimmed", |i| i.created_on = " 2026-11-02 ".into(), |d| d.created_on == day("2026-11-02")),
        ("won on the created day", |i| { i.status = DealStatus::Won; i.closed_on = "2026-11-02".into() }, |d| d.closed_on == Some(day("2026-11-02"))),
        ("won clears the lost reason", |i| { i.status = DealStatus::Won; i.closed_on = "2026-11-05".into(); i.lost_reason = "x".into() }, |d| d.lost_reason.is_none()),
        ("lost keeps the trimmed reason", |i| { i.status = DealStatus::Lost; i.closed_on = "2026-11-05".into(); i.lost_reason = " Price too high ".into() },
            |d| d.lost_reason.as_deref() == Some("Price too high")),
        ("created 1970-01-01, the first plausible day", |i| i.created_on = "1970-01-01".into(), |d| d.created_on == day("1970-01-01")),
        ("expected close exactly ten years ahead", |i| i.expected_close = "2036-11-22".into(), |d| d.expected_close == Some(day("2036-11-22"))),
        ("title with a zero-width space inside kept as typed", |i| i.title = "Acme\u{200B}Corp".into(), |d| d.title == "Acme\u{200B}Corp"),
        ("title of one emoji with a joiner", |i| i.title = "\u{1F468}\u{200D}\u{1F4BB}".into(), |d| d.title == "\u{1F468}\u{200D}\u{1F4BB}"),
        ("zero amount is allowed", |i| i.amount = "0".into(), |d| d.amount == Money::ZERO),
        ("amount exactly at the cap", |i| i.amount = "10.000.000.000.000,00 €".into(), |d| d.amount == Money::MAX_AMOUNT),
    ];
    for (case, edit, check) in rows {
        let mut input = typed();
        edit(&mut input);
        let deal = submit(&input).unwrap_or_else(|e| panic!("case {case:?} rejected: {e:?}"));
        assert!(check(&deal), "case {case:?}: {deal:?}");
    }
}

#[test]
fn from_deal_prefills_the_form() {
    let mut won = deal(DealStatus::Won, 123_450, "2026-11-02", "2026-11-20");
    won.expected_close = Some(day("2026-11-30"));
    let rows = [
        ("en amount", NumberLocale::En, "1234.50"),
        ("de amount", NumberLocale::De, "1234,50"),
    ];
    for (case, locale, amount) in rows {
        let form = DealInput::from_deal(&won, &kpi::Dataset::default(), locale);
        assert_eq!(form.amount, amount, "{case}");
        assert_eq!(form.created_on, "2026-11-02", "{case}");
        assert_eq!(form.expected_close, "2026-11-30", "{case}");
        assert_eq!(form.closed_on, "2026-11-20", "{case}");
        assert_eq!(form.lost_reason, "", "{case}");
        let back = form.into_deal(won.id.clone(), won.updated_at, Currency::Eur, locale);
        assert_eq!(
            back,
            Ok(won.clone()),
            "{case}: edit without change is a no-op"
        );
    }
}

#[test]
fn deal_validate_table() {
    let valid = deal(DealStatus::Won, 100, "2026-11-02", "2026-11-03");
    #[rustfmt::skip]
    let rows: &[Broken] = &[
        ("valid deal", |_| {}, &[]),
        ("negative amount", |d| d.amount = Money(-1), &[(Amount, Negative)]),
        ("amount at the cap", |d| d.amount = Money::MAX_AMOUNT, &[]),
        ("amount one minor unit above the cap", |d| d.amount = Money(1_000_000_000_000_001), &[(Amount, TooLarge)]),
        ("amount of i64::MAX", |d| d.amount = Money::MAX, &[(Amount, TooLarge)]),
        ("blank title", |d| d.title = " ".into(), &[(Title, Required)]),
        ("won without close date", |d| d.closed_on = None, &[(ClosedOn, Required)]),
        ("closed before created", |d| d.closed_on = Some(day("2026-11-01")), &[(ClosedOn, CloseBeforeCreated)]),
        ("expected before created", |d| d.expected_close = Some(day("2026-11-01")), &[(ExpectedClose, ExpectedBeforeCreated)]),
        ("lost without reason", |d| { d.status = DealStatus::Lost; d.lost_reason = None }, &[(LostReason, Required)]),
    ];
    for (case, edit, expected) in rows {
        let mut d = valid.clone();
        edit(&mut d);
        assert_eq!(d.validate(), errors(expected), "case {case:?}");
    }
}

#[test]
fn field_and_problem_ids() {
    let fields = [
        "title",
        "customer",
        "owner",
        "stage",
        "amount",
        "cost",
        "discount",
        "probability",
        "created_on",
        "expected_close",
        "closed_on",
        "lost_reason",
    ];
    let ids: Vec<&str> = DealField::ALL.iter().map(|f| f.id()).collect();
    assert_eq!(ids, fields);
    let problems = [
        (Required, "required"),
        (NotANumber, "not_a_number"),
        (Negative, "negative"),
        (TooManyDecimals, "too_many_decimals"),
        (TooLarge, "too_large"),
        (NotADate, "not_a_date"),
        (CloseBeforeCreated, "close_before_created"),
        (ExpectedBeforeCreated, "expected_before_created"),
    ];
    for (problem, id) in problems {
        assert_eq!(problem.id(), id);
        assert_eq!(
            serde_json::to_string(&problem).unwrap(),
            format!("\"{id}\"")
        );
    }
    assert_eq!(
        FieldError::new(ClosedOn, Required).to_string(),
        "closed_on: required"
    );
}
