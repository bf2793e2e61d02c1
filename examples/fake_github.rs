//! The test suite's fake GitHub REST API as a program, so that CI can run
//! the Action's pull-request mode on every kind of runner without reaching
//! GitHub: `fake_github OWNER/NAME` serves that repository (one commit on
//! `main`) on 127.0.0.1, prints its API URL and token on one line, and stops
//! after 30 minutes.

use std::collections::BTreeMap;

#[path = "../tests/github/mod.rs"]
mod github;

fn main() {
    let repository = std::env::args().nth(1).unwrap_or_default();
    let fake = github::FakeGitHub::start(
        "",
        &BTreeMap::from([("README.md".to_string(), b"# app\n".to_vec())]),
    );
    fake.with(|state| state.repository = repository);
    println!("{} {}", fake.api_url(), github::TOKEN);
    std::thread::sleep(std::time::Duration::from_secs(30 * 60));
}
