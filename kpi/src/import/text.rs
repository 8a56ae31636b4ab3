//! File bytes → text. CRMs export UTF-8; a CSV saved again by Excel on Windows is often
//! Windows-1252 instead, and its "München" must not become "M�nchen"; Excel's "Unicode
//! text" is UTF-16 with a byte-order mark. Anything else is refused before it is read
//! as CSV: a PNG or a .wasm renamed .csv would otherwise become a "spreadsheet" whose
//! junk imports as records.

use super::status::FileError;

/// Windows-1252's characters for bytes 0x80–0x9F (the rest of the upper half is
/// Latin-1, i.e. the Unicode code point of the same number); `None` for the five bytes
/// Windows-1252 leaves undefined.
const CP1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Whether a text file may hold this control character: tab, line feed, vertical tab
/// (FileMaker's line break in a cell), form feed and carriage return. NUL and the
/// other C0 controls occur in images, archives and programs, never in a CSV export.
fn allowed_control(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r')
}

/// The text of a file, or why it is not text:
///
/// - a UTF-16 byte-order mark (LE or BE): UTF-16;
/// - else UTF-8 when the bytes are valid UTF-8 (a byte-order mark is dropped);
/// - else Windows-1252 when every byte is defined there;
/// - else [`FileError::UnknownEncoding`].
///
/// Text holding a control character other than tab, line breaks and form feed (NUL
/// above all) is [`FileError::Binary`]; one Ctrl-Z at the very end (an old DOS
/// end-of-file mark) is dropped.
pub fn decode_text(bytes: &[u8]) -> Result<String, FileError> {
    match utf16_body(bytes) {
        Some((body, little_endian)) => decode_utf16(body, little_endian),
        None => decode_8bit(bytes),
    }
}

/// Whether text (or a byte of UTF-8 or Windows-1252, where control bytes are the
/// characters of the same number) holds a control character no text file has.
fn holds_binary(mut chars: impl Iterator<Item = char>) -> bool {
    chars.any(|c| c < ' ' && !allowed_control(c))
}

/// UTF-8, else Windows-1252. Binary is told apart before decoding: a PNG is also
/// invalid UTF-8, and must not be called "an unknown encoding".
fn decode_8bit(bytes: &[u8]) -> Result<String, FileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let bytes = bytes.strip_suffix(b"\x1A").unwrap_or(bytes);
    if holds_binary(bytes.iter().map(|&b| char::from(b))) {
        return Err(FileError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
                _ => Some(char::from(b)),
            })
            .collect::<Option<String>>()
            .ok_or(FileError::UnknownEncoding),
    }
}

/// UTF-16 after its byte-order mark; an odd length or a broken surrogate pair is not
/// UTF-16.
fn decode_utf16(body: &[u8], little_endian: bool) -> Result<String, FileError> {
    if body.len() % 2 == 1 {
        return Err(FileError::UnknownEncoding);
    }
    let units = body.chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little_endian {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    let text = char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| FileError::UnknownEncoding)?;
    let text = text.strip_suffix('\u{1a}').unwrap_or(&text);
    if holds_binary(text.chars()) {
        return Err(FileError::Binary);
    }
    Ok(text.to_owned())
}

/// The bytes after a UTF-16 byte-order mark and whether they are little-endian, or
/// `None` when the file does not start with one.
fn utf16_body(bytes: &[u8]) -> Option<(&[u8], bool)> {
    match bytes {
        [0xFF, 0xFE, rest @ ..] => Some((rest, true)),
        [0xFE, 0xFF, rest @ ..] => Some((rest, false)),
        _ => None,
    }
}
