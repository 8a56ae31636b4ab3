//! The server address a user types in Settings → Sync, checked before anything is
//! sent: https anywhere, plain http only to this machine (loopback), where nothing
//! crosses a network. The password travels to that address, so this is not a nicety.

/// Why an address is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddressError {
    Empty,
    /// Not `http://…` or `https://…` with a host.
    NotAnAddress,
    /// `http://` to a host that is not loopback.
    PlainHttp,
}

/// The address as the client uses it: scheme and host lower-cased, no trailing `/`,
/// no query or fragment. `https://Couch.Example.com/` → `https://couch.example.com`.
pub fn server_address(text: &str) -> Result<String, AddressError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(AddressError::Empty);
    }
    let (scheme, rest) = text.split_once("://").ok_or(AddressError::NotAnAddress)?;
    let scheme = scheme.to_ascii_lowercase();
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    if authority.is_empty() || authority.contains('@') || authority.contains(char::is_whitespace) {
        return Err(AddressError::NotAnAddress);
    }
    let authority = authority.to_ascii_lowercase();
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.split(':').next().unwrap_or(""),
    };
    match scheme.as_str() {
        "https" => {}
        "http" if is_loopback(host) => {}
        "http" => return Err(AddressError::PlainHttp),
        _ => return Err(AddressError::NotAnAddress),
    }
    let path = path.trim_end_matches('/');
    Ok(if path.is_empty() {
        format!("{scheme}://{authority}")
    } else {
        format!("{scheme}://{authority}/{path}")
    })
}

fn is_loopback(host: &str) -> bool {
    host == "localhost" || host == "::1" || host.starts_with("127.") && host.split('.').count() == 4
}
