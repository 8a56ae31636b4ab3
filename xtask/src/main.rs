//! Salesboard's developer commands, run as `cargo xtask <command>`.
//! Std only (plus flate2 for the size budget): nothing to install first.

mod bench;
mod cmd;
mod couch;
mod dist;
mod error;
mod paths;
mod serve;
mod setup;
mod size;
mod step;
mod summary;
mod test;
mod versions;

use std::process::ExitCode;

use error::{bail, Error, Result};

const USAGE: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  setup   install the pinned tools (skips what is present at the right version)
  dist    setup, then the release build into dist/
  serve   dist, then serve dist/ on http://127.0.0.1:8080 (unknown paths get index.html)
  test    setup, then lint, host tests, browser tests, release build, size budget
          and end-to-end tests; ends with `N passed, N failed`
  team-setup --server URL --admin NAME --team NAME --manager NAME [--rep NAME]...
          sets a sales team up on a CouchDB server for sync (idempotent): users,
          one database per rep, the team database, access rules; the admin password
          comes from COUCH_ADMIN_PASSWORD or a prompt
  bench   setup, then the native recompute bench, the bundle sizes and the in-browser
          bench; writes bench/bench.json and BENCHMARKS.md

Options:
  --no-setup    (dist, serve, test) skip the set-up checks
  --port N      (serve) listen on port N instead of 8080
";

/// Options shared by the commands.
#[derive(Debug, PartialEq, Eq)]
pub struct Options {
    /// Run `setup` first (the default).
    pub setup: bool,
    /// The port `serve` listens on.
    pub port: u16,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            setup: true,
            port: 8080,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--no-setup" => options.setup = false,
                "--port" => {
                    let value = args.next().ok_or("--port needs a number")?;
                    options.port = value
                        .parse()
                        .map_err(|_| format!("--port: `{value}` is not a port"))?;
                }
                other => bail!("unknown option `{other}`\n\n{USAGE}"),
            }
        }
        Ok(options)
    }
}

fn main() -> ExitCode {
    paths::put_tools_first_on_path();
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Reported) => ExitCode::FAILURE,
        Err(err) => {
            eprintln!("\nxtask: {err}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &[String]) -> Result {
    let Some((command, rest)) = args.split_first() else {
        print!("{USAGE}");
        return Ok(());
    };
    if command == "team-setup" {
        return team_setup(rest);
    }
    let options = Options::parse(rest)?;
    match command.as_str() {
        "setup" => setup::run(),
        "dist" => dist::run(&options),
        "serve" => serve(&options),
        "test" => test::run(&options),
        "bench" => bench::run(&options),
        "help" | "-h" | "--help" => {
            print!("{USAGE}");
            Ok(())
        }
        other => bail!("unknown command `{other}`\n\n{USAGE}"),
    }
}

/// `cargo xtask team-setup …`: scripts/team-setup.mjs does the HTTP (Node's fetch
/// speaks https, std does not); the admin password travels in COUCH_ADMIN_PASSWORD or
/// is asked for, never on the command line.
fn team_setup(args: &[String]) -> Result {
    let script = paths::root().join("scripts").join("team-setup.mjs");
    let mut all = vec![script.to_string_lossy().into_owned()];
    all.extend(args.iter().cloned());
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let status = cmd::new("node", &all, &paths::root())
        .status()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if !status.success() {
        return Err(Error::Reported);
    }
    Ok(())
}

/// `cargo xtask serve`: the release build, then a static server for it.
fn serve(options: &Options) -> Result {
    let mut steps = step::Steps::new();
    dist::build(&mut steps, options)?;
    steps.recap();
    serve::serve_forever(paths::dist(), &format!("127.0.0.1:{}", options.port))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options> {
        Options::parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn options_parse() {
        assert_eq!(
            parse(&[]).unwrap(),
            Options {
                setup: true,
                port: 8080
            }
        );
        assert_eq!(
            parse(&["--no-setup", "--port", "9000"]).unwrap(),
            Options {
                setup: false,
                port: 9000
            }
        );
        assert!(parse(&["--port"]).is_err());
        assert!(parse(&["--port", "http"]).is_err());
        assert!(parse(&["--fast"]).is_err());
    }
}
