//! Running child processes: echo the command line, stream the output live,
//! and capture it when the caller needs to count something in it.

use std::io::{self, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;

use crate::error::{bail, Result};

/// A command with `args`, run in `dir`.
pub fn new(program: &str, args: &[&str], dir: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(dir);
    cmd
}

/// `program arg1 arg2 …` for messages.
pub fn describe(cmd: &Command) -> String {
    let mut words = vec![cmd.get_program().to_string_lossy().into_owned()];
    words.extend(cmd.get_args().map(|a| a.to_string_lossy().into_owned()));
    words.join(" ")
}

/// Runs `cmd` with the terminal's stdout/stderr; fails unless it exits 0.
pub fn run(cmd: &mut Command) -> Result {
    println!("$ {}", describe(cmd));
    let status = cmd.status().map_err(|e| spawn_error(cmd, e))?;
    if !status.success() {
        bail!("`{}` failed ({status})", describe(cmd));
    }
    Ok(())
}

/// What a captured run printed, and whether it exited 0.
pub struct Captured {
    pub success: bool,
    /// stdout followed by stderr.
    pub text: String,
}

/// Runs `cmd`, streaming its stdout and stderr live while keeping a copy.
pub fn run_captured(cmd: &mut Command) -> Result<Captured> {
    println!("$ {}", describe(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| spawn_error(cmd, e))?;
    let out = child.stdout.take().expect("stdout is piped");
    let err = child.stderr.take().expect("stderr is piped");
    let out = thread::spawn(move || tee(out, io::stdout()));
    let err = thread::spawn(move || tee(err, io::stderr()));
    let status = child.wait()?;
    let mut text = out.join().expect("stdout reader panicked");
    text.push_str(&err.join().expect("stderr reader panicked"));
    Ok(Captured {
        success: status.success(),
        text,
    })
}

/// Copies `src` to `sink` as it arrives and returns everything it copied.
fn tee(mut src: impl Read, mut sink: impl Write) -> String {
    let mut kept = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match src.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                // The terminal going away must not stop the capture.
                let _ = sink.write_all(&buf[..n]).and_then(|()| sink.flush());
                kept.extend_from_slice(&buf[..n]);
            }
        }
    }
    String::from_utf8_lossy(&kept).into_owned()
}

/// The combined output of a quiet probe such as `trunk --version`, or `None`
/// when the program is missing or exits non-zero.
pub fn probe(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program).args(args).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    Some(text)
}

fn spawn_error(cmd: &Command, err: io::Error) -> crate::error::Error {
    let program = cmd.get_program().to_string_lossy();
    if err.kind() == io::ErrorKind::NotFound {
        format!("`{program}` was not found on PATH (run `cargo xtask setup`)").into()
    } else {
        format!("could not start `{}`: {err}", describe(cmd)).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_joins_program_and_args() {
        let cmd = new("cargo", &["fmt", "--all", "--check"], Path::new("."));
        assert_eq!(describe(&cmd), "cargo fmt --all --check");
    }

    #[test]
    fn tee_copies_and_keeps_everything() {
        let mut sink = Vec::new();
        let kept = tee(&b"test result: ok. 1 passed; 0 failed\n"[..], &mut sink);
        assert_eq!(kept.as_bytes(), sink.as_slice());
        assert!(kept.starts_with("test result"));
    }

    #[test]
    fn probe_of_a_missing_program_is_none() {
        assert!(probe("salesboard-no-such-program", &["--version"]).is_none());
    }
}
