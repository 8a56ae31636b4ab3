//! How a file's lines make its records, for row numbers a spreadsheet would show and
//! for quotes that swallow rows.
//!
//! Row numbering (decided once, used by every problem and preview row): rows are
//! counted as a spreadsheet opening the file shows them. The header is row 1; each
//! record is one row, also when a quoted cell holds line breaks (a note over three
//! lines is still one row); a blank line is a row too. A line ends at `\r\n` (Excel,
//! Salesforce, Salesboard's own export), `\n` or a lone `\r` (old Mac files) — each
//! counts once, so a CRLF file is numbered exactly like its LF copy.

/// How many blank lines come before the record that starts at `start`.
///
/// The CSV reader ends a record at the `\r` of a `\r\n` and takes the `\n` as part of
/// the next record's start: that `\n` ends the previous line, not a blank one.
pub(super) fn blank_lines_at(bytes: &[u8], start: usize) -> usize {
    let mut at = start;
    if at > 0 && bytes.get(at - 1) == Some(&b'\r') && bytes.get(at) == Some(&b'\n') {
        at += 1;
    }
    let mut blank = 0;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => at += 2,
            b'\r' | b'\n' => at += 1,
            _ => break,
        }
        blank += 1;
    }
    blank
}

/// Whether the record starting at `start` and running to the end of `bytes` ends
/// inside a quoted cell: a `"` opened a cell and never closed, so the reader took every
/// line after it into that cell. Follows the reader's own rule: a quote opens a cell
/// only as its first character, `""` inside quotes is a literal quote.
pub(super) fn ends_in_open_quote(bytes: &[u8], start: usize, delimiter: u8) -> bool {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        CellStart,
        Unquoted,
        Quoted,
        /// A quote inside a quoted cell: the cell's end, or the first of `""`.
        QuoteInQuoted,
    }
    let mut state = State::CellStart;
    for &b in bytes.get(start..).unwrap_or_default() {
        let ends_cell = b == delimiter || b == b'\n' || b == b'\r';
        state = match (state, b) {
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::Quoted, _) => State::Quoted,
            (State::CellStart, b'"') | (State::QuoteInQuoted, b'"') => State::Quoted,
            _ if ends_cell => State::CellStart,
            _ => State::Unquoted,
        };
    }
    state == State::Quoted
}

/// Whether a record's cells hold a line break (it spans several lines of the file).
pub(super) fn spans_lines(record: &csv::StringRecord) -> bool {
    record.as_slice().bytes().any(|b| b == b'\n' || b == b'\r')
}
