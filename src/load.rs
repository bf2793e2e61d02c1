//! Load: fetch an AsyncAPI document from a path or an http(s) URL and parse
//! it as JSON or YAML (by extension, then content type, then by sniffing).
//!
//! Also used by [`crate::resolve`] to load the other files a document `$ref`s.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_saphyr::budget::BudgetBreach;
use url::Url;

use crate::value::Value;

/// Largest document accepted by default, from disk or from the network.
pub const MAX_DOCUMENT_MIB: u64 = 64;
/// Deepest nesting of objects and arrays a document may have: serde_json's
/// fixed recursion limit, applied to YAML too.
pub const MAX_NESTING: usize = 128;
/// Most YAML values (mappings, sequences and scalars, counting every
/// expansion of an alias) a document may have: far above any real AsyncAPI
/// document, far below what an alias bomb expands to.
pub const MAX_YAML_NODES: usize = 1_000_000;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Longest a whole HTTP request may take by default.
pub const HTTP_TIMEOUT_SECONDS: u64 = 60;
const MAX_REDIRECTS: usize = 10;

/// What loading one document may cost; `--max-document-mib` and
/// `--http-timeout` raise them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_document_mib: u64,
    pub http_timeout_seconds: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_document_mib: MAX_DOCUMENT_MIB,
            http_timeout_seconds: HTTP_TIMEOUT_SECONDS,
        }
    }
}

impl Limits {
    fn max_bytes(&self) -> u64 {
        self.max_document_mib.saturating_mul(1024 * 1024)
    }
}

/// Where a document comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocumentOrigin {
    File(PathBuf),
    Url(Url),
    /// `--schema -`: standard input; the references it makes are relative
    /// to the current folder.
    Stdin,
}

impl DocumentOrigin {
    /// Interprets a `--schema` argument: `-` for standard input, an http(s)
    /// URL or a filesystem path.
    pub fn parse(input: &str) -> DocumentOrigin {
        if input == "-" {
            return DocumentOrigin::Stdin;
        }
        match Url::parse(input) {
            Ok(url) if matches!(url.scheme(), "http" | "https") => DocumentOrigin::Url(url),
            _ => DocumentOrigin::File(PathBuf::from(input)),
        }
    }

    /// Resolves a reference (the part of a `$ref` before `#`) against this location.
    pub fn join(&self, reference: &str) -> Result<DocumentOrigin, String> {
        if let Ok(url) = Url::parse(reference) {
            if matches!(url.scheme(), "http" | "https") {
                return Ok(DocumentOrigin::Url(url));
            }
            if url.scheme() != "file" {
                return Err(format!("unsupported reference scheme `{}`", url.scheme()));
            }
        }
        match self {
            DocumentOrigin::Url(base) => base
                .join(reference)
                .map(DocumentOrigin::Url)
                .map_err(|error| format!("cannot resolve `{reference}` against {base}: {error}")),
            DocumentOrigin::File(path) => {
                let relative = reference.strip_prefix("file://").unwrap_or(reference);
                let dir = path.parent().unwrap_or(Path::new(""));
                Ok(DocumentOrigin::File(normalize(&dir.join(relative))))
            }
            DocumentOrigin::Stdin => {
                let relative = reference.strip_prefix("file://").unwrap_or(reference);
                Ok(DocumentOrigin::File(normalize(Path::new(relative))))
            }
        }
    }

    fn extension(&self) -> Option<String> {
        let path = match self {
            DocumentOrigin::File(path) => path.clone(),
            DocumentOrigin::Url(url) => PathBuf::from(url.path()),
            DocumentOrigin::Stdin => return None,
        };
        path.extension()
            .and_then(|ext| ext.to_str())
            .map(|ext| ext.to_ascii_lowercase())
    }
}

impl fmt::Display for DocumentOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentOrigin::File(path) => write!(f, "{}", path.display()),
            DocumentOrigin::Stdin => f.write_str("<stdin>"),
            // Credentials in a URL are secrets: never shown in messages,
            // reports, commit messages or pull requests.
            DocumentOrigin::Url(url) => write!(f, "{}", redacted(url)),
        }
    }
}

/// Query parameters whose names contain one of these (compared without
/// case, `-` and `_`) carry credentials: `access_token`, `api-key`, `sig`…
const CREDENTIAL_WORDS: &[&str] = &[
    "token",
    "secret",
    "password",
    "passwd",
    "pwd",
    "key",
    "auth",
    "sig",
    "credential",
    "session",
    "cookie",
    "jwt",
    "bearer",
    "code",
];

fn is_credential(name: &str) -> bool {
    let name: String = name
        .chars()
        .filter(|c| !matches!(c, '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect();
    CREDENTIAL_WORDS.iter().any(|word| name.contains(word))
}

/// The URL without its user info, and with the values of credential-like
/// query parameters replaced by `***`.
fn redacted(url: &Url) -> Url {
    let mut shown = url.clone();
    let _ = shown.set_username("");
    let _ = shown.set_password(None);
    if url.query().is_some() {
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(name, value)| {
                let value = if is_credential(&name) {
                    "***".to_string()
                } else {
                    value.into_owned()
                };
                (name.into_owned(), value)
            })
            .collect();
        shown.query_pairs_mut().clear().extend_pairs(pairs);
    }
    shown
}

/// A `--schema` argument as it may be shown: a URL without its
/// credentials, a path as it is.
pub fn shown_input(input: &str) -> String {
    match DocumentOrigin::parse(input) {
        DocumentOrigin::Url(url) => redacted(&url).to_string(),
        _ => input.to_string(),
    }
}

/// Removes `.` and `..` components without touching the filesystem.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// A parsed document and where it came from.
#[derive(Debug, Clone)]
pub struct LoadedDocument {
    pub location: DocumentOrigin,
    pub value: Value,
}

impl LoadedDocument {
    /// Forgets `servers.*.host` where it is only the host the document was
    /// fetched from: a chanx server writes the request's `Host` header
    /// there, so the same server reached as `localhost` and as `127.0.0.1`
    /// would otherwise give two clients (and two schema digests). Returns
    /// the host forgotten.
    pub fn forget_fetch_host(&mut self) -> Option<String> {
        let DocumentOrigin::Url(url) = &self.location else {
            return None;
        };
        let fetched = match (url.host_str(), url.port()) {
            (Some(host), Some(port)) => format!("{host}:{port}"),
            (Some(host), None) => host.to_string(),
            (None, _) => return None,
        };
        let Value::Object(root) = &mut self.value else {
            return None;
        };
        let mut forgotten = None;
        for (key, servers) in root.values_mut() {
            let (true, Value::Object(servers)) = (key == "servers", servers) else {
                continue;
            };
            for (_, server) in servers.values_mut() {
                let Value::Object(server) = server else {
                    continue;
                };
                for (field, host) in server.values_mut() {
                    let same = field == "host"
                        && host
                            .as_str()
                            .is_some_and(|host| host.eq_ignore_ascii_case(&fetched));
                    if same {
                        *host = Value::Null;
                        forgotten = Some(fetched.clone());
                    }
                }
            }
        }
        forgotten
    }
}

/// Why a document could not be loaded; `input` is the path or URL.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{input}: file not found")]
    NotFound { input: String },
    #[error("{input}: cannot read: {message}")]
    Read { input: String, message: String },
    #[error("{input}: larger than the {limit_mib} MiB limit (--max-document-mib raises it)")]
    TooLarge { input: String, limit_mib: u64 },
    #[error("{input}: request failed: {message}")]
    Http { input: String, message: String },
    #[error("{input}: HTTP {status}")]
    HttpStatus { input: String, status: String },
    #[error("{input}:{line}:{column}: invalid JSON: {message}")]
    Json {
        input: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{input}: invalid YAML: {message}")]
    Yaml { input: String, message: String },
    #[error("{input}: not valid UTF-8 text")]
    NotUtf8 { input: String },
    #[error("{input}: only http and https URLs can be loaded, not `{scheme}`")]
    UnsupportedScheme { input: String, scheme: String },
}

impl LoadError {
    /// The line of the document the error is on, where the parser says.
    pub fn line(&self) -> Option<usize> {
        match self {
            LoadError::Json { line, .. } => Some(*line),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Syntax {
    Json,
    Yaml,
}

/// Loads and parses the document at `location`.
pub fn load(location: &DocumentOrigin, limits: &Limits) -> Result<LoadedDocument, LoadError> {
    let (bytes, content_type) = match location {
        DocumentOrigin::File(path) => (read_file(location, path, limits)?, None),
        DocumentOrigin::Url(url) => fetch(location, url, limits)?,
        DocumentOrigin::Stdin => (
            read_limited(location, std::io::stdin().lock(), 0, limits)?,
            None,
        ),
    };
    parse(location, bytes, content_type.as_deref())
}

/// Parses the bytes of the document at `location`, served with
/// `content_type` if it came over HTTP.
pub fn parse(
    location: &DocumentOrigin,
    bytes: Vec<u8>,
    content_type: Option<&str>,
) -> Result<LoadedDocument, LoadError> {
    let text = String::from_utf8(bytes).map_err(|_| LoadError::NotUtf8 {
        input: location.to_string(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let syntax = syntax_of(location, content_type, text);
    let value = match syntax {
        Syntax::Json => parse_json(location, text)?,
        Syntax::Yaml => parse_yaml(location, text)?,
    };
    Ok(LoadedDocument {
        location: location.clone(),
        value,
    })
}

fn read_file(
    location: &DocumentOrigin,
    path: &Path,
    limits: &Limits,
) -> Result<Vec<u8>, LoadError> {
    if let Some(scheme) = url_scheme(path) {
        return Err(LoadError::UnsupportedScheme {
            input: location.to_string(),
            scheme,
        });
    }
    let file = std::fs::File::open(path).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            input: location.to_string(),
        },
        _ => LoadError::Read {
            input: location.to_string(),
            message: error.to_string(),
        },
    })?;
    // Sized from the file's length up front: growing by doubling copies a
    // large document several times over.
    let size_hint = file.metadata().map_or(0, |metadata| metadata.len());
    read_limited(location, file, size_hint, limits)
}

/// The scheme of a path that is really a URL (`ftp://…`, `file:///…`); a
/// Windows drive letter (`C:\…`) is not one.
fn url_scheme(path: &Path) -> Option<String> {
    let text = path.to_str()?;
    let (scheme, _) = text.split_once("://")?;
    let valid = scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| scheme.to_ascii_lowercase())
}

fn read_limited(
    location: &DocumentOrigin,
    reader: impl Read,
    size_hint: u64,
    limits: &Limits,
) -> Result<Vec<u8>, LoadError> {
    let capacity = size_hint.min(limits.max_bytes()).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    reader
        .take(limits.max_bytes().saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|error| LoadError::Read {
            input: location.to_string(),
            message: error.to_string(),
        })?;
    if bytes.len() as u64 > limits.max_bytes() {
        return Err(too_large(location, limits));
    }
    Ok(bytes)
}

fn too_large(location: &DocumentOrigin, limits: &Limits) -> LoadError {
    LoadError::TooLarge {
        input: location.to_string(),
        limit_mib: limits.max_document_mib,
    }
}

fn fetch(
    location: &DocumentOrigin,
    url: &Url,
    limits: &Limits,
) -> Result<(Vec<u8>, Option<String>), LoadError> {
    let http_error = |error: reqwest::Error| LoadError::Http {
        input: location.to_string(),
        message: describe_http_error(&error.without_url(), limits),
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(limits.http_timeout_seconds);
    let client = reqwest::blocking::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(Duration::from_secs(limits.http_timeout_seconds))
        .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
        .user_agent(concat!("chanx/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(http_error)?;
    let response = client
        .get(url.clone())
        .header(
            reqwest::header::ACCEPT,
            "application/json, application/yaml;q=0.9, */*;q=0.5",
        )
        .send()
        .map_err(http_error)?;
    let status = response.status();
    if !status.is_success() {
        return Err(LoadError::HttpStatus {
            input: location.to_string(),
            status: status.to_string(),
        });
    }
    if response
        .content_length()
        .is_some_and(|length| length > limits.max_bytes())
    {
        return Err(too_large(location, limits));
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(|value| value.to_ascii_lowercase());
    let size_hint = response.content_length().unwrap_or(0);
    // reqwest's timeout starts again with every read of a body that
    // trickles in; the limit is for the whole request.
    let body = Deadline {
        inner: response,
        deadline,
        seconds: limits.http_timeout_seconds,
    };
    let bytes = read_limited(location, body, size_hint, limits)?;
    Ok((bytes, content_type))
}

/// A reader that fails once its deadline has passed.
struct Deadline<R> {
    inner: R,
    deadline: std::time::Instant,
    seconds: u64,
}

impl<R: Read> Read for Deadline<R> {
    fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
        if std::time::Instant::now() >= self.deadline {
            return Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!(
                    "the whole request took longer than {} s (--http-timeout raises it)",
                    self.seconds
                ),
            ));
        }
        self.inner.read(buffer)
    }
}

/// reqwest's own message repeats the URL and hides the cause; name the causes.
fn describe_http_error(error: &reqwest::Error, limits: &Limits) -> String {
    let mut causes = Vec::new();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        causes.push(cause.to_string());
        source = cause.source();
    }
    let mut message = if causes.is_empty() {
        error.to_string()
    } else {
        causes.join(": ")
    };
    if error.is_timeout() {
        message.push_str(&format!(
            " (timed out after {} s; --http-timeout raises it)",
            limits.http_timeout_seconds
        ));
    }
    message
}

fn syntax_of(location: &DocumentOrigin, content_type: Option<&str>, text: &str) -> Syntax {
    match location.extension().as_deref() {
        Some("json") => return Syntax::Json,
        Some("yaml" | "yml") => return Syntax::Yaml,
        _ => {}
    }
    if let Some(content_type) = content_type {
        if content_type.contains("json") {
            return Syntax::Json;
        }
        if content_type.contains("yaml") {
            return Syntax::Yaml;
        }
    }
    match text.trim_start().chars().next() {
        Some('{' | '[') => Syntax::Json,
        _ => Syntax::Yaml,
    }
}

fn parse_json(location: &DocumentOrigin, text: &str) -> Result<Value, LoadError> {
    serde_json::from_str(text).map_err(|error| {
        let message = error.to_string();
        // serde_json appends " at line L column C"; the location already says it.
        let message = match message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(head, _)| head)
        {
            "recursion limit exceeded" => format!("nested deeper than {MAX_NESTING} levels"),
            head => head.to_string(),
        };
        LoadError::Json {
            input: location.to_string(),
            line: error.line(),
            column: error.column(),
            message,
        }
    })
}

fn parse_yaml(location: &DocumentOrigin, text: &str) -> Result<Value, LoadError> {
    let mut options = serde_saphyr::options! {
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        strict_booleans: true,
        with_snippet: false,
        budget: serde_saphyr::budget! {
            max_depth: MAX_NESTING,
            max_nodes: MAX_YAML_NODES,
            max_events: 4 * MAX_YAML_NODES,
        },
    };
    options.alias_limits.max_total_replayed_events = MAX_YAML_NODES;
    serde_saphyr::from_str_with_options::<Value>(text, options).map_err(|error| {
        let message = match exceeded_limit(&error) {
            Some((limit, at)) => format!("{limit}, at line {}, column {}", at.line(), at.column()),
            None => one_line(&error.to_string())
                .replace(", set DuplicateKeyPolicy in Options if acceptable", ""),
        };
        LoadError::Yaml {
            input: location.to_string(),
            message,
        }
    })
}

/// The resource limit a YAML error reports, if it is one, in words, under
/// the wrappers that add alias locations and snippets.
fn exceeded_limit(mut error: &serde_saphyr::Error) -> Option<(String, serde_saphyr::Location)> {
    use serde_saphyr::Error;
    let expanded = || format!("more than {MAX_YAML_NODES} values once its aliases are expanded");
    while let Error::AliasError { error: inner, .. } | Error::WithSnippet { error: inner, .. } =
        error
    {
        error = inner;
    }
    match error {
        Error::Budget { breach, location } => {
            let limit = match breach {
                BudgetBreach::Depth { .. } => {
                    format!("nested deeper than {MAX_NESTING} levels")
                }
                BudgetBreach::Nodes { .. }
                | BudgetBreach::Events { .. }
                | BudgetBreach::RecordedAnchorEvents { .. } => expanded(),
                other => format!("over a YAML parser limit ({other:?})"),
            };
            Some((limit, *location))
        }
        Error::AliasReplayLimitExceeded { location, .. }
        | Error::AliasExpansionLimitExceeded { location, .. } => Some((expanded(), *location)),
        Error::AliasReplayStackDepthExceeded {
            max_depth,
            location,
            ..
        } => Some((
            format!("aliases nested more than {max_depth} deep"),
            *location,
        )),
        _ => None,
    }
}

fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_prefers_extension_then_content_type_then_sniffing() {
        let json_file = DocumentOrigin::File("a.json".into());
        let bare = DocumentOrigin::File("a".into());
        assert_eq!(
            syntax_of(&json_file, Some("application/yaml"), "x: 1"),
            Syntax::Json
        );
        assert_eq!(
            syntax_of(&bare, Some("application/x-yaml"), "{}"),
            Syntax::Yaml
        );
        assert_eq!(syntax_of(&bare, None, "  {\"a\": 1}"), Syntax::Json);
        assert_eq!(syntax_of(&bare, None, "asyncapi: 3.0.0"), Syntax::Yaml);
    }

    #[test]
    fn urls_are_shown_without_credentials() {
        let url = DocumentOrigin::parse("https://reader:hunter2@example.com/asyncapi.json?v=1");
        assert_eq!(url.to_string(), "https://example.com/asyncapi.json?v=1");
        let query = DocumentOrigin::parse(
            "https://example.com/a.json?access_token=t1&API-Key=t2&X-Amz-Signature=t3&v=2&page=1",
        );
        assert_eq!(
            query.to_string(),
            "https://example.com/a.json?access_token=***&API-Key=***&X-Amz-Signature=***&v=2&page=1"
        );
        assert_eq!(
            shown_input("http://u:p@h/a.json?token=s"),
            "http://h/a.json?token=***"
        );
        assert_eq!(shown_input("specs/a.json"), "specs/a.json");
        let plain = DocumentOrigin::parse("https://example.com/asyncapi.json");
        assert_eq!(plain.to_string(), "https://example.com/asyncapi.json");
    }

    #[test]
    fn only_paths_that_name_a_scheme_are_urls() {
        assert_eq!(
            url_scheme(Path::new("ftp://host/a.json")).as_deref(),
            Some("ftp")
        );
        assert_eq!(
            url_scheme(Path::new("FILE:///a.json")).as_deref(),
            Some("file")
        );
        assert_eq!(url_scheme(Path::new("C://a.json")), None);
        assert_eq!(url_scheme(Path::new("specs/a.json")), None);
        assert_eq!(url_scheme(Path::new("odd name://a.json")), None);
    }

    #[test]
    fn relative_references_resolve_against_the_referring_file() {
        let base = DocumentOrigin::File("specs/service/asyncapi.yaml".into());
        assert_eq!(
            base.join("../common/messages.yaml").unwrap(),
            DocumentOrigin::File("specs/common/messages.yaml".into())
        );
        let url = DocumentOrigin::Url(Url::parse("http://127.0.0.1:1/api/asyncapi.json").unwrap());
        assert_eq!(
            url.join("schemas.json").unwrap().to_string(),
            "http://127.0.0.1:1/api/schemas.json"
        );
    }

    #[test]
    fn yaml_uses_strict_booleans_and_rejects_duplicate_keys() {
        let here = DocumentOrigin::File("x.yaml".into());
        let value = parse_yaml(&here, "a: yes\nb: true\n").unwrap();
        assert_eq!(value["a"], Value::String("yes".into()));
        assert_eq!(value["b"], Value::Bool(true));
        assert!(parse_yaml(&here, "a: 1\na: 2\n").is_err());
    }
}
