//! The CouchDB-compatible server the sync tests talk to: the real `pouchdb-server`
//! from the e2e package's lock file, in memory, on a free 127.0.0.1 port, with CORS
//! open to the app's origin only (credentials allowed, for the session cookie).
//! Started like the static server, stopped (killed) when dropped.

use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::cmd;
use crate::error::{bail, Result};
use crate::paths;

/// The server's admin, made by the e2e harness while the server is in "admin party".
pub const ADMIN: &str = "admin";

pub struct Couch {
    child: Child,
    pub url: String,
    /// A password for this run only (the server lives in memory).
    pub admin_password: String,
    dir: PathBuf,
}

/// Starts pouchdb-server for a page served from `origin` (e.g. http://127.0.0.1:5173).
pub fn start(origin: &str) -> Result<Couch> {
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let dir = paths::scratch().join(format!("couch-{port}"));
    fs::create_dir_all(&dir)?;
    let config = dir.join("config.json");
    let log = dir.join("log.txt");
    fs::write(
        &config,
        format!(
            r#"{{"httpd":{{"enable_cors":true}},"cors":{{"origins":"{origin}","credentials":true}},"log":{{"file":{:?}}}}}"#,
            log.display().to_string()
        ),
    )?;
    let bin = paths::e2e()
        .join("node_modules")
        .join("pouchdb-server")
        .join("bin")
        .join("pouchdb-server");
    if !bin.is_file() {
        bail!("pouchdb-server is not installed: run `cargo xtask setup` (npm ci in tests/e2e)");
    }
    let (bin, config) = (bin.display().to_string(), config.display().to_string());
    let port_text = port.to_string();
    let args = [
        bin.as_str(),
        "--in-memory",
        "--host",
        "127.0.0.1",
        "--port",
        &port_text,
        "--config",
        &config,
        "--no-stdout-logs",
    ];
    let child = cmd::new("node", &args, &dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start pouchdb-server: {e}"))?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let mut couch = Couch {
        child,
        url: format!("http://127.0.0.1:{port}"),
        admin_password: format!("run-{}-{nanos:x}", std::process::id()),
        dir,
    };
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if Instant::now() > deadline || couch.child.try_wait()?.is_some() {
            bail!(
                "pouchdb-server did not start on port {port} (log: {})",
                log.display()
            );
        }
        thread::sleep(Duration::from_millis(100));
    }
    Ok(couch)
}

impl Drop for Couch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = fs::remove_dir_all(&self.dir);
    }
}
