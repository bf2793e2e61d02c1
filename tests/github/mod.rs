//! A stateful fake of the GitHub REST API, served on 127.0.0.1 for the
//! pull-request and action tests. It keeps real objects (blobs with git's
//! ids, trees, commits, refs, pull requests, labels), enforces GitHub's
//! rules (422 on a duplicate ref or pull request and on a non-fast-forward
//! update without `force`, 404 on unknown refs, `GET /pulls` filters), can
//! sit under an `/api/v3` prefix, injects faults on request, and checks every
//! request against GitHub's published API description
//! (`tests/github-api/operations.json`).
#![allow(dead_code)]

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use serde_json::{json, Value};
use sha1::{Digest, Sha1};

pub const OWNER: &str = "acme";
pub const REPO: &str = "app";
pub const TOKEN: &str = "test-token-1234";

/// A response the fake gives instead of handling a matching request.
#[derive(Debug, Clone)]
pub struct Fault {
    pub method: &'static str,
    /// A part of the path the request must contain.
    pub path_contains: &'static str,
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Value,
    /// How many matching requests get the fault.
    pub times: usize,
}

#[derive(Debug, Clone)]
pub struct Pull {
    pub number: u64,
    pub state: String,
    pub title: String,
    pub body: String,
    pub head: String,
    pub base: String,
    pub draft: bool,
    pub labels: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Commit {
    pub tree: String,
    pub parents: Vec<String>,
    pub message: String,
}

/// One request as received.
#[derive(Debug, Clone)]
pub struct Logged {
    pub method: String,
    pub path: String,
    pub body: Value,
    pub status: u16,
}

#[derive(Default)]
pub struct State {
    pub prefix: String,
    pub default_branch: String,
    pub blobs: HashMap<String, Vec<u8>>,
    /// Tree id → entries (name → (mode, type, id)).
    pub trees: HashMap<String, BTreeMap<String, (String, String, String)>>,
    pub commits: HashMap<String, Commit>,
    pub refs: BTreeMap<String, String>,
    pub pulls: Vec<Pull>,
    pub faults: Vec<Fault>,
    pub log: Vec<Logged>,
    pub violations: Vec<String>,
    /// Accept only this token (`None`: any).
    pub token: Option<String>,
    /// `OWNER/NAME` of the repository served; empty for acme/app.
    pub repository: String,
}

impl State {
    /// `OWNER/NAME` of the repository served.
    pub fn repository(&self) -> String {
        if self.repository.is_empty() {
            format!("{OWNER}/{REPO}")
        } else {
            self.repository.clone()
        }
    }

    fn owner(&self) -> String {
        let repository = self.repository();
        repository
            .split_once('/')
            .map_or(repository.clone(), |(owner, _)| owner.to_string())
    }
}

pub struct FakeGitHub {
    pub state: Arc<Mutex<State>>,
    pub port: u16,
}

fn sha1_hex(bytes: &[u8]) -> String {
    Sha1::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

pub fn blob_id(bytes: &[u8]) -> String {
    let mut data = format!("blob {}\0", bytes.len()).into_bytes();
    data.extend_from_slice(bytes);
    sha1_hex(&data)
}

impl State {
    fn store_blob(&mut self, bytes: Vec<u8>) -> String {
        let id = blob_id(&bytes);
        self.blobs.insert(id.clone(), bytes);
        id
    }

    fn store_tree(&mut self, entries: BTreeMap<String, (String, String, String)>) -> String {
        let text = serde_json::to_string(&entries).unwrap();
        let id = sha1_hex(format!("tree {text}").as_bytes());
        self.trees.insert(id.clone(), entries);
        id
    }

    fn store_commit(&mut self, commit: Commit) -> String {
        let id = sha1_hex(
            format!(
                "commit {}{:?}{}{}",
                commit.tree,
                commit.parents,
                commit.message,
                self.commits.len()
            )
            .as_bytes(),
        );
        self.commits.insert(id.clone(), commit);
        id
    }

    /// Every blob below a tree: path → (mode, id).
    pub fn flatten(&self, tree: &str) -> BTreeMap<String, (String, String)> {
        let mut out = BTreeMap::new();
        let mut stack = vec![(String::new(), tree.to_string())];
        while let Some((prefix, id)) = stack.pop() {
            for (name, (mode, kind, child)) in self.trees.get(&id).cloned().unwrap_or_default() {
                let path = format!("{prefix}{name}");
                if kind == "tree" {
                    stack.push((format!("{path}/"), child));
                } else {
                    out.insert(path, (mode, child));
                }
            }
        }
        out
    }

    /// Builds nested trees from a flat map; returns the root id.
    fn build(&mut self, files: &BTreeMap<String, (String, String)>) -> String {
        let mut children: BTreeMap<String, BTreeMap<String, (String, String)>> = BTreeMap::new();
        let mut entries = BTreeMap::new();
        for (path, (mode, id)) in files {
            match path.split_once('/') {
                Some((dir, rest)) => {
                    children
                        .entry(dir.to_string())
                        .or_default()
                        .insert(rest.to_string(), (mode.clone(), id.clone()));
                }
                None => {
                    entries.insert(path.clone(), (mode.clone(), "blob".to_string(), id.clone()));
                }
            }
        }
        for (dir, files) in children {
            let id = self.build(&files);
            entries.insert(dir, ("040000".to_string(), "tree".to_string(), id));
        }
        self.store_tree(entries)
    }

    /// Makes a commit with these files on `branch` (created or moved).
    pub fn commit_files(
        &mut self,
        branch: &str,
        files: &BTreeMap<String, Vec<u8>>,
        message: &str,
    ) -> String {
        let parent = self.refs.get(&format!("refs/heads/{branch}")).cloned();
        let mut flat = match &parent {
            Some(commit) => {
                let tree = self.commits[commit].tree.clone();
                self.flatten(&tree)
            }
            None => BTreeMap::new(),
        };
        for (path, bytes) in files {
            let id = self.store_blob(bytes.clone());
            flat.insert(path.clone(), ("100644".to_string(), id));
        }
        let tree = self.build(&flat);
        let commit = self.store_commit(Commit {
            tree,
            parents: parent.into_iter().collect(),
            message: message.to_string(),
        });
        self.refs
            .insert(format!("refs/heads/{branch}"), commit.clone());
        commit
    }

    /// The files on a branch below `dir`, relative to it.
    pub fn files_on(&self, branch: &str, dir: &str) -> BTreeMap<String, Vec<u8>> {
        let Some(commit) = self.refs.get(&format!("refs/heads/{branch}")) else {
            return BTreeMap::new();
        };
        let prefix = format!("{dir}/");
        self.flatten(&self.commits[commit].tree)
            .into_iter()
            .filter_map(|(path, (_, id))| {
                Some((
                    path.strip_prefix(&prefix)?.to_string(),
                    self.blobs[&id].clone(),
                ))
            })
            .collect()
    }

    fn is_ancestor(&self, ancestor: &str, commit: &str) -> bool {
        let mut stack = vec![commit.to_string()];
        while let Some(current) = stack.pop() {
            if current == ancestor {
                return true;
            }
            if let Some(found) = self.commits.get(&current) {
                stack.extend(found.parents.iter().cloned());
            }
        }
        false
    }

    pub fn open_pulls(&self) -> Vec<&Pull> {
        self.pulls
            .iter()
            .filter(|pull| pull.state == "open")
            .collect()
    }
}

fn error(status: u16, message: &str) -> (u16, Vec<(&'static str, String)>, Value) {
    (
        status,
        Vec::new(),
        json!({"message": message, "documentation_url": "https://docs.github.com/rest"}),
    )
}

fn pull_json(port: u16, repository: &str, pull: &Pull) -> Value {
    let owner = repository
        .split_once('/')
        .map_or(repository, |(owner, _)| owner);
    json!({
        "number": pull.number,
        "state": pull.state,
        "title": pull.title,
        "body": pull.body,
        "draft": pull.draft,
        "html_url": format!("http://127.0.0.1:{port}/{repository}/pull/{}", pull.number),
        "head": {"ref": pull.head, "label": format!("{owner}:{}", pull.head)},
        "base": {"ref": pull.base},
        "labels": pull.labels.iter().map(|name| json!({"name": name})).collect::<Vec<_>>(),
    })
}

/// One operation of GitHub's description.
struct Operation {
    method: String,
    /// The path template, split at `/`.
    segments: Vec<String>,
    query: Vec<String>,
    body: Option<jsonschema::Validator>,
}

struct Contract {
    operations: Vec<Operation>,
}

impl Contract {
    fn load() -> Contract {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/github-api/operations.json");
        let document: Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let operations = document["operations"]
            .as_array()
            .unwrap()
            .iter()
            .map(|operation| {
                let segments = operation["path"]
                    .as_str()
                    .unwrap()
                    .split('/')
                    .map(str::to_string)
                    .collect();
                let query = operation["query"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|q| q.as_str().unwrap().to_string())
                    .collect();
                let validator = match &operation["request_body"] {
                    Value::Null => None,
                    schema => {
                        Some(jsonschema::validator_for(schema).expect("operation schema compiles"))
                    }
                };
                Operation {
                    method: operation["method"].as_str().unwrap().to_string(),
                    segments,
                    query,
                    body: validator,
                }
            })
            .collect();
        Contract { operations }
    }

    /// Violations of GitHub's description by one request.
    fn check(&self, method: &str, path: &str, query: &str, body: &Value) -> Vec<String> {
        let segments: Vec<&str> = path.split('/').collect();
        let matches = |template: &Vec<String>| {
            // `{ref}` is the last parameter and may hold slashes.
            let greedy = template.last().is_some_and(|last| last == "{ref}");
            let length_ok = if greedy {
                segments.len() >= template.len()
            } else {
                segments.len() == template.len()
            };
            length_ok
                && template
                    .iter()
                    .zip(&segments)
                    .all(|(expected, actual)| expected.starts_with('{') || expected == actual)
        };
        let found = self
            .operations
            .iter()
            .find(|operation| operation.method == method && matches(&operation.segments));
        let Some(Operation {
            segments: template,
            query: allowed_query,
            body: validator,
            ..
        }) = found
        else {
            return vec![format!(
                "{method} {path}: no such operation in GitHub's API description"
            )];
        };
        let mut problems = Vec::new();
        for pair in query.split('&').filter(|pair| !pair.is_empty()) {
            let name = pair.split('=').next().unwrap_or("");
            if !allowed_query.iter().any(|allowed| allowed == name) {
                problems.push(format!(
                    "{method} {}: unknown query parameter {name}",
                    template.join("/")
                ));
            }
        }
        match (validator, body) {
            (Some(validator), body) => {
                for error in validator.iter_errors(body) {
                    problems.push(format!(
                        "{method} {}: body {error} at {}",
                        template.join("/"),
                        error.instance_path()
                    ));
                }
            }
            (None, Value::Null) => {}
            (None, _) => problems.push(format!(
                "{method} {}: the operation takes no body",
                template.join("/")
            )),
        }
        problems
    }
}

/// The contract check on its own, for testing it.
pub fn contract_violations(method: &str, path: &str, query: &str, body: &Value) -> Vec<String> {
    Contract::load().check(method, path, query, body)
}

impl FakeGitHub {
    /// A repository with `files` committed on its default branch `main`.
    pub fn start(prefix: &str, files: &BTreeMap<String, Vec<u8>>) -> FakeGitHub {
        let mut state = State {
            prefix: prefix.to_string(),
            default_branch: "main".to_string(),
            token: Some(TOKEN.to_string()),
            ..State::default()
        };
        state.commit_files("main", files, "initial");
        let state = Arc::new(Mutex::new(state));
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let contract = Arc::new(Contract::load());
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let state = shared.clone();
                let contract = contract.clone();
                std::thread::spawn(move || serve(stream, &state, &contract, port));
            }
        });
        FakeGitHub { state, port }
    }

    /// The base URL to give `--api-url`.
    pub fn api_url(&self) -> String {
        format!(
            "http://127.0.0.1:{}{}",
            self.port,
            self.state.lock().unwrap().prefix
        )
    }

    pub fn with<T>(&self, action: impl FnOnce(&mut State) -> T) -> T {
        action(&mut self.state.lock().unwrap())
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>, contract: &Contract, port: u16) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut stream = stream;
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
            return;
        }
        let mut headers = HashMap::new();
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                return;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
            }
        }
        let mut body = Vec::new();
        if let Some(length) = headers
            .get("content-length")
            .and_then(|length| length.parse::<usize>().ok())
        {
            body.resize(length, 0);
            if reader.read_exact(&mut body).is_err() {
                return;
            }
        } else if headers
            .get("transfer-encoding")
            .is_some_and(|value| value.contains("chunked"))
        {
            loop {
                let mut size = String::new();
                reader.read_line(&mut size).ok();
                let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
                let mut chunk = vec![0; size + 2];
                if reader.read_exact(&mut chunk).is_err() {
                    return;
                }
                if size == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..size]);
            }
        }
        let mut parts = request_line.split_whitespace();
        let method = parts.next().unwrap_or("").to_string();
        let target = parts.next().unwrap_or("").to_string();
        let body: Value = if body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&body).unwrap_or(Value::Null)
        };
        let (status, extra_headers, answer) =
            handle(state, contract, port, &method, &target, &headers, &body);
        let text = if answer.is_null() {
            String::new()
        } else {
            answer.to_string()
        };
        let reason = match status {
            200 => "OK",
            201 => "Created",
            204 => "No Content",
            401 => "Unauthorized",
            403 => "Forbidden",
            404 => "Not Found",
            422 => "Unprocessable Entity",
            429 => "Too Many Requests",
            _ => "Error",
        };
        let mut response = format!(
            "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n",
            text.len()
        );
        for (name, value) in extra_headers {
            response.push_str(&format!("{name}: {value}\r\n"));
        }
        response.push_str("\r\n");
        response.push_str(&text);
        if stream.write_all(response.as_bytes()).is_err() {
            return;
        }
    }
}

#[allow(clippy::too_many_lines)]
fn handle(
    state: &Mutex<State>,
    contract: &Contract,
    port: u16,
    method: &str,
    target: &str,
    headers: &HashMap<String, String>,
    body: &Value,
) -> (u16, Vec<(&'static str, String)>, Value) {
    let mut state = state.lock().unwrap();
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let prefix = state.prefix.clone();
    let outcome = (|| {
        let Some(path) = path.strip_prefix(&prefix) else {
            return error(404, "Not Found");
        };
        // Faults come first, as a proxy or GitHub itself would answer.
        if let Some(index) = state.faults.iter().position(|fault| {
            fault.method == method && path.contains(fault.path_contains) && fault.times > 0
        }) {
            let fault = &mut state.faults[index];
            fault.times -= 1;
            return (fault.status, fault.headers.clone(), fault.body.clone());
        }
        let mut problems = contract.check(method, path, query, body);
        if headers.get("accept").map(String::as_str) != Some("application/vnd.github+json") {
            problems.push(format!(
                "{method} {path}: Accept is not application/vnd.github+json"
            ));
        }
        if headers.get("x-github-api-version").map(String::as_str) != Some("2022-11-28") {
            problems.push(format!(
                "{method} {path}: no X-GitHub-Api-Version: 2022-11-28"
            ));
        }
        state.violations.extend(problems);
        if let Some(token) = &state.token {
            let given = headers.get("authorization").cloned().unwrap_or_default();
            if given != format!("Bearer {token}") && given != format!("token {token}") {
                return error(401, "Bad credentials");
            }
        }
        let repository = state.repository();
        let owner = state.owner();
        let repo = format!("/repos/{repository}");
        let Some(route) = path.strip_prefix(&repo) else {
            return error(404, "Not Found");
        };
        let query_value = |name: &str| {
            query.split('&').find_map(|pair| {
                let (key, value) = pair.split_once('=')?;
                (key == name).then(|| percent_decode(value))
            })
        };
        match (method, route) {
            ("GET", "") => (
                200,
                Vec::new(),
                json!({"full_name": repository, "default_branch": state.default_branch}),
            ),
            ("GET", route) if route.starts_with("/git/ref/") => {
                let name = format!("refs/{}", percent_decode(&route["/git/ref/".len()..]));
                match state.refs.get(&name) {
                    Some(sha) => (
                        200,
                        Vec::new(),
                        json!({"ref": name, "object": {"sha": sha, "type": "commit"}}),
                    ),
                    None => error(404, "Not Found"),
                }
            }
            ("GET", route) if route.starts_with("/git/commits/") => {
                let sha = &route["/git/commits/".len()..];
                match state.commits.get(sha) {
                    Some(commit) => (
                        200,
                        Vec::new(),
                        json!({
                            "sha": sha,
                            "message": commit.message,
                            "tree": {"sha": commit.tree},
                            "parents": commit.parents.iter().map(|parent| json!({"sha": parent})).collect::<Vec<_>>(),
                        }),
                    ),
                    None => error(404, "Not Found"),
                }
            }
            ("GET", route) if route.starts_with("/git/trees/") => {
                let sha = &route["/git/trees/".len()..];
                if !state.trees.contains_key(sha) {
                    return error(404, "Not Found");
                }
                let entries: Vec<Value> = if query_value("recursive").is_some() {
                    let mut all = Vec::new();
                    let mut stack = vec![(String::new(), sha.to_string())];
                    while let Some((prefix, id)) = stack.pop() {
                        for (name, (mode, kind, child)) in state.trees[&id].clone() {
                            let path = format!("{prefix}{name}");
                            all.push(
                                json!({"path": path, "mode": mode, "type": kind, "sha": child}),
                            );
                            if kind == "tree" {
                                stack.push((format!("{path}/"), child));
                            }
                        }
                    }
                    all
                } else {
                    state.trees[sha]
                        .iter()
                        .map(|(name, (mode, kind, child))| json!({"path": name, "mode": mode, "type": kind, "sha": child}))
                        .collect()
                };
                (
                    200,
                    Vec::new(),
                    json!({"sha": sha, "tree": entries, "truncated": false}),
                )
            }
            ("GET", route) if route.starts_with("/git/blobs/") => {
                let sha = &route["/git/blobs/".len()..];
                match state.blobs.get(sha) {
                    Some(bytes) => {
                        let encoded = base64::engine::general_purpose::STANDARD.encode(bytes);
                        // GitHub wraps the base64 text in lines.
                        let wrapped: Vec<String> = encoded
                            .as_bytes()
                            .chunks(60)
                            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
                            .collect();
                        (
                            200,
                            Vec::new(),
                            json!({"sha": sha, "size": bytes.len(), "encoding": "base64", "content": wrapped.join("\n")}),
                        )
                    }
                    None => error(404, "Not Found"),
                }
            }
            ("POST", "/git/blobs") => {
                let content = body["content"].as_str().unwrap_or("");
                let bytes = if body["encoding"] == "base64" {
                    match base64::engine::general_purpose::STANDARD.decode(content) {
                        Ok(bytes) => bytes,
                        Err(_) => return error(422, "Invalid base64"),
                    }
                } else {
                    content.as_bytes().to_vec()
                };
                let sha = state.store_blob(bytes);
                (201, Vec::new(), json!({"sha": sha}))
            }
            ("POST", "/git/trees") => {
                let mut flat = match body["base_tree"].as_str() {
                    Some(base) if state.trees.contains_key(base) => state.flatten(base),
                    Some(_) => return error(422, "base_tree is not a valid tree"),
                    None => BTreeMap::new(),
                };
                for entry in body["tree"].as_array().cloned().unwrap_or_default() {
                    let path = entry["path"].as_str().unwrap_or("").to_string();
                    match entry["sha"].as_str() {
                        None => {
                            if flat.remove(&path).is_none() {
                                return error(
                                    422,
                                    &format!(
                                        "tree.path {path} does not exist and cannot be deleted"
                                    ),
                                );
                            }
                        }
                        Some(sha) if state.blobs.contains_key(sha) => {
                            flat.insert(
                                path,
                                (
                                    entry["mode"].as_str().unwrap_or("100644").to_string(),
                                    sha.to_string(),
                                ),
                            );
                        }
                        Some(_) => return error(422, "tree.sha is not a valid blob"),
                    }
                }
                let sha = state.build(&flat);
                (201, Vec::new(), json!({"sha": sha, "truncated": false}))
            }
            ("POST", "/git/commits") => {
                let tree = body["tree"].as_str().unwrap_or("").to_string();
                if !state.trees.contains_key(&tree) {
                    return error(422, "tree is not a valid tree");
                }
                let parents: Vec<String> = body["parents"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|parent| parent.as_str().map(str::to_string))
                    .collect();
                let message = body["message"].as_str().unwrap_or("").to_string();
                let sha = state.store_commit(Commit {
                    tree: tree.clone(),
                    parents,
                    message,
                });
                (201, Vec::new(), json!({"sha": sha, "tree": {"sha": tree}}))
            }
            ("POST", "/git/refs") => {
                let name = body["ref"].as_str().unwrap_or("").to_string();
                let sha = body["sha"].as_str().unwrap_or("").to_string();
                if state.refs.contains_key(&name) {
                    return error(422, "Reference already exists");
                }
                if !state.commits.contains_key(&sha) {
                    return error(422, "Object does not exist");
                }
                state.refs.insert(name.clone(), sha.clone());
                (
                    201,
                    Vec::new(),
                    json!({"ref": name, "object": {"sha": sha}}),
                )
            }
            ("PATCH", route) if route.starts_with("/git/refs/") => {
                let name = format!("refs/{}", percent_decode(&route["/git/refs/".len()..]));
                let sha = body["sha"].as_str().unwrap_or("").to_string();
                let Some(current) = state.refs.get(&name).cloned() else {
                    return error(422, "Reference does not exist");
                };
                if body["force"] != true && !state.is_ancestor(&current, &sha) {
                    return error(422, "Update is not a fast forward");
                }
                state.refs.insert(name.clone(), sha.clone());
                (
                    200,
                    Vec::new(),
                    json!({"ref": name, "object": {"sha": sha}}),
                )
            }
            ("DELETE", route) if route.starts_with("/git/refs/") => {
                let name = format!("refs/{}", percent_decode(&route["/git/refs/".len()..]));
                match state.refs.remove(&name) {
                    Some(_) => (204, Vec::new(), Value::Null),
                    None => error(422, "Reference does not exist"),
                }
            }
            ("GET", "/pulls") => {
                let wanted_state = query_value("state").unwrap_or_else(|| "open".to_string());
                let head = query_value("head");
                let base = query_value("base");
                let pulls: Vec<Value> = state
                    .pulls
                    .iter()
                    .filter(|pull| wanted_state == "all" || pull.state == wanted_state)
                    .filter(|pull| {
                        head.as_ref()
                            .is_none_or(|head| *head == format!("{owner}:{}", pull.head))
                    })
                    .filter(|pull| base.as_ref().is_none_or(|base| *base == pull.base))
                    .map(|pull| pull_json(port, &repository, pull))
                    .collect();
                (200, Vec::new(), Value::Array(pulls))
            }
            ("POST", "/pulls") => {
                let head = body["head"].as_str().unwrap_or("").to_string();
                let base = body["base"].as_str().unwrap_or("").to_string();
                if !state.refs.contains_key(&format!("refs/heads/{head}")) {
                    return error(422, "Validation Failed: head does not exist");
                }
                if state
                    .pulls
                    .iter()
                    .any(|pull| pull.state == "open" && pull.head == head && pull.base == base)
                {
                    return error(
                        422,
                        &format!("A pull request already exists for {owner}:{head}."),
                    );
                }
                let pull = Pull {
                    number: state.pulls.len() as u64 + 1,
                    state: "open".to_string(),
                    title: body["title"].as_str().unwrap_or("").to_string(),
                    body: body["body"].as_str().unwrap_or("").to_string(),
                    head,
                    base,
                    draft: body["draft"] == true,
                    labels: Vec::new(),
                };
                let answer = pull_json(port, &repository, &pull);
                state.pulls.push(pull);
                (201, Vec::new(), answer)
            }
            ("PATCH", route) if route.starts_with("/pulls/") => {
                let number: u64 = route["/pulls/".len()..].parse().unwrap_or(0);
                let Some(pull) = state.pulls.iter_mut().find(|pull| pull.number == number) else {
                    return error(404, "Not Found");
                };
                if let Some(title) = body["title"].as_str() {
                    pull.title = title.to_string();
                }
                if let Some(text) = body["body"].as_str() {
                    pull.body = text.to_string();
                }
                if let Some(new_state) = body["state"].as_str() {
                    pull.state = new_state.to_string();
                }
                let answer = pull_json(port, &repository, pull);
                (200, Vec::new(), answer)
            }
            ("POST", route) if route.starts_with("/issues/") && route.ends_with("/labels") => {
                let number: u64 = route["/issues/".len()..route.len() - "/labels".len()]
                    .parse()
                    .unwrap_or(0);
                let Some(pull) = state.pulls.iter_mut().find(|pull| pull.number == number) else {
                    return error(404, "Not Found");
                };
                for label in body["labels"].as_array().cloned().unwrap_or_default() {
                    if let Some(name) = label.as_str() {
                        if !pull.labels.iter().any(|existing| existing == name) {
                            pull.labels.push(name.to_string());
                        }
                    }
                }
                (200, Vec::new(), labels_json(pull))
            }
            ("DELETE", route) if route.starts_with("/issues/") && route.contains("/labels/") => {
                let (number, name) = route["/issues/".len()..]
                    .split_once("/labels/")
                    .unwrap_or_default();
                let name = percent_decode(name);
                let Some(pull) = state
                    .pulls
                    .iter_mut()
                    .find(|pull| pull.number.to_string() == number)
                else {
                    return error(404, "Not Found");
                };
                let Some(at) = pull.labels.iter().position(|label| *label == name) else {
                    return error(404, "Label does not exist");
                };
                pull.labels.remove(at);
                (200, Vec::new(), labels_json(pull))
            }
            _ => error(404, "Not Found"),
        }
    })();
    state.log.push(Logged {
        method: method.to_string(),
        path: target.to_string(),
        body: body.clone(),
        status: outcome.0,
    });
    outcome
}

/// A pull request's labels as GitHub answers a change to them.
fn labels_json(pull: &Pull) -> Value {
    Value::Array(
        pull.labels
            .iter()
            .map(|name| json!({"name": name}))
            .collect(),
    )
}

fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text)
        .decode_utf8_lossy()
        .into_owned()
}
