//! One error type for every command: a message for the user, or a marker that
//! the message (and the closing summary) has already been printed.

use std::fmt;

#[derive(Debug)]
pub enum Error {
    /// Something went wrong; the text says what and what to do.
    Message(String),
    /// The failure has been explained on stdout already; print nothing more.
    Reported,
}

pub type Result<T = ()> = std::result::Result<T, Error>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Message(text) => f.write_str(text),
            Error::Reported => f.write_str("failed (see above)"),
        }
    }
}

impl From<String> for Error {
    fn from(text: String) -> Self {
        Error::Message(text)
    }
}

impl From<&str> for Error {
    fn from(text: &str) -> Self {
        Error::Message(text.to_owned())
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        Error::Message(err.to_string())
    }
}

/// `Err(Error::Message(..))` with `format!` syntax.
macro_rules! bail {
    ($($arg:tt)*) => {
        return Err($crate::error::Error::Message(format!($($arg)*)))
    };
}
pub(crate) use bail;
