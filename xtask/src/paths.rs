//! Where things live, and the PATH every child process gets.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

pub fn dist() -> PathBuf {
    root().join("dist")
}

pub fn e2e() -> PathBuf {
    root().join("tests").join("e2e")
}

/// The git-ignored folder for npm-installed tools (wasm-opt).
pub fn tools() -> PathBuf {
    root().join(".tools")
}

pub fn tools_bin() -> PathBuf {
    tools().join("node_modules").join(".bin")
}

/// Scratch files of xtask itself (e.g. the TAP report), inside `target/`.
pub fn scratch() -> PathBuf {
    root().join("target").join("xtask")
}

/// Where `cargo install` puts binaries: `$CARGO_HOME/bin`, else `~/.cargo/bin`.
pub fn cargo_bin() -> PathBuf {
    match env::var_os("CARGO_HOME") {
        Some(home) if !home.is_empty() => PathBuf::from(home).join("bin"),
        _ => PathBuf::from(env::var_os("HOME").unwrap_or_default())
            .join(".cargo")
            .join("bin"),
    }
}

/// Puts the pinned tools first on this process's PATH, so every child inherits
/// it: `.tools/node_modules/.bin` (wasm-opt 132, never Debian's old binaryen),
/// then the cargo bin folder (trunk, wasm-bindgen). Called once, first thing in
/// `main`, before any thread starts.
pub fn put_tools_first_on_path() {
    let current = env::var_os("PATH").unwrap_or_default();
    let path = path_with_first(&[tools_bin(), cargo_bin()], &current);
    env::set_var("PATH", path);
}

/// `first` followed by the entries of `current` that are not already in `first`.
fn path_with_first(first: &[PathBuf], current: &OsString) -> OsString {
    let rest = env::split_paths(current).filter(|p| !first.contains(p));
    env::join_paths(first.iter().cloned().chain(rest)).expect("PATH entries contain no ':'")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinned_tools_come_first_without_duplicates() {
        let first = [
            PathBuf::from("/repo/.tools/node_modules/.bin"),
            PathBuf::from("/home/u/.cargo/bin"),
        ];
        let current = OsString::from("/usr/bin:/home/u/.cargo/bin:/bin");
        assert_eq!(
            path_with_first(&first, &current),
            OsString::from("/repo/.tools/node_modules/.bin:/home/u/.cargo/bin:/usr/bin:/bin")
        );
    }

    #[test]
    fn root_holds_the_workspace_manifest() {
        assert!(root().join("Cargo.toml").is_file());
        assert!(root().join("xtask").is_dir());
    }
}
