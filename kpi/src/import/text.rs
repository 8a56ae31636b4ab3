//! File bytes → text. CRMs export UTF-8; a CSV saved again by Excel on Windows is often
//! Windows-1252 instead, and its "München" must not become "M�nchen".

/// Windows-1252's characters for bytes 0x80–0x9F (the rest of the upper half is
/// Latin-1, i.e. the Unicode code point of the same number); undefined bytes map to
/// U+FFFD.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{fffd}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{fffd}', 'Ž',
    '\u{fffd}', '\u{fffd}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{fffd}',
    'ž', 'Ÿ',
];

/// The text of a file: UTF-8 (a byte-order mark is dropped) when the bytes are valid
/// UTF-8, else Windows-1252. Never fails: every byte sequence is some text.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect(),
    }
}
