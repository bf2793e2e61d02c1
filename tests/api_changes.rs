//! The client-compatibility report. Each folder of `fixtures/compat` holds
//! a document before and after one kind of change; the changes the report
//! finds, both ways round, are a snapshot
//! (`tests/snapshots/api-changes.txt`), and the verdicts each pair exists
//! to show are asserted here, so that blessing a wrong snapshot cannot hide
//! a wrong verdict.

mod util;

use std::path::{Path, PathBuf};

use chanx_codegen::load::{self, DocumentOrigin};
use chanx_codegen::options::GenerateOptions;
use chanx_codegen::report;
use chanx_codegen::surface::{compare, ApiChange, ApiReport, ApiSurface};

fn pairs() -> Vec<PathBuf> {
    let mut pairs: Vec<PathBuf> = std::fs::read_dir(util::fixture("compat"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    pairs.sort();
    pairs
}

fn surface_of(path: &Path) -> ApiSurface {
    let document = load::load(
        &DocumentOrigin::File(path.to_path_buf()),
        &Default::default(),
    )
    .expect("fixture loads");
    let options = GenerateOptions {
        readme: false,
        package_name: "notes".to_string(),
        perspective: Default::default(),
        with_tests: false,
        server: None,
    };
    let (_, tree) = chanx_codegen::generate(document, &options, &Default::default())
        .expect("fixture generates");
    tree.surface().clone()
}

/// The changes from `before.json` to `after.json` of a pair, and back.
fn changes(pair: &Path) -> (Vec<ApiChange>, Vec<ApiChange>) {
    let before = surface_of(&pair.join("before.json"));
    let after = surface_of(&pair.join("after.json"));
    (compare(&before, &after), compare(&after, &before))
}

#[test]
fn the_report_of_every_pair_matches_its_snapshot() {
    let mut text = String::new();
    for pair in pairs() {
        let name = pair.file_name().unwrap().to_string_lossy().into_owned();
        let (forward, backward) = changes(&pair);
        for (direction, changes) in [("before → after", forward), ("after → before", backward)]
        {
            text.push_str(&format!("== {name}: {direction}\n"));
            text.push_str(&report::api_text(&ApiReport::Changes(changes), false));
            text.push('\n');
        }
    }
    util::assert_snapshot("api-changes.txt", &text, "api_changes");
}

/// Whether `changes` hold one of `kind` on `channel`'s side (its message
/// class) with the verdict `breaking`.
fn holds(changes: &[ApiChange], kind: &str, message: &str, breaking: bool) -> bool {
    changes.iter().any(|change| {
        change.kind.label() == kind
            && change.message.as_deref() == Some(message)
            && change.breaking == breaking
    })
}

#[test]
fn each_pair_shows_its_rule_for_what_is_sent_and_what_is_received() {
    // (pair, kind, verdict for Note, which the client sends, and for
    // Notice, which it receives)
    let rules = [
        ("field-added-required", "field-added", true, false),
        ("field-added-optional", "field-added", false, false),
        ("field-removed", "field-removed", true, true),
        ("type-narrowed", "type-narrowed", true, false),
        ("type-widened", "type-widened", false, true),
        ("constraint-narrowed", "type-narrowed", true, false),
        ("enum-value-removed", "enum-value-removed", true, false),
        ("enum-value-added", "enum-value-added", false, true),
        ("field-now-optional", "field-now-optional", false, true),
        ("field-now-required", "field-now-required", true, false),
        ("default-changed", "default-changed", false, false),
        ("field-renamed", "field-renamed", true, true),
    ];
    for (pair, kind, sent_breaks, received_breaks) in rules {
        let (changes, _) = changes(&util::fixture("compat").join(pair));
        assert!(
            holds(&changes, kind, "Note", sent_breaks),
            "{pair}: Note (sent) should have {kind} breaking={sent_breaks}: {changes:#?}"
        );
        assert!(
            holds(&changes, kind, "Notice", received_breaks),
            "{pair}: Notice (received) should have {kind} breaking={received_breaks}: {changes:#?}"
        );
    }
}

#[test]
fn what_is_gone_breaks_and_what_is_new_breaks_only_what_arrives() {
    let kinds = |pair: &str| {
        let (changes, _) = changes(&util::fixture("compat").join(pair));
        changes
            .iter()
            .map(|change| (change.kind.label(), change.message.clone(), change.breaking))
            .collect::<Vec<_>>()
    };
    let message_added = kinds("message-added");
    assert!(message_added.contains(&(
        "message-added".to_string(),
        Some("Memo".to_string()),
        false
    )));
    assert!(message_added.contains(&(
        "message-added".to_string(),
        Some("Alert".to_string()),
        true
    )));
    let message_removed = kinds("message-removed");
    assert!(message_removed.contains(&(
        "message-removed".to_string(),
        Some("Memo".to_string()),
        true
    )));
    assert!(message_removed.contains(&(
        "message-removed".to_string(),
        Some("Alert".to_string()),
        true
    )));
    for (pair, kind, breaking) in [
        ("channel-added", "client-added", false),
        ("channel-removed", "client-removed", true),
        ("request-added", "request-added", false),
        ("request-removed", "request-removed", true),
        ("topic-added", "topic-added", false),
        ("topic-removed", "topic-removed", true),
    ] {
        let found = kinds(pair);
        assert!(
            found
                .iter()
                .any(|(found_kind, _, found_breaking)| found_kind == kind
                    && *found_breaking == breaking),
            "{pair}: expected {kind} breaking={breaking}: {found:?}"
        );
        assert_eq!(
            found.iter().any(|(_, _, breaking)| *breaking),
            breaking,
            "{pair}: only removals break: {found:?}"
        );
    }
}

#[test]
fn an_unchanged_document_has_no_changes() {
    for pair in pairs() {
        let before = surface_of(&pair.join("before.json"));
        assert_eq!(compare(&before, &before), Vec::new());
    }
}
