//! A small static file server for `dist/`: what `cargo xtask serve` runs and
//! what the end-to-end tests talk to. HTTP/1.1, one thread per connection,
//! `Connection: close`. Unknown paths without a file extension get index.html
//! (client-side routes such as /deals); unknown files get a 404. A file with a
//! precompressed copy beside it (NAME.br, NAME.gz, written by the build) is sent as that
//! copy with `Content-Encoding` when the browser accepts it, as a static host would.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;
use std::time::Duration;

use crate::error::Result;

/// Whether to print one line per request.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Log {
    Requests,
    Quiet,
}

/// Binds `addr` (port 0 = any free port), serves `root` from a background
/// thread, and returns the address actually bound.
pub fn start(root: PathBuf, addr: &str, log: Log) -> Result<SocketAddr> {
    let listener = TcpListener::bind(addr).map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let bound = listener.local_addr()?;
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            thread::spawn(move || {
                // A client hanging up mid-answer is its own business.
                let _ = handle(stream, &root, log);
            });
        }
    });
    Ok(bound)
}

/// Serves `root` on `addr` until the process is stopped.
pub fn serve_forever(root: PathBuf, addr: &str) -> Result {
    let bound = start(root, addr, Log::Requests)?;
    println!("\nServing dist/ on http://{bound}/  (Ctrl-C to stop)");
    loop {
        thread::park();
    }
}

/// What a request path resolves to.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolution {
    /// A file under the root.
    File(PathBuf),
    /// No such file, no extension: a client-side route, answered with index.html.
    Fallback(PathBuf),
    NotFound,
}

/// The request target's path as clean segments: query and fragment dropped,
/// percent-escapes decoded, `.` and empty segments dropped, `..` going up but
/// never above the root. `None` for a target that is not an absolute path or
/// does not decode to UTF-8 without NUL bytes.
pub fn normalise(target: &str) -> Option<Vec<String>> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    if decoded.contains('\0') {
        return None;
    }
    let mut segments: Vec<String> = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            name => segments.push(name.to_owned()),
        }
    }
    Some(segments)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Decides what to send for `segments` under `root`; `is_file` is the file
/// system question, passed in so the decision can be tested on its own.
pub fn resolve(root: &Path, segments: &[String], is_file: impl Fn(&Path) -> bool) -> Resolution {
    let index = root.join("index.html");
    let wanted = segments
        .iter()
        .fold(root.to_path_buf(), |path, s| path.join(s));
    if is_file(&wanted) {
        return Resolution::File(wanted);
    }
    let dir_index = wanted.join("index.html");
    if is_file(&dir_index) {
        return Resolution::File(dir_index);
    }
    let has_extension = segments
        .last()
        .is_some_and(|last| Path::new(last).extension().is_some());
    if has_extension || !is_file(&index) {
        Resolution::NotFound
    } else {
        Resolution::Fallback(index)
    }
}

/// The Content-Type for a file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default();
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "map" => "application/json",
        "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The parts of a request line we use.
struct Request {
    method: String,
    target: String,
    /// The `Accept-Encoding` header, lower-cased ("" when absent).
    accept_encoding: String,
}

const MAX_HEAD: usize = 16 * 1024;

fn handle(stream: TcpStream, root: &Path, log: Log) -> Result {
    stream.set_read_timeout(Some(Duration::from_secs(15)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let request = read_request(&mut reader)?;
    let (status, resolution) = answer(root, &request);
    if log == Log::Requests {
        println!("{} {} -> {}", request.method, request.target, status.0);
    }
    respond(stream, &request, status, resolution)
}

/// Reads the request line and the one header we need, `Accept-Encoding`.
fn read_request(reader: &mut impl BufRead) -> Result<Request> {
    let mut first = String::new();
    reader.read_line(&mut first)?;
    let mut total = first.len();
    let mut accept_encoding = String::new();
    loop {
        let mut line = String::new();
        let n = reader.read_line(&mut line)?;
        total += n;
        if n == 0 || line == "\r\n" || line == "\n" || total > MAX_HEAD {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept_encoding = value.trim().to_ascii_lowercase();
            }
        }
    }
    let mut words = first.split_whitespace();
    let method = words.next().unwrap_or_default().to_owned();
    let target = words.next().unwrap_or_default().to_owned();
    Ok(Request {
        method,
        target,
        accept_encoding,
    })
}

/// The precompressed copy of `path` to send for this `Accept-Encoding`, with its
/// encoding: brotli first (smaller), then gzip; `None` sends the file itself.
pub fn precompressed(path: &Path, accept_encoding: &str) -> Option<(PathBuf, &'static str)> {
    let accepts = |coding: &str| {
        accept_encoding.split(',').any(|item| {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| matches!(p.trim(), "q=0" | "q=0.0" | "q=0.00" | "q=0.000"));
            name == coding && !refused
        })
    };
    [("br", "br"), ("gzip", "gz")]
        .into_iter()
        .filter(|(coding, _)| accepts(coding))
        .map(|(coding, suffix)| {
            let mut name = path.as_os_str().to_owned();
            name.push(format!(".{suffix}"));
            (PathBuf::from(name), coding)
        })
        .find(|(copy, _)| copy.is_file())
}

type Status = (u16, &'static str);

fn answer(root: &Path, request: &Request) -> (Status, Resolution) {
    if request.method != "GET" && request.method != "HEAD" {
        return ((405, "Method Not Allowed"), Resolution::NotFound);
    }
    let Some(segments) = normalise(&request.target) else {
        return ((400, "Bad Request"), Resolution::NotFound);
    };
    match resolve(root, &segments, |p| p.is_file()) {
        Resolution::NotFound => ((404, "Not Found"), Resolution::NotFound),
        found => ((200, "OK"), found),
    }
}

fn respond(
    mut stream: TcpStream,
    request: &Request,
    status: Status,
    resolution: Resolution,
) -> Result {
    let mut encoding = None;
    let (body, kind) = match resolution {
        Resolution::File(path) | Resolution::Fallback(path) => {
            let copy = precompressed(&path, &request.accept_encoding);
            encoding = copy.as_ref().map(|(_, coding)| *coding);
            let sent = copy.map_or_else(|| path.clone(), |(copy, _)| copy);
            match fs::read(&sent) {
                Ok(bytes) => (bytes, content_type(&path)),
                Err(_) => {
                    return respond(stream, request, (404, "Not Found"), Resolution::NotFound)
                }
            }
        }
        Resolution::NotFound => (
            format!("{} {}\n", status.0, status.1).into_bytes(),
            "text/plain; charset=utf-8",
        ),
    };
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nVary: Accept-Encoding\r\nConnection: close\r\n",
        status.0,
        status.1,
        body.len()
    );
    if let Some(coding) = encoding {
        head.push_str(&format!("Content-Encoding: {coding}\r\n"));
    }
    if status.0 == 405 {
        head.push_str("Allow: GET, HEAD\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    if request.method != "HEAD" {
        stream.write_all(&body)?;
    }
    stream.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn segs(list: &[&str]) -> Option<Vec<String>> {
        Some(list.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn paths_are_normalised_and_never_escape_the_root() {
        let cases = [
            ("root", "/", segs(&[])),
            ("plain file", "/app.js", segs(&["app.js"])),
            (
                "query and fragment dropped",
                "/deals?status=won#top",
                segs(&["deals"]),
            ),
            ("dot segments", "/a/./b/../c", segs(&["a", "c"])),
            ("double slashes", "//a///b", segs(&["a", "b"])),
            (
                "dot-dot stops at the root",
                "/../../etc/passwd",
                segs(&["etc", "passwd"]),
            ),
            (
                "encoded dot-dot too",
                "/%2e%2e/%2E%2E/etc/passwd",
                segs(&["etc", "passwd"]),
            ),
            ("encoded space", "/my%20file.txt", segs(&["my file.txt"])),
            ("not absolute", "index.html", None),
            ("bad escape", "/%zz", None),
            ("truncated escape", "/%2", None),
            ("NUL byte", "/a%00b", None),
            ("not UTF-8", "/%ff", None),
        ];
        for (case, target, expected) in cases {
            assert_eq!(normalise(target), expected, "{case}");
        }
    }

    #[test]
    fn unknown_routes_fall_back_and_unknown_files_do_not() {
        let root = Path::new("/srv/dist");
        let files = [
            "/srv/dist/index.html",
            "/srv/dist/app-1a2b.wasm",
            "/srv/dist/docs/index.html",
        ];
        let is_file = |p: &Path| files.iter().any(|f| Path::new(f) == p);
        let file = |p: &str| Resolution::File(PathBuf::from(p));
        let fallback = Resolution::Fallback(PathBuf::from("/srv/dist/index.html"));
        let cases = [
            ("root is index.html", "/", file("/srv/dist/index.html")),
            (
                "existing file",
                "/app-1a2b.wasm",
                file("/srv/dist/app-1a2b.wasm"),
            ),
            (
                "folder with an index",
                "/docs/",
                file("/srv/dist/docs/index.html"),
            ),
            ("client route", "/deals", fallback),
            (
                "nested client route",
                "/deals/42/edit",
                Resolution::Fallback(PathBuf::from("/srv/dist/index.html")),
            ),
            (
                "missing file with an extension",
                "/app-old.wasm",
                Resolution::NotFound,
            ),
            ("missing icon", "/favicon.ico", Resolution::NotFound),
            (
                "escape attempt stays inside",
                "/../index.html",
                file("/srv/dist/index.html"),
            ),
        ];
        for (case, target, expected) in cases {
            let segments = normalise(target).unwrap();
            assert_eq!(resolve(root, &segments, is_file), expected, "{case}");
        }
    }

    #[test]
    fn no_fallback_without_an_index() {
        let segments = normalise("/deals").unwrap();
        assert_eq!(
            resolve(Path::new("/empty"), &segments, |_| false),
            Resolution::NotFound
        );
    }

    #[test]
    fn content_types_by_extension() {
        let cases = [
            ("index.html", "text/html; charset=utf-8"),
            ("salesboard-9f8e.wasm", "application/wasm"),
            ("salesboard-9f8e.js", "text/javascript; charset=utf-8"),
            ("style-1234.css", "text/css; charset=utf-8"),
            ("backup.json", "application/json"),
            ("manifest.webmanifest", "application/manifest+json"),
            ("icon.svg", "image/svg+xml"),
            ("icon-192.png", "image/png"),
            ("favicon.ico", "image/x-icon"),
            ("LOUD.WASM", "application/wasm"),
            ("no-extension", "application/octet-stream"),
        ];
        for (file, expected) in cases {
            assert_eq!(content_type(Path::new(file)), expected, "{file}");
        }
    }

    /// A raw HTTP exchange with a server started on a temporary folder.
    fn fetch(addr: SocketAddr, request: &str) -> String {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        response
    }

    fn get(addr: SocketAddr, path: &str) -> String {
        fetch(
            addr,
            &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n"),
        )
    }

    #[test]
    fn the_server_answers_over_tcp() {
        let root = std::env::temp_dir().join(format!("xtask-serve-test-{}", std::process::id()));
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("index.html"), "<!doctype html><title>app</title>").unwrap();
        fs::write(root.join("app.wasm"), b"\0asm").unwrap();
        let addr = start(root.clone(), "127.0.0.1:0", Log::Quiet).unwrap();

        let wasm = get(addr, "/app.wasm");
        assert!(wasm.starts_with("HTTP/1.1 200 OK\r\n"), "{wasm}");
        assert!(wasm.contains("Content-Type: application/wasm\r\n"));
        assert!(wasm.contains("Cache-Control: no-cache\r\n"));
        assert!(wasm.contains("Content-Length: 4\r\n"));

        let route = get(addr, "/settings");
        assert!(route.starts_with("HTTP/1.1 200 OK\r\n"), "{route}");
        assert!(route.contains("text/html") && route.ends_with("<title>app</title>"));

        assert!(get(addr, "/missing.js").starts_with("HTTP/1.1 404 Not Found\r\n"));
        assert!(get(addr, "/%zz").starts_with("HTTP/1.1 400 Bad Request\r\n"));

        let head = fetch(addr, "HEAD /app.wasm HTTP/1.1\r\n\r\n");
        assert!(
            head.contains("Content-Length: 4\r\n") && head.ends_with("\r\n\r\n"),
            "{head}"
        );

        let post = fetch(addr, "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        assert!(post.starts_with("HTTP/1.1 405 ") && post.contains("Allow: GET, HEAD\r\n"));

        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn precompressed_copies_are_sent_to_browsers_that_accept_them() {
        let root = std::env::temp_dir().join(format!("xtask-serve-br-{}", std::process::id()));
        fs::create_dir_all(&root).unwrap();
        fs::write(root.join("index.html"), "<!doctype html>").unwrap();
        fs::write(root.join("index.html.gz"), "GZ").unwrap();
        fs::write(root.join("app.js"), "let a = 1;").unwrap();
        fs::write(root.join("app.js.br"), "BR").unwrap();
        fs::write(root.join("app.js.gz"), "GZIP").unwrap();
        let addr = start(root.clone(), "127.0.0.1:0", Log::Quiet).unwrap();
        let with = |path: &str, accept: &str| {
            fetch(
                addr,
                &format!("GET {path} HTTP/1.1\r\nAccept-Encoding: {accept}\r\n\r\n"),
            )
        };
        // (case, path, Accept-Encoding, Content-Encoding sent, body)
        let cases = [
            (
                "brotli first",
                "/app.js",
                "gzip, deflate, br",
                Some("br"),
                "BR",
            ),
            (
                "gzip when brotli is not accepted",
                "/app.js",
                "gzip",
                Some("gzip"),
                "GZIP",
            ),
            (
                "brotli refused with q=0",
                "/app.js",
                "br;q=0, gzip",
                Some("gzip"),
                "GZIP",
            ),
            (
                "nothing accepted: the file itself",
                "/app.js",
                "identity",
                None,
                "let a = 1;",
            ),
            (
                "a route's index.html, gzipped",
                "/deals",
                "br, gzip",
                Some("gzip"),
                "GZ",
            ),
        ];
        for (case, path, accept, coding, body) in cases {
            let answer = with(path, accept);
            match coding {
                Some(c) => {
                    let header = format!("Content-Encoding: {c}\r\n");
                    assert!(answer.contains(&header), "{case}: {answer}");
                }
                None => assert!(!answer.contains("Content-Encoding"), "{case}: {answer}"),
            }
            assert!(answer.ends_with(body), "{case}: {answer}");
            assert!(answer.contains("Vary: Accept-Encoding\r\n"), "{case}");
        }
        assert!(with("/app.js", "br").contains("Content-Type: text/javascript"));
        fs::remove_dir_all(&root).unwrap();
    }
}
