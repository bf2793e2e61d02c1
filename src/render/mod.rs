//! Render: turns the model and its layout into the files of the package.
//!
//! View structs carry names, type hints, defaults, imports and docstrings
//! already computed, escaped and sorted; the Tera templates under
//! `templates/` only print them. The templates are embedded at build time.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use rayon::prelude::*;

use serde::Serialize;

use crate::layout::{Plan, Role};
use crate::model::Api;
use crate::options::GenerateOptions;
use crate::pyfmt::{self, Doc};
use crate::python::{docstring, string_literal, LINE_LENGTH};

mod client;
mod messages;
mod readme;
#[cfg(test)]
mod tests;

use client::{channel_init_view, client_view, topic_handle_view};
use messages::messages_view;
use readme::readme_view;

/// Every template, by name; `include_str!` embeds them in the binary.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "package_init.py",
        include_str!("../../templates/package_init.py.tera"),
    ),
    ("readme.md", include_str!("../../templates/readme.md.tera")),
    (
        "messages.py",
        include_str!("../../templates/messages.py.tera"),
    ),
    (
        "channel_init.py",
        include_str!("../../templates/channel_init.py.tera"),
    ),
    (
        "channel_client.py",
        include_str!("../../templates/channel_client.py.tera"),
    ),
    (
        "topic_handle.py",
        include_str!("../../templates/topic_handle.py.tera"),
    ),
    (
        "test_examples.py",
        include_str!("../../templates/test_examples.py.tera"),
    ),
];

/// Files copied into every package as they are.
pub const STATIC_FILES: &[(&str, &str)] = &[
    (
        "base/__init__.py",
        include_str!("../../templates/base/__init__.py"),
    ),
    (
        "base/client.py",
        include_str!("../../templates/base/client.py"),
    ),
    (
        "base/json_schema.py",
        include_str!("../../templates/base/json_schema.py"),
    ),
    (
        "base/topic_client.py",
        include_str!("../../templates/base/topic_client.py"),
    ),
    (
        "shared/__init__.py",
        include_str!("../../templates/shared/__init__.py"),
    ),
];

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template {name}: {message}")]
    Template { name: String, message: String },
}

/// How many times this process compiled the templates: once.
static COMPILATIONS: AtomicUsize = AtomicUsize::new(0);

fn engine() -> &'static Result<tera::Tera, String> {
    static ENGINE: OnceLock<Result<tera::Tera, String>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        COMPILATIONS.fetch_add(1, Ordering::Relaxed);
        let mut tera = tera::Tera::default();
        tera.autoescape_on(vec![]);
        tera.add_raw_templates(TEMPLATES.iter().copied())
            .map_err(|error| crate::error_chain(&error))?;
        Ok(tera)
    })
}

/// Compiles the templates on another core, so that they are ready by the
/// time the document is loaded and modelled; rendering waits for them.
pub fn compile_templates_in_background() {
    rayon::spawn(|| {
        let _ = engine();
    });
}

fn render_template(name: &str, view: &impl Serialize) -> Result<String, RenderError> {
    let failed = |message: String| RenderError::Template {
        name: name.to_string(),
        message,
    };
    let tera = engine()
        .as_ref()
        .map_err(|message| failed(message.clone()))?;
    let context =
        tera::Context::from_serialize(view).map_err(|error| failed(crate::error_chain(&error)))?;
    let text = tera
        .render(name, &context)
        .map_err(|error| failed(crate::error_chain(&error)))?;
    Ok(normalize(text))
}

/// Strips trailing spaces and leaves exactly one newline at the end.
fn normalize(text: String) -> String {
    let is_clean = text.ends_with('\n')
        && !text.ends_with("\n\n")
        && !text.contains('\r')
        && text
            .split_terminator('\n')
            .all(|line| !line.ends_with(char::is_whitespace));
    if is_clean {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 1);
    for line in text.lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let trimmed_len = out.trim_end().len();
    out.truncate(trimmed_len);
    out.push('\n');
    out
}

/// Renders every file of the package, keyed by relative path.
pub fn render(
    api: &Api,
    plan: &Plan,
    options: &GenerateOptions,
) -> Result<BTreeMap<String, String>, RenderError> {
    // The channels, the README and the package-wide modules are rendered
    // independently of one another, so they share the cores.
    let (channel_files, (readme, package_files)) = rayon::join(
        || {
            (0..plan.channels.len())
                .into_par_iter()
                .map(|index| render_channel(api, plan, index))
                .collect::<Result<Vec<_>, _>>()
        },
        || {
            rayon::join(
                || {
                    // Whatever text of the document a section shows, the
                    // README carries no control character of it.
                    options
                        .readme
                        .then(|| render_template("readme.md", &readme_view(api, plan, options)))
                        .transpose()
                        .map(|readme| readme.map(|text| escaped_controls(&text, true)))
                },
                || package_files(api, plan, options),
            )
        },
    );
    let (package_init, shared, examples) = package_files?;
    let mut files: BTreeMap<String, String> = STATIC_FILES
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect();
    files.insert("__init__.py".to_string(), package_init);
    files.insert("shared/messages.py".to_string(), shared);
    files.extend(channel_files?.into_iter().flatten());
    if let Some(examples) = examples {
        files.insert(EXAMPLES_MODULE.to_string(), examples);
    }
    if let Some(readme) = readme? {
        files.insert("README.md".to_string(), readme);
    }
    Ok(files)
}

/// The package's `__init__.py`, its shared messages module and, with
/// `--with-tests`, the examples module when there are examples.
fn package_files(
    api: &Api,
    plan: &Plan,
    options: &GenerateOptions,
) -> Result<(String, String, Option<String>), RenderError> {
    let package_init = render_template("package_init.py", &package_view(api))?;
    let shared = render_template(
        "messages.py",
        &messages_view(
            api,
            plan,
            None,
            "Messages and models shared by two or more channels.",
        ),
    )?;
    let examples = options
        .with_tests
        .then(|| examples_view(api, plan))
        .flatten()
        .map(|view| render_template("test_examples.py", &view))
        .transpose()?;
    Ok((package_init, shared, examples))
}

/// The three modules of one channel's folder, with their paths.
fn render_channel(
    api: &Api,
    plan: &Plan,
    index: usize,
) -> Result<[(String, String); 3], RenderError> {
    let channel_plan = &plan.channels[index];
    let folder = &channel_plan.module;
    let summary = format!("Messages of the {} channel.", api.channels[index].key);
    let messages = render_template(
        "messages.py",
        &messages_view(api, plan, Some(index), &summary),
    )?;
    let client = match channel_plan.role {
        Role::Topic { connection, .. } => render_template(
            "topic_handle.py",
            &topic_handle_view(api, plan, index, connection),
        )?,
        _ => render_template("channel_client.py", &client_view(api, plan, index))?,
    };
    let init = render_template("channel_init.py", &channel_init_view(api, plan, index))?;
    Ok([
        (format!("{folder}/messages.py"), messages),
        (format!("{folder}/client.py"), client),
        (format!("{folder}/__init__.py"), init),
    ])
}

/// The test module `--with-tests` writes when the document has examples.
pub const EXAMPLES_MODULE: &str = "test_examples.py";

#[derive(Serialize)]
struct ExamplesView {
    imports: String,
    /// `(Model, '{...}'),` lines.
    examples: Vec<String>,
    /// Test ids, as string literals.
    names: Vec<String>,
}

/// Every example of every message a channel uses, with the model it must
/// fit; `None` when there is none.
fn examples_view(api: &Api, plan: &Plan) -> Option<ExamplesView> {
    let mut module_of: BTreeMap<usize, String> = plan
        .shared
        .iter()
        .map(|id| (id.0, ".shared.messages".to_string()))
        .collect();
    for channel in &plan.channels {
        for id in &channel.defined {
            module_of.insert(id.0, format!(".{}.messages", channel.module));
        }
    }
    let mut found: Vec<(&str, &str, &str)> = Vec::new();
    let mut imports: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for message in &api.messages {
        let class = plan.class_names[message.schema.0].as_str();
        let Some(module) = module_of.get(&message.schema.0) else {
            continue;
        };
        if class.is_empty() || message.examples.is_empty() {
            continue;
        }
        imports
            .entry(module.clone())
            .or_default()
            .push(class.to_string());
        for example in &message.examples {
            found.push((class, &example.name, &example.payload));
        }
    }
    if found.is_empty() {
        return None;
    }
    found.sort();
    found.dedup();
    for names in imports.values_mut() {
        names.sort();
        names.dedup();
    }
    let imports = module_import_lines(&imports);
    let examples = found
        .iter()
        .map(|(class, _, payload)| {
            let entry = pyfmt::call(
                "",
                vec![pyfmt::text(*class), pyfmt::text(string_literal(payload))],
            );
            format!("    {},", pyfmt::print(&entry, 4, LINE_LENGTH - 1))
        })
        .collect();
    let names = found
        .iter()
        .map(|(class, name, _)| string_literal(&format!("{class}: {name}")))
        .collect();
    Some(ExamplesView {
        imports,
        examples,
        names,
    })
}

#[derive(Serialize)]
struct PackageView {
    docstring: String,
    title: String,
    version: String,
}

fn package_view(api: &Api) -> PackageView {
    let mut text = format!(
        "{}: generated WebSocket client.\n\nVersion: {}",
        api.title, api.version
    );
    if let Some(description) = &api.description {
        text.push_str("\n\n");
        text.push_str(description);
    }
    PackageView {
        docstring: docstring(&text, 0),
        title: string_literal(&api.title),
        version: string_literal(&api.version),
    }
}

/// Constants, then classes, then other names: the grouping both isort and
/// ruff's `__all__` sorting use.
fn name_kind(name: &str) -> u8 {
    if name.len() > 1 && name.chars().all(|c| !c.is_ascii_lowercase()) {
        0
    } else if name.starts_with(|c: char| c.is_ascii_uppercase()) {
        1
    } else {
        2
    }
}

/// The order ruff's isort rule (`I001`) wants imported names in: by kind,
/// then case-insensitively.
fn isort_order(names: &mut [String]) {
    names.sort_by_cached_key(|name| (name_kind(name), name.to_ascii_lowercase(), name.clone()));
}

/// The order ruff's `RUF022` wants `__all__` in: by kind, then case-sensitively.
fn all_order(names: &mut [String]) {
    names.sort_by(|a, b| (name_kind(a), a).cmp(&(name_kind(b), b)));
}

/// One `from module import ...` per module, in the map's order.
fn module_import_lines(imports: &BTreeMap<String, Vec<String>>) -> String {
    imports
        .iter()
        .map(|(module, names)| import_lines(module, names))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `from module import a, b` on one line when it fits, else one name per
/// line; names in isort's order.
fn import_lines(module: &str, names: &[String]) -> String {
    let mut names = names.to_vec();
    isort_order(&mut names);
    let line = format!("from {module} import {}", names.join(", "));
    if pyfmt::text_width(&line) <= LINE_LENGTH {
        return line;
    }
    let mut out = format!("from {module} import (\n");
    for name in names {
        out.push_str(&format!("    {name},\n"));
    }
    out.push(')');
    out
}

/// `name: TypeAlias = value`, laid out as `ruff format` would.
fn alias_assignment(name: &str, value: Doc) -> String {
    pyfmt::annotated_assignment(
        name,
        &pyfmt::text("TypeAlias"),
        Some(&value),
        0,
        LINE_LENGTH,
    )
}

/// `text` with every control character (and character that misleads a
/// reader) written as a `\u{..}` escape, for one line of a comment.
fn without_control_characters(text: &str) -> String {
    escaped_controls(text, false)
}

/// `text` with each control character and character that misleads a
/// reader spelled as an escape; `\n` too unless `keep_line_breaks`.
fn escaped_controls(text: &str, keep_line_breaks: bool) -> String {
    text.chars()
        .map(|c| {
            let kept = keep_line_breaks && c == '\n';
            if !kept && (c.is_control() || crate::python::misleads_readers(c)) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}
