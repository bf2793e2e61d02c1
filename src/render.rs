//! Render: turns the model and its layout into the files of the package.
//!
//! View structs carry names, type hints, defaults, imports and docstrings
//! already computed, escaped and sorted; the Tera templates under
//! `templates/` only print them. The templates are embedded at build time.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use rayon::prelude::*;

use serde::Serialize;

use crate::layout::{Plan, RequestMethod, Role};
use crate::model::Credential;
use crate::model::{Api, Field, JsonValue, SchemaCheck, SchemaId, SchemaKind, TypeExpr};
use crate::naming;
use crate::options::GenerateOptions;
use crate::pyfmt::{self, Doc};
use crate::python::{self, docstring, string_literal, type_hint, Import, Names, LINE_LENGTH};

/// Every template, by name; `include_str!` embeds them in the binary.
pub const TEMPLATES: &[(&str, &str)] = &[
    (
        "package_init.py",
        include_str!("../templates/package_init.py.tera"),
    ),
    ("readme.md", include_str!("../templates/readme.md.tera")),
    ("messages.py", include_str!("../templates/messages.py.tera")),
    (
        "channel_init.py",
        include_str!("../templates/channel_init.py.tera"),
    ),
    (
        "channel_client.py",
        include_str!("../templates/channel_client.py.tera"),
    ),
    (
        "topic_handle.py",
        include_str!("../templates/topic_handle.py.tera"),
    ),
    (
        "test_examples.py",
        include_str!("../templates/test_examples.py.tera"),
    ),
];

/// Files copied into every package as they are.
pub const STATIC_FILES: &[(&str, &str)] = &[
    (
        "base/__init__.py",
        include_str!("../templates/base/__init__.py"),
    ),
    (
        "base/client.py",
        include_str!("../templates/base/client.py"),
    ),
    (
        "base/json_schema.py",
        include_str!("../templates/base/json_schema.py"),
    ),
    (
        "base/topic_client.py",
        include_str!("../templates/base/topic_client.py"),
    ),
    (
        "shared/__init__.py",
        include_str!("../templates/shared/__init__.py"),
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

#[derive(Serialize)]
struct MessagesView {
    docstring: String,
    /// Blank lines after the imports: isort wants two before a class, one otherwise.
    gap_after_imports: String,
    imports: Vec<String>,
    definitions: Vec<DefinitionView>,
    rebuild: Vec<String>,
    unions: Vec<String>,
    /// `__all__` entries, already quoted.
    exports: Vec<String>,
}

#[derive(Serialize)]
struct DefinitionView {
    /// `class X(BaseModel):` or, for an alias, the whole assignment.
    header: String,
    is_class: bool,
    docstring: Option<String>,
    fields: Vec<String>,
}

/// Tracks what a module's code needs imported.
#[derive(Default)]
struct Imports {
    needed: std::collections::BTreeSet<Import>,
    shared: Vec<String>,
}

impl Imports {
    fn from(&mut self, module: &'static str, name: &'static str) {
        self.needed.insert(Import::From(module, name));
    }

    /// Import blocks in isort's order: the standard library (plain imports
    /// first), pydantic, then the shared module.
    fn lines(&self) -> Vec<String> {
        let mut standard = Vec::new();
        for import in &self.needed {
            if let Import::Module(module, alias) = import {
                standard.push(format!("import {module} as {alias}"));
            }
        }
        let mut from: std::collections::BTreeMap<&str, Vec<String>> =
            std::collections::BTreeMap::new();
        for import in &self.needed {
            if let Import::From(module, name) = import {
                from.entry(module).or_default().push(name.to_string());
            }
        }
        let mut groups = Vec::new();
        let pydantic = from.remove("pydantic");
        let mut local = Vec::new();
        for (module, names) in &from {
            match module.starts_with('.') {
                true => local.push(import_lines(module, names)),
                false => standard.push(import_lines(module, names)),
            }
        }
        if !standard.is_empty() {
            groups.push(standard.join("\n"));
        }
        if let Some(names) = pydantic {
            groups.push(import_lines("pydantic", &names));
        }
        if !self.shared.is_empty() {
            local.push(import_lines("..shared.messages", &self.shared));
        }
        if !local.is_empty() {
            groups.push(local.join("\n"));
        }
        groups
    }
}

fn messages_view(api: &Api, plan: &Plan, channel: Option<usize>, summary: &str) -> MessagesView {
    let defined: &[SchemaId] = match channel {
        None => &plan.shared,
        Some(index) => &plan.channels[index].defined,
    };
    let name_of = |id: SchemaId| plan.class_names[id.0].clone();
    let field_of = |id: SchemaId, json_name: &str| python_field_name(api, plan, id, json_name);
    let module = Module {
        api,
        plan,
        names: Names {
            class: &name_of,
            field: &field_of,
        },
        positions: defined
            .iter()
            .enumerate()
            .map(|(index, id)| (*id, index))
            .collect(),
    };
    let mut imports = Imports::default();
    let mut definitions = Vec::new();
    let mut rebuild = Vec::new();
    for (index, id) in defined.iter().enumerate() {
        let mut hints = Hints {
            module: &module,
            index,
            forward: false,
        };
        let definition = hints.definition(*id, &mut imports);
        if hints.forward && definition.is_class {
            rebuild.push(format!("{}.model_rebuild()", plan.class_names[id.0]));
        }
        definitions.push(definition);
    }
    let unions = match channel {
        Some(index) => message_unions(plan, index, &mut imports),
        None => Vec::new(),
    };
    // A channel's messages module imports every shared model the channel
    // uses and re-exports it, so the module is the channel's whole namespace.
    let exports = match channel {
        None => Vec::new(),
        Some(index) => {
            imports.shared = class_names(plan, &plan.channels[index].shared);
            channel_exports(plan, index)
        }
    };
    if imports.needed.contains(&Import::NoValue) {
        definitions.insert(
            0,
            DefinitionView {
                header: python::NO_VALUE_HELPER.to_string(),
                is_class: false,
                docstring: None,
                fields: Vec::new(),
            },
        );
    }
    // Two blank lines before a class or function, one before an assignment.
    let first_is_class = definitions
        .first()
        .is_some_and(|definition| definition.is_class || definition.header.starts_with("def "));
    MessagesView {
        docstring: docstring(summary, 0),
        gap_after_imports: if first_is_class { "\n\n" } else { "\n" }.to_string(),
        imports: imports.lines(),
        definitions,
        rebuild,
        unions,
        exports: exports.iter().map(|name| string_literal(name)).collect(),
    }
}

/// What the definitions of one messages module share: how classes and
/// fields are named, and where each class of the module is defined.
struct Module<'a> {
    api: &'a Api,
    plan: &'a Plan,
    names: Names<'a>,
    positions: HashMap<SchemaId, usize>,
}

/// The annotations of the definition at `index` of its module: a class
/// defined there or further down can only be named as a string, and
/// `forward` records that one was.
struct Hints<'m, 'a> {
    module: &'m Module<'a>,
    index: usize,
    forward: bool,
}

impl Hints<'_, '_> {
    /// Whether a hint names this class or one defined after it.
    fn refers_ahead(&self, hint: &python::Hint) -> bool {
        hint.schemas.iter().any(|used| {
            self.module
                .positions
                .get(used)
                .is_some_and(|at| *at >= self.index)
        })
    }

    /// The annotation for `ty`, flat and as a layout document.
    fn of(&mut self, ty: &TypeExpr, imports: &mut Imports) -> (String, Doc) {
        let names = &self.module.names;
        let hint = type_hint(ty, names);
        imports.needed.extend(hint.imports.iter().copied());
        if self.refers_ahead(&hint) {
            self.forward = true;
            let quoted = string_literal(&hint.text);
            (quoted.clone(), pyfmt::text(quoted))
        } else {
            (hint.text, python::type_doc(ty, names, true))
        }
    }

    /// The class or alias that `id` is defined as.
    fn definition(&mut self, id: SchemaId, imports: &mut Imports) -> DefinitionView {
        let schema = &self.module.api.schemas[id.0];
        let name = &self.module.plan.class_names[id.0];
        let docstring_text = class_docstring(schema).map(|text| docstring(&text, 4));
        match &schema.kind {
            SchemaKind::Object {
                fields,
                forbids_others,
            } => {
                let lines = self.object_body(id, fields, *forbids_others, imports);
                DefinitionView {
                    header: python::class_header(name, "BaseModel"),
                    is_class: true,
                    docstring: docstring_text,
                    fields: lines.into_iter().chain(check_of(schema, imports)).collect(),
                }
            }
            SchemaKind::Root(ty) => {
                imports.from("pydantic", "RootModel");
                let (hint, _) = self.of(ty, imports);
                let names = &self.module.names;
                let root = match hint.starts_with(['"', '\'']) {
                    true => pyfmt::text(hint),
                    false => python::type_doc(ty, names, false),
                };
                let python_re = needs_python_re(self.module.api, ty, 0);
                let config = model_config(None, false, python_re, imports);
                DefinitionView {
                    header: python::class_header_doc(
                        name,
                        pyfmt::subscript("RootModel", vec![root]),
                    ),
                    is_class: true,
                    docstring: docstring_text,
                    fields: config
                        .into_iter()
                        .chain(check_of(schema, imports))
                        .collect(),
                }
            }
            SchemaKind::Alias(ty) => {
                imports.from("typing", "TypeAlias");
                let (text, _) = self.of(ty, imports);
                // The assignment parenthesises the value itself; a forward
                // reference stays the quoted string.
                let value = if text.starts_with(['"', '\'']) {
                    pyfmt::text(text)
                } else {
                    python::type_doc(ty, &self.module.names, false)
                };
                DefinitionView {
                    header: alias_assignment(name, value),
                    is_class: false,
                    docstring: None,
                    fields: Vec::new(),
                }
            }
        }
    }

    /// The lines of a model class: its configuration, the set of fields
    /// left out while None, and a line per field.
    fn object_body(
        &mut self,
        id: SchemaId,
        fields: &[Field],
        forbids_others: bool,
        imports: &mut Imports,
    ) -> Vec<String> {
        let api = self.module.api;
        imports.from("pydantic", "BaseModel");
        let python_names = &self.module.plan.field_names[id.0];
        let aliased = fields
            .iter()
            .zip(python_names)
            .any(|(field, name)| field.json_name != *name);
        // Aliased fields must also accept their Python name, which is the
        // keyword type checkers show for the constructor.
        let python_re = fields
            .iter()
            .any(|field| needs_python_re(api, &field.ty, 0));
        let extra = if forbids_others { "forbid" } else { "allow" };
        let config = model_config(Some(extra), aliased, python_re, imports);
        let omitted = omitted_while_none(api, fields, python_names, imports);
        let mut lines: Vec<String> = config.into_iter().chain(omitted).collect();
        for (field, python_name) in fields.iter().zip(python_names) {
            let (_, annotation) = self.of(&field_type(field), imports);
            // A class defined further down can only be named lazily.
            let empty_factory = container_of(&field.ty)
                .map(|container| type_hint(container, &self.module.names))
                .map(|hint| match self.refers_ahead(&hint) {
                    true => format!("lambda: {}()", hint.text),
                    false => hint.text,
                });
            lines.push(field_line(
                field,
                python_name,
                annotation,
                empty_factory.as_deref(),
                imports,
            ));
        }
        lines
    }
}

/// The `__chanx_omit_none__` line: optional fields whose schema does not
/// allow null are left out of what is sent while they are None
/// (base/client.py).
fn omitted_while_none(
    api: &Api,
    fields: &[Field],
    python_names: &[String],
    imports: &mut Imports,
) -> Option<String> {
    let omitted: Vec<String> = fields
        .iter()
        .zip(python_names)
        .filter(|(field, _)| {
            !field.required && field.default.is_none() && !allows_null(api, &field.ty, 0)
        })
        .map(|(_, name)| string_literal(name))
        .collect();
    if omitted.is_empty() {
        return None;
    }
    imports.from("typing", "ClassVar");
    let value = pyfmt::call(
        "frozenset",
        vec![pyfmt::dict(omitted.into_iter().map(pyfmt::text).collect())],
    );
    Some(pyfmt::annotated_assignment(
        "__chanx_omit_none__",
        &pyfmt::text("ClassVar[frozenset[str]]"),
        Some(&value),
        4,
        LINE_LENGTH,
    ))
}

/// The lines of a class's runtime schema check, if it has one.
fn check_of(schema: &crate::model::Schema, imports: &mut Imports) -> Option<String> {
    schema
        .check
        .as_deref()
        .map(|check| check_lines(check, imports))
}

/// `IncomingMessage` and `OutgoingMessage` of a channel: the union of its
/// message classes, `NoReturn` when it has none.
fn message_unions(plan: &Plan, index: usize, imports: &mut Imports) -> Vec<String> {
    let channel_plan = &plan.channels[index];
    imports.from("typing", "TypeAlias");
    let mut unions = Vec::new();
    for (alias, members) in [
        ("IncomingMessage", &channel_plan.incoming),
        ("OutgoingMessage", &channel_plan.outgoing),
    ] {
        let value = if members.is_empty() {
            imports.from("typing", "NoReturn");
            pyfmt::text("NoReturn")
        } else {
            let names = members
                .iter()
                .map(|id| pyfmt::text(plan.class_names[id.0].clone()));
            pyfmt::union(names.collect(), false)
        };
        unions.push(alias_assignment(alias, value));
    }
    unions
}

fn class_names(plan: &Plan, ids: &[SchemaId]) -> Vec<String> {
    ids.iter()
        .map(|id| plan.class_names[id.0].clone())
        .collect()
}

/// Every name a channel's messages module offers, in `__all__` order.
fn channel_exports(plan: &Plan, index: usize) -> Vec<String> {
    let channel_plan = &plan.channels[index];
    let mut names = class_names(plan, &channel_plan.shared);
    names.extend(class_names(plan, &channel_plan.defined));
    names.extend(["IncomingMessage".to_string(), "OutgoingMessage".to_string()]);
    all_order(&mut names);
    names
}

/// `text` with every control character (and Unicode line or paragraph
/// separator) written as a `\u{..}` escape, for one line of a comment.
fn without_control_characters(text: &str) -> String {
    escaped_controls(text, false)
}

/// `text` with each control character and Unicode line or paragraph
/// separator spelled as an escape; `\n` too unless `keep_line_breaks`.
fn escaped_controls(text: &str, keep_line_breaks: bool) -> String {
    text.chars()
        .map(|c| {
            let kept = keep_line_breaks && c == '\n';
            if !kept && (c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The `model_config` line of a class, if it needs one: what becomes of
/// properties that are not fields (`extra`), aliased fields accept their
/// Python name too, and patterns pydantic's Rust regex engine refuses
/// (look-around, back-references) run on Python's `re`.
fn model_config(
    extra: Option<&str>,
    aliased: bool,
    python_re: bool,
    imports: &mut Imports,
) -> Option<String> {
    let mut settings = Vec::new();
    let extra = extra.map(|extra| format!("extra={}", string_literal(extra)));
    settings.extend(extra.as_deref());
    if aliased {
        settings.push("populate_by_name=True");
    }
    if python_re {
        settings.push("regex_engine=\"python-re\"");
    }
    if settings.is_empty() {
        return None;
    }
    imports.from("pydantic", "ConfigDict");
    Some(format!(
        "model_config = ConfigDict({})",
        settings.join(", ")
    ))
}

/// The class attribute holding a model's runtime schema check and the
/// validator that applies it to what the model receives.
fn check_lines(check: &SchemaCheck, imports: &mut Imports) -> String {
    imports.from("typing", "Any");
    imports.from("typing", "ClassVar");
    imports.from("pydantic", "model_validator");
    imports.from(python::JSON_SCHEMA_MODULE, "JsonSchema");
    let attribute = pyfmt::annotated_assignment(
        "__chanx_schema__",
        &pyfmt::text("ClassVar[JsonSchema]"),
        Some(&python::check_doc(check)),
        4,
        LINE_LENGTH,
    );
    format!(
        "{attribute}\n\n    @model_validator(mode=\"before\")\n    @classmethod\n    def _check_schema(cls, data: Any) -> Any:\n        return cls.__chanx_schema__.check(data)"
    )
}

/// Whether a pattern of the type (aliases looked through, models not: they
/// have a config of their own) is one pydantic's Rust regex engine refuses.
fn needs_python_re(api: &Api, ty: &TypeExpr, depth: usize) -> bool {
    if depth > 64 {
        return false;
    }
    let inner = |ty: &TypeExpr| needs_python_re(api, ty, depth + 1);
    match ty {
        TypeExpr::Constrained(ty, constraints) => {
            inner(ty)
                || constraints.iter().any(|constraint| {
                    matches!(&constraint.value, crate::model::ConstraintValue::Pattern(pattern) if regex::Regex::new(pattern).is_err())
                })
        }
        TypeExpr::List(ty) | TypeExpr::Map(ty) => inner(ty),
        TypeExpr::Union(members)
        | TypeExpr::Tuple(members)
        | TypeExpr::Discriminated { members, .. } => members.iter().any(inner),
        TypeExpr::Schema(id) => match &api.schemas[id.0].kind {
            SchemaKind::Alias(ty) => inner(ty),
            SchemaKind::Root(_) | SchemaKind::Object { .. } => false,
        },
        _ => false,
    }
}

/// Whether `null` is a value of the type (an alias or root model is looked
/// through, as deep as a document may nest them).
fn allows_null(api: &Api, ty: &TypeExpr, depth: usize) -> bool {
    if depth > 64 {
        return true;
    }
    match ty {
        TypeExpr::Null | TypeExpr::Any => true,
        TypeExpr::Union(members) | TypeExpr::Discriminated { members, .. } => members
            .iter()
            .any(|member| allows_null(api, member, depth + 1)),
        TypeExpr::Constrained(inner, _) => allows_null(api, inner, depth + 1),
        TypeExpr::Schema(id) => match &api.schemas[id.0].kind {
            SchemaKind::Alias(inner) | SchemaKind::Root(inner) => {
                allows_null(api, inner, depth + 1)
            }
            SchemaKind::Object { .. } => false,
        },
        _ => false,
    }
}

/// Optional fields without a default accept and default to `None`.
fn field_type(field: &Field) -> TypeExpr {
    if field.required || field.default.is_some() {
        field.ty.clone()
    } else {
        crate::model::union_of(vec![field.ty.clone(), TypeExpr::Null])
    }
}

/// One field of a model class, laid out as `ruff format` would.
/// A model's docstring: its description, deprecation and examples.
fn class_docstring(schema: &crate::model::Schema) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(description) = &schema.description {
        parts.push(description.clone());
    }
    if schema.deprecated {
        parts.push("Deprecated.".to_string());
    }
    if !schema.examples.is_empty() {
        let lines: Vec<String> = schema
            .examples
            .iter()
            .map(|example| format!("    {example}"))
            .collect();
        parts.push(format!("Examples:\n\n{}", lines.join("\n")));
    }
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// The list or dict type within a field's type, for empty defaults.
fn container_of(ty: &TypeExpr) -> Option<&TypeExpr> {
    match ty {
        TypeExpr::List(_) | TypeExpr::Map(_) => Some(ty),
        TypeExpr::Constrained(inner, _) => container_of(inner),
        TypeExpr::Union(members) => members.iter().find_map(container_of),
        _ => None,
    }
}

/// The Python attribute name of a schema's property.
fn python_field_name(api: &Api, plan: &Plan, id: SchemaId, json_name: &str) -> String {
    match &api.schemas[id.0].kind {
        SchemaKind::Object { fields, .. } => fields
            .iter()
            .zip(&plan.field_names[id.0])
            .find(|(field, _)| field.json_name == json_name)
            .map_or_else(|| json_name.to_string(), |(_, name)| name.clone()),
        _ => json_name.to_string(),
    }
}

/// One field of a model class, laid out as `ruff format` would.
/// `empty_factory` creates an empty default with its item type known to
/// type checkers: the parameterised `list[...]`/`dict[...]`.
fn field_line(
    field: &Field,
    python_name: &str,
    annotation: Doc,
    empty_factory: Option<&str>,
    imports: &mut Imports,
) -> String {
    let mut arguments = Vec::new();
    let mut default = None;
    match &field.default {
        Some(JsonValue::List(items)) if items.is_empty() => arguments.push(format!(
            "default_factory={}",
            empty_factory.unwrap_or("list")
        )),
        Some(JsonValue::Object(entries)) if entries.is_empty() => arguments.push(format!(
            "default_factory={}",
            empty_factory.unwrap_or("dict")
        )),
        Some(value @ (JsonValue::List(_) | JsonValue::Object(_))) => arguments.push(format!(
            "default_factory=lambda: {}",
            python::value_literal(value)
        )),
        Some(value) => default = Some(python::value_literal(value)),
        None if !field.required => default = Some("None".to_string()),
        None => {}
    }
    if let Some(description) = &field.description {
        arguments.push(format!("description={}", string_literal(description)));
    }
    if field.deprecated {
        arguments.push("deprecated=True".to_string());
    }
    if field.read_only {
        // Validated when it arrives, never sent; the schema still says why.
        arguments.push("exclude=True".to_string());
        arguments.push("json_schema_extra={\"readOnly\": True}".to_string());
    }
    if python_name != field.json_name {
        let alias = string_literal(&field.json_name);
        arguments.push(format!("validation_alias={alias}"));
        arguments.push(format!("serialization_alias={alias}"));
    }
    let value = if arguments.is_empty() {
        default.map(pyfmt::text)
    } else {
        imports.from("pydantic", "Field");
        if let Some(default) = default {
            arguments.insert(0, format!("default={default}"));
        }
        Some(pyfmt::call(
            "Field",
            arguments.into_iter().map(pyfmt::text).collect(),
        ))
    };
    pyfmt::annotated_assignment(python_name, &annotation, value.as_ref(), 4, LINE_LENGTH)
}

#[derive(Serialize)]
struct ClientView {
    /// `ws://host` of the document's first server, quoted.
    server_url: Option<String>,
    /// Blank lines after the imports: isort wants two before a class, one otherwise.
    gap_after_imports: String,
    /// The `TypedDict` of the path parameters, as its whole definition.
    path_params: Option<String>,
    /// `__init__`, for typed path parameters and credentials.
    init: Option<String>,
    /// `from ..module import Name` lines: the base class and topic handles.
    parent_imports: String,
    /// One method per topic handle, for a connection client.
    topic_methods: Vec<String>,
    messages_import: String,
    /// `handle_message` and the `on_` methods.
    handlers: String,
    /// `class ...(BaseClient[...]):`
    header: String,
    docstring: String,
    class_docstring: String,
    class_name: String,
    path: String,
    imports: Vec<String>,
    adapter: String,
}

/// The Python name of the field that tells a union of messages apart, by
/// the model's one policy, when every member calls it the same.
fn discriminator(api: &Api, plan: &Plan, members: &[SchemaId]) -> Option<String> {
    let json_name = crate::model::discriminator(&api.schemas, members, None)?;
    let mut python_names = members.iter().filter_map(|id| {
        let SchemaKind::Object { fields, .. } = &api.schemas[id.0].kind else {
            return None;
        };
        fields
            .iter()
            .zip(&plan.field_names[id.0])
            .find(|(field, _)| field.json_name == json_name)
            .map(|(_, python_name)| python_name)
    });
    let first = python_names.next()?;
    python_names
        .all(|name| name == first)
        .then(|| first.clone())
}

/// The imports and the `incoming_adapter` value of a channel's client.
fn incoming_adapter(api: &Api, plan: &Plan, index: usize) -> (Vec<String>, String) {
    let channel_plan = &plan.channels[index];
    if let Some(field) = discriminator(api, plan, &channel_plan.incoming) {
        (
            vec![
                "from typing import Annotated".to_string(),
                "from pydantic import Field, TypeAdapter".to_string(),
            ],
            format!(
                "TypeAdapter[IncomingMessage](\n        Annotated[IncomingMessage, Field(discriminator={})]\n    )",
                string_literal(&field)
            ),
        )
    } else if channel_plan.incoming.is_empty() {
        (Vec::new(), "None".to_string())
    } else {
        (
            vec!["from pydantic import TypeAdapter".to_string()],
            "TypeAdapter[IncomingMessage](IncomingMessage)".to_string(),
        )
    }
}

fn client_view(api: &Api, plan: &Plan, index: usize) -> ClientView {
    let channel = &api.channels[index];
    let channel_plan = &plan.channels[index];
    let mut class_text = format!(
        "WebSocket client for the {} channel at {}.",
        channel.key, channel.address
    );
    if let Some(description) = &channel.description {
        class_text.push_str("\n\n");
        class_text.push_str(description);
    }
    let handlers = message_handlers(plan, index, "from the server");
    let (mut imports, adapter) = incoming_adapter(api, plan, index);
    let path_params = channel_plan.path_params_class.as_ref().map(|class| {
        imports.insert(0, "from typing import TypedDict".to_string());
        path_params_definition(class, channel)
    });
    handlers.add_typing_imports(&mut imports);
    let class_first = path_params
        .as_ref()
        .is_none_or(|definition| definition.starts_with("class "));
    let credentials = &channel_plan.credentials;
    let init = init_method(channel_plan.path_params_class.as_deref(), credentials);
    let server_url = match &api.server {
        Some((host, protocol)) if protocol == "ws" || protocol == "wss" => {
            Some(string_literal(&format!("{protocol}://{host}")))
        }
        _ => None,
    };
    let (base_module, base_class) = match &channel_plan.role {
        Role::Connection { .. } => ("..base.topic_client", "BaseTopicConnection"),
        _ => ("..base.client", "BaseClient"),
    };
    let mut parent_imports: BTreeMap<String, Vec<String>> = BTreeMap::new();
    parent_imports
        .entry(base_module.to_string())
        .or_default()
        .push(base_class.to_string());
    if init.is_some() {
        // `__init__` passes the reconnect policy on.
        let base = parent_imports
            .entry("..base.client".to_string())
            .or_default();
        base.push("ReconnectPolicy".to_string());
        if !credentials.is_empty() {
            base.push("credential_headers".to_string());
        }
    }
    handlers.add_base_imports(&mut parent_imports);
    let mut topic_methods = Vec::new();
    if let Role::Connection { topics } = &channel_plan.role {
        for (channel, method) in topics {
            let handle = &plan.channels[*channel];
            parent_imports
                .entry(format!("..{}.client", handle.module))
                .or_default()
                .push(handle.client_class.clone());
            topic_methods.push(topic_method(api, plan, *channel, method));
        }
    }
    ClientView {
        server_url,
        messages_import: handlers.messages_import(),
        handlers: handlers.text,
        parent_imports: module_import_lines(&parent_imports),
        topic_methods,
        init,
        gap_after_imports: if class_first { "\n\n" } else { "\n" }.to_string(),
        path_params,
        header: python::class_header(
            &channel_plan.client_class,
            &format!("{base_class}[IncomingMessage, OutgoingMessage]"),
        ),
        docstring: docstring(&format!("Client for the {} channel.", channel.key), 0),
        class_docstring: docstring(&class_text, 4),
        class_name: channel_plan.client_class.clone(),
        path: string_literal(&channel.address),
        imports,
        adapter,
    }
}

#[derive(Serialize)]
struct TopicHandleView {
    docstring: String,
    imports: Vec<String>,
    header: String,
    class_docstring: String,
    pattern: String,
    adapter: String,
    /// The `attach` class method.
    attach: String,
    /// `from ..base.topic_client import ...` and other base imports.
    parent_imports: String,
    messages_import: String,
    /// `handle_message` and the `on_` methods.
    handlers: String,
}

fn topic_handle_view(api: &Api, plan: &Plan, index: usize, connection: usize) -> TopicHandleView {
    let channel = &api.channels[index];
    let Some(topic) = &channel.topic else {
        unreachable!("a topic handle's channel has an x-topic");
    };
    let mut class_text = format!(
        "Handle for the {} topic, on the connection of {}.",
        topic.pattern, plan.channels[connection].client_class
    );
    if let Some(description) = &channel.description {
        class_text.push_str("\n\n");
        class_text.push_str(description);
    }
    let handlers = message_handlers(plan, index, "pushed on this topic");
    let (mut imports, adapter) = incoming_adapter(api, plan, index);
    imports.insert(0, "from typing import Any".to_string());
    handlers.add_typing_imports(&mut imports);
    let mut parent_imports = BTreeMap::from([(
        "..base.topic_client".to_string(),
        vec![
            "BaseTopicConnection".to_string(),
            "BaseTopicHandle".to_string(),
            "HandleT".to_string(),
        ],
    )]);
    handlers.add_base_imports(&mut parent_imports);
    let attach = format!(
        "    @classmethod\n    {}\n{}        {}",
        topic_signature(
            plan,
            index,
            "attach",
            &[
                "cls: type[HandleT]",
                "connection: BaseTopicConnection[Any, Any]"
            ],
            "HandleT"
        ),
        docstring(
            "This topic's handle on `connection`, as this class or a subclass.",
            8
        ),
        topic_call(plan, index, "connection.topic", pyfmt::text("cls"), true),
    );
    TopicHandleView {
        parent_imports: module_import_lines(&parent_imports),
        messages_import: handlers.messages_import(),
        handlers: handlers.text,
        attach,
        docstring: docstring(&format!("Handle for the {} topic.", channel.key), 0),
        imports,
        header: python::class_header(
            &plan.channels[index].client_class,
            "BaseTopicHandle[IncomingMessage, OutgoingMessage]",
        ),
        class_docstring: docstring(&class_text, 4),
        pattern: string_literal(&topic.pattern),
        adapter,
    }
}

/// `async def name(arguments) -> returns:` (or `def`), laid out at method
/// level as `ruff format` would.
fn method_signature(head: &str, arguments: Vec<pyfmt::Doc>, returns: &str) -> String {
    let signature = pyfmt::Doc::Group(vec![
        pyfmt::call(head, arguments),
        pyfmt::text(format!(" -> {returns}:")),
    ]);
    pyfmt::print(&signature, 4, LINE_LENGTH)
}

/// The methods a client adds to its base: typed requests, `handle_message`
/// dispatching each incoming message to the `on_` method of its class, and
/// those methods (only `handle_message` when nothing comes in).
struct MessageHandlers {
    /// The message classes the methods name.
    classes: Vec<String>,
    /// What the request methods use from `base/client.py`; they also use
    /// `typing.cast`.
    helpers: Vec<String>,
    text: String,
}

fn request_method_text(method: &RequestMethod) -> String {
    let sent = method.sent.join(" | ");
    let replies = method.replies.join(" | ");
    let mut text = format!(
        "    {}\n",
        method_signature(
            &format!("async def {}", method.name),
            vec![
                pyfmt::text("self"),
                pyfmt::text(format!("message: {sent}")),
                pyfmt::text("timeout: float = 10.0"),
            ],
            &replies
        )
    );
    let type_arguments = method.replies.iter().map(pyfmt::text);
    let reply_words = method.replies.join(" or ");
    let (accept, which) = match &method.correlation {
        Some((request, reply)) => {
            let mut arguments = vec![
                pyfmt::text("message"),
                pyfmt::text(string_literal(request)),
                pyfmt::text(string_literal(reply)),
            ];
            arguments.extend(type_arguments);
            (
                pyfmt::call("correlated_replies", arguments),
                format!("the {reply_words} whose {reply} equals the request's {request}"),
            )
        }
        None => (
            pyfmt::call("replies_of", type_arguments.collect()),
            format!("the next {reply_words}"),
        ),
    };
    text.push_str(&docstring(
        &format!(
            "Send a {} and return its reply: {which}.",
            method.sent.join(" or ")
        ),
        8,
    ));
    let call = pyfmt::Doc::Group(vec![
        pyfmt::text("reply = await "),
        pyfmt::call(
            "self._request",
            vec![pyfmt::text("message"), accept, pyfmt::text("timeout")],
        ),
    ]);
    text.push_str(&format!(
        "        {}\n",
        pyfmt::print(&call, 8, LINE_LENGTH)
    ));
    let cast = pyfmt::call(
        "return cast",
        vec![pyfmt::text(&replies), pyfmt::text("reply")],
    );
    text.push_str(&format!(
        "        {}\n\n",
        pyfmt::print(&cast, 8, LINE_LENGTH)
    ));
    text
}

fn message_handlers(plan: &Plan, index: usize, pushed: &str) -> MessageHandlers {
    let channel_plan = &plan.channels[index];
    let (handlers, requests) = (&channel_plan.handlers, &channel_plan.requests);
    let mut classes: Vec<String> = Vec::new();
    let mut helpers: Vec<String> = Vec::new();
    let mut text = String::new();
    for method in requests {
        text.push_str(&request_method_text(method));
        classes.extend(method.sent.iter().chain(&method.replies).cloned());
        helpers.push(
            match method.correlation {
                Some(_) => "correlated_replies",
                None => "replies_of",
            }
            .to_string(),
        );
    }
    helpers.sort();
    helpers.dedup();
    text.push_str("    async def handle_message(self, message: IncomingMessage) -> None:\n");
    if handlers.is_empty() {
        text.push_str(&docstring(
            &format!("Handle a message {pushed}; override this to process it."),
            8,
        ));
        return MessageHandlers {
            classes,
            helpers,
            text,
        };
    }
    text.push_str(&docstring(
        &format!("Handle a message {pushed}: by default, call the `on_` method of its type."),
        8,
    ));
    text.push_str("        match message:\n");
    for (class, method) in handlers {
        text.push_str(&format!(
            "            case {class}():\n                await self.{method}(message)\n"
        ));
    }
    for (class, method) in handlers {
        text.push_str(&format!(
            "\n    {}\n",
            method_signature(
                &format!("async def {method}"),
                vec![
                    pyfmt::text("self"),
                    pyfmt::text(format!("message: {class}"))
                ],
                "None"
            )
        ));
        text.push_str(&docstring(
            &format!("Handle a {class}; override this to process it."),
            8,
        ));
    }
    classes.extend(handlers.iter().map(|(class, _)| class.clone()));
    MessageHandlers {
        classes,
        helpers,
        text,
    }
}

impl MessageHandlers {
    /// Adds `cast` to the `typing` imports when the methods use it.
    fn add_typing_imports(&self, imports: &mut Vec<String>) {
        if !self.helpers.is_empty() {
            imports.insert(0, "from typing import cast".to_string());
        }
        merge_typing_imports(imports);
    }

    /// Adds the helpers the methods use from `base/client.py`.
    fn add_base_imports(&self, imports: &mut BTreeMap<String, Vec<String>>) {
        if !self.helpers.is_empty() {
            imports
                .entry("..base.client".to_string())
                .or_default()
                .extend(self.helpers.iter().cloned());
        }
    }

    /// `from .messages import ...`: the unions and the handled classes.
    fn messages_import(&self) -> String {
        let mut names = vec!["IncomingMessage".to_string(), "OutgoingMessage".to_string()];
        names.extend(self.classes.iter().cloned());
        names.sort();
        names.dedup();
        import_lines(".messages", &names)
    }
}

/// `__init__` of a channel client whose address has path parameters or
/// whose document asks for credentials: typed keyword arguments that fill
/// the address, headers and query string.
fn init_method(
    path_params_class: Option<&str>,
    credentials: &[(String, Credential)],
) -> Option<String> {
    if path_params_class.is_none() && credentials.is_empty() {
        return None;
    }
    let mut text = String::from(
        "    def __init__(\n        self,\n        base_url: str | None = None,\n        /,\n        protocol: str = \"ws\",\n        headers: dict[str, str] | None = None,\n",
    );
    if let Some(class) = path_params_class {
        // `ruff format` breaks a too long parameter annotation before its `|`.
        let line = format!("        path_params: {class} | None = None,");
        if pyfmt::text_width(&line) <= LINE_LENGTH {
            text.push_str(&line);
        } else {
            text.push_str(&format!(
                "        path_params: {class}\n        | None = None,"
            ));
        }
        text.push('\n');
    }
    text.push_str("        reconnect: ReconnectPolicy | None = None,\n");
    let mut named_headers = Vec::new();
    let mut query = Vec::new();
    let mut extra = Vec::new();
    let mut notes = Vec::new();
    if !credentials.is_empty() {
        text.push_str("        *,\n");
    }
    for (keyword, credential) in credentials {
        match credential {
            Credential::Header(name) => {
                named_headers.push(pyfmt::text(format!("{}: {keyword}", string_literal(name))));
                notes.push(format!("{keyword}: Sent as the {name} header."));
            }
            Credential::Query(name) => {
                query.push(pyfmt::text(format!("{}: {keyword}", string_literal(name))));
                notes.push(format!("{keyword}: Sent as the {name} query parameter."));
            }
            Credential::Bearer => {
                extra.push(pyfmt::text("bearer_token=bearer_token"));
                notes.push("bearer_token: Sent as Authorization: Bearer <token>.".to_string());
            }
            Credential::Basic => {
                extra.push(pyfmt::text("username=username"));
                extra.push(pyfmt::text("password=password"));
                notes.push(
                    "username, password: Sent as Authorization: Basic <both, encoded>.".to_string(),
                );
            }
        }
        match credential {
            Credential::Basic => text.push_str(
                "        username: str | None = None,\n        password: str | None = None,\n",
            ),
            _ => text.push_str(&format!("        {keyword}: str | None = None,\n")),
        }
    }
    text.push_str("    ) -> None:\n");
    if !notes.is_empty() {
        let mut doc = String::from("Connect with the credentials the document asks for.\n\nArgs:");
        for note in &notes {
            doc.push_str("\n    ");
            doc.push_str(note);
        }
        text.push_str(&docstring(&doc, 8));
    }
    text.push_str(
        "        super().__init__(\n            base_url,\n            protocol=protocol,\n",
    );
    if credentials.is_empty() {
        text.push_str("            headers=headers,\n");
    } else {
        let mut arguments = vec![pyfmt::text("headers"), pyfmt::dict(named_headers)];
        arguments.extend(extra);
        let headers = pyfmt::Doc::Group(vec![
            pyfmt::text("headers="),
            pyfmt::call("credential_headers", arguments),
        ]);
        text.push_str(&format!(
            "            {},\n",
            pyfmt::print(&headers, 12, LINE_LENGTH)
        ));
    }
    if path_params_class.is_some() {
        text.push_str("            path_params=dict(path_params or {}),\n");
    }
    text.push_str("            reconnect=reconnect,\n");
    if !query.is_empty() {
        let query = pyfmt::Doc::Group(vec![pyfmt::text("query_params="), pyfmt::dict(query)]);
        text.push_str(&format!(
            "            {},\n",
            pyfmt::print(&query, 12, LINE_LENGTH)
        ));
    }
    text.push_str("        )\n");
    Some(text)
}

/// The keyword parameters of a topic handle's pattern, after `first`.
fn topic_signature(
    plan: &Plan,
    channel: usize,
    name: &str,
    first: &[&str],
    returns: &str,
) -> String {
    let Role::Topic { parameters, .. } = &plan.channels[channel].role else {
        unreachable!("only a topic handle has topic parameters");
    };
    let mut arguments: Vec<pyfmt::Doc> = first.iter().map(|text| pyfmt::text(*text)).collect();
    arguments.extend(
        parameters
            .iter()
            .map(|(keyword, _)| pyfmt::text(format!("{keyword}: str | int"))),
    );
    method_signature(&format!("def {name}"), arguments, returns)
}

/// `return <call>` with the topic parameters passed on, at method level.
fn topic_call(
    plan: &Plan,
    channel: usize,
    callee: &str,
    first: pyfmt::Doc,
    as_dict: bool,
) -> String {
    let Role::Topic { parameters, .. } = &plan.channels[channel].role else {
        unreachable!("only a topic handle has topic parameters");
    };
    let mut arguments = vec![first];
    if as_dict {
        let entries = parameters
            .iter()
            .map(|(keyword, placeholder)| {
                pyfmt::text(format!("{}: {keyword}", string_literal(placeholder)))
            })
            .collect();
        arguments.push(pyfmt::dict(entries));
    } else {
        arguments.extend(parameters.iter().map(|(keyword, _)| pyfmt::text(keyword)));
    }
    pyfmt::print(
        &pyfmt::call(&format!("return {callee}"), arguments),
        8,
        LINE_LENGTH,
    )
}

/// The connection client's method that hands out a topic's handle.
fn topic_method(api: &Api, plan: &Plan, channel: usize, method: &str) -> String {
    let handle = &plan.channels[channel].client_class;
    let pattern = api.channels[channel]
        .topic
        .as_ref()
        .map_or("", |topic| topic.pattern.as_str());
    format!(
        "    {}\n{}        {}",
        topic_signature(plan, channel, method, &["self"], handle),
        docstring(
            &format!("The handle of the {pattern} topic; subscribe() to receive it."),
            8
        ),
        topic_call(
            plan,
            channel,
            &format!("{handle}.attach"),
            pyfmt::text("self"),
            false
        ),
    )
}

/// `class XPathParams(TypedDict): ...`, or the functional form when a name
/// is not an identifier.
fn path_params_definition(class: &str, channel: &crate::model::Channel) -> String {
    let doc = docstring(
        &format!("Values for the placeholders of {}.", channel.address),
        4,
    );
    let identifiers = channel.parameters.iter().all(|parameter| {
        naming::is_identifier(&parameter.name)
            && !naming::KEYWORDS.contains(&parameter.name.as_str())
    });
    if identifiers {
        let fields: String = channel
            .parameters
            .iter()
            .map(|parameter| format!("    {}: str | int\n", parameter.name))
            .collect();
        format!(
            "{}\n{doc}\n{fields}",
            python::class_header(class, "TypedDict")
        )
    } else {
        let entries: Vec<String> = channel
            .parameters
            .iter()
            .map(|parameter| format!("    {}: str | int,\n", string_literal(&parameter.name)))
            .collect();
        format!(
            "{class} = TypedDict(\n    {},\n    {{\n{}    }},\n)\n",
            string_literal(class),
            entries
                .iter()
                .map(|entry| format!("    {entry}"))
                .collect::<String>()
        )
    }
}

/// Joins `from typing import ...` lines into one.
fn merge_typing_imports(lines: &mut Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    lines.retain(|line| match line.strip_prefix("from typing import ") {
        Some(rest) => {
            names.extend(rest.split(", ").map(str::to_string));
            false
        }
        None => true,
    });
    if !names.is_empty() {
        lines.insert(0, import_lines("typing", &names));
    }
}

#[derive(Serialize)]
struct ChannelInitView {
    docstring: String,
    imports: Vec<String>,
    exports: Vec<String>,
}

fn channel_init_view(api: &Api, plan: &Plan, index: usize) -> ChannelInitView {
    let mut from_client = vec![plan.channels[index].client_class.clone()];
    from_client.extend(plan.channels[index].path_params_class.clone());
    let messages = channel_exports(plan, index);
    let imports = vec![
        import_lines(".client", &from_client),
        import_lines(".messages", &messages),
    ];
    let mut exports = messages;
    exports.extend(from_client);
    all_order(&mut exports);
    ChannelInitView {
        docstring: docstring(
            &format!(
                "The {} channel: its client and its messages.",
                api.channels[index].key
            ),
            0,
        ),
        imports,
        exports: exports.iter().map(|name| string_literal(name)).collect(),
    }
}

#[derive(Serialize)]
struct ReadmeView {
    title: String,
    description: Option<String>,
    version: String,
    package: String,
    channels: Vec<ReadmeChannel>,
    example: ReadmeChannel,
    /// The first topic handle, for the topics example, and the pieces of
    /// that example laid out as `ruff format` would.
    topic_example: Option<ReadmeTopic>,
    topic_connection: Option<ReadmeChannel>,
    topic_imports: String,
    topic_handle_header: String,
    topic_connection_header: String,
    topic_attach: String,
    parameterized: Option<ReadmePathExample>,
    /// `class MyXClient(XClient):`, wrapped as ruff would.
    example_header: String,
    /// `from package.module import XClient`, wrapped as ruff would.
    example_import: String,
    /// Arguments for the example's constructor: the document's first server.
    host: String,
    protocol: Option<String>,
}

/// The README's example of a channel with path parameters.
#[derive(Serialize)]
struct ReadmePathExample {
    import: String,
    channel: ReadmeChannel,
}

#[derive(Serialize, Clone)]
struct ReadmeChannel {
    key: String,
    module: String,
    client_class: String,
    address: String,
    /// The address with every placeholder filled with `example`.
    example_address: String,
    description: Option<String>,
    parameters: Vec<String>,
    path_params: String,
    incoming: Vec<String>,
    outgoing: Vec<String>,
    /// `Message`: `header`, ... for messages with headers.
    headers: Vec<String>,
    /// `Message` at `location` for messages with a correlation id.
    correlation_ids: Vec<String>,
    /// For a topic handle: its pattern and how the connection hands it out.
    topic: Option<ReadmeTopic>,
    /// For a connection client: how it hands out each topic's handle.
    topics: Vec<ReadmeTopic>,
    /// `on_pong(PongMessage)` per incoming message class.
    handlers: Vec<String>,
    /// `request_ping(PingMessage) → PongMessage` per request with a reply.
    requests: Vec<String>,
    /// `` `x_api_key=` (header `X-Api-Key`) `` per credential argument.
    credentials: Vec<String>,
}

#[derive(Serialize, Clone)]
struct ReadmeTopic {
    pattern: String,
    connection_module: String,
    connection_class: String,
    handle_module: String,
    handle_class: String,
    /// `room_topic(room_id)`
    method: String,
    /// `room_id="example"`, for an example call.
    example_arguments: Vec<String>,
}

fn readme_topic(api: &Api, plan: &Plan, handle: usize) -> Option<ReadmeTopic> {
    let Role::Topic {
        connection,
        parameters,
    } = &plan.channels[handle].role
    else {
        return None;
    };
    let Role::Connection { topics } = &plan.channels[*connection].role else {
        return None;
    };
    let method = topics
        .iter()
        .find(|(channel, _)| *channel == handle)
        .map(|(_, method)| method.clone())?;
    let keywords: Vec<&str> = parameters
        .iter()
        .map(|(keyword, _)| keyword.as_str())
        .collect();
    Some(ReadmeTopic {
        pattern: api.channels[handle].topic.as_ref()?.pattern.clone(),
        connection_module: plan.channels[*connection].module.clone(),
        connection_class: plan.channels[*connection].client_class.clone(),
        handle_module: plan.channels[handle].module.clone(),
        handle_class: plan.channels[handle].client_class.clone(),
        method: format!("{method}({})", keywords.join(", ")),
        example_arguments: keywords
            .iter()
            .map(|keyword| format!("{keyword}=\"example\""))
            .collect(),
    })
}

/// `` `Class`: note `` for each message of a channel that `note` has something to say about.
fn message_notes(
    api: &Api,
    plan: &Plan,
    channel: &crate::model::Channel,
    note: impl Fn(&crate::model::Message) -> Option<String>,
) -> Vec<String> {
    let mut notes: Vec<String> = channel
        .incoming
        .iter()
        .chain(&channel.outgoing)
        .filter_map(|id| {
            let message = &api.messages[id.0];
            note(message).map(|text| format!("`{}`: {text}", plan.class_names[message.schema.0]))
        })
        .collect();
    notes.sort();
    notes.dedup();
    notes
}

fn readme_channel(api: &Api, plan: &Plan, index: usize) -> ReadmeChannel {
    let channel_plan = &plan.channels[index];
    let names = |ids: &[SchemaId]| {
        ids.iter()
            .map(|id| plan.class_names[id.0].clone())
            .collect()
    };
    let channel = &api.channels[index];
    ReadmeChannel {
        key: without_control_characters(&channel.key),
        module: channel_plan.module.clone(),
        client_class: channel_plan.client_class.clone(),
        address: without_control_characters(&channel.address),
        // Shown in a Python comment of the README's example: a line break
        // or carriage return from the document must not end it.
        example_address: without_control_characters(
            &channel
                .parameters
                .iter()
                .fold(channel.address.clone(), |address, parameter| {
                    address.replace(&format!("{{{}}}", parameter.name), "example")
                }),
        ),
        description: channel
            .description
            .as_ref()
            .map(|text| without_control_characters(&text.lines().collect::<Vec<_>>().join(" "))),
        parameters: channel
            .parameters
            .iter()
            .map(|parameter| parameter.name.clone())
            .collect(),
        path_params: channel
            .parameters
            .iter()
            .map(|parameter| format!("{}: \"example\"", string_literal(&parameter.name)))
            .collect::<Vec<_>>()
            .join(", "),
        incoming: names(&channel_plan.incoming),
        outgoing: names(&channel_plan.outgoing),
        headers: message_notes(api, plan, channel, |message| {
            (!message.headers.is_empty()).then(|| {
                message
                    .headers
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        }),
        correlation_ids: message_notes(api, plan, channel, |message| {
            message
                .correlation_id
                .as_ref()
                .map(|location| format!("at `{location}`"))
        }),
        topic: readme_topic(api, plan, index),
        handlers: channel_plan
            .handlers
            .iter()
            .map(|(class, method)| format!("{method}({class})"))
            .collect(),
        credentials: channel_plan
            .credentials
            .iter()
            .map(|(keyword, credential)| match credential {
                Credential::Header(name) => format!("`{keyword}=` (header `{name}`)"),
                Credential::Query(name) => format!("`{keyword}=` (query `{name}`)"),
                Credential::Bearer => "`bearer_token=` (`Authorization: Bearer`)".to_string(),
                Credential::Basic => {
                    "`username=`, `password=` (`Authorization: Basic`)".to_string()
                }
            })
            .collect(),
        requests: channel_plan
            .requests
            .iter()
            .map(|method| {
                format!(
                    "{}({}) → {}",
                    method.name,
                    method.sent.join(" | "),
                    method.replies.join(" | ")
                )
            })
            .collect(),
        topics: match &channel_plan.role {
            Role::Connection { topics } => topics
                .iter()
                .filter_map(|(channel, _)| readme_topic(api, plan, *channel))
                .collect(),
            _ => Vec::new(),
        },
    }
}

fn readme_view(api: &Api, plan: &Plan, options: &GenerateOptions) -> ReadmeView {
    let mut channels: Vec<ReadmeChannel> = (0..plan.channels.len())
        .map(|index| readme_channel(api, plan, index))
        .collect();
    channels.sort_by(|a, b| a.module.cmp(&b.module));
    // The example uses the channel with the most to show: it can both send
    // and receive. Topic handles are not clients of their own.
    let clients: Vec<&ReadmeChannel> = channels
        .iter()
        .filter(|channel| channel.topic.is_none())
        .collect();
    let example = clients
        .iter()
        .find(|channel| !channel.incoming.is_empty() && !channel.outgoing.is_empty())
        .or(clients.first())
        .map_or_else(|| channels[0].clone(), |channel| (*channel).clone());
    let topic_example = channels.iter().find_map(|channel| channel.topic.clone());
    let parameterized = clients
        .iter()
        .find(|channel| !channel.parameters.is_empty())
        .map(|channel| ReadmePathExample {
            import: import_lines(
                &format!("{}.{}", options.package_name, channel.module),
                std::slice::from_ref(&channel.client_class),
            ),
            channel: (*channel).clone(),
        });
    let (host, protocol) = match &api.server {
        Some((host, protocol)) => (host.clone(), (protocol == "wss").then(|| "wss".to_string())),
        None => ("localhost:8000".to_string(), None),
    };
    let topic_imports = topic_example.as_ref().map_or_else(String::new, |topic| {
        let package = &options.package_name;
        module_import_lines(&BTreeMap::from([
            (
                format!("{package}.{}", topic.connection_module),
                vec![topic.connection_class.clone()],
            ),
            (
                format!("{package}.{}", topic.handle_module),
                vec![topic.handle_class.clone(), "IncomingMessage".to_string()],
            ),
        ]))
    });
    let topic_connection = topic_example.as_ref().and_then(|topic| {
        channels
            .iter()
            .find(|channel| channel.client_class == topic.connection_class)
            .cloned()
    });
    let (topic_handle_header, topic_connection_header, topic_attach) = topic_example
        .as_ref()
        .map(|topic| {
            let mut arguments = vec![pyfmt::text("self")];
            arguments.extend(topic.example_arguments.iter().map(pyfmt::text));
            let attach = pyfmt::Doc::Group(vec![
                pyfmt::text("topic = "),
                pyfmt::call("MyTopic.attach", arguments),
            ]);
            (
                python::class_header("MyTopic", &topic.handle_class),
                python::class_header("MyConnection", &topic.connection_class),
                format!("        {}", pyfmt::print(&attach, 8, LINE_LENGTH)),
            )
        })
        .unwrap_or_default();
    ReadmeView {
        example_import: import_lines(
            &format!("{}.{}", options.package_name, example.module),
            std::slice::from_ref(&example.client_class),
        ),
        topic_example,
        topic_connection,
        topic_imports,
        topic_handle_header,
        topic_connection_header,
        topic_attach,
        example_header: python::class_header(
            &format!("My{}", example.client_class),
            &example.client_class,
        ),
        host: string_literal(&host),
        protocol,
        parameterized,
        title: without_control_characters(&api.title),
        description: api.description.clone(),
        version: without_control_characters(&api.version),
        package: options.package_name.clone(),
        channels,
        example,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_text_has_no_trailing_spaces_and_one_final_newline() {
        for (text, expected) in [
            ("", "\n"),
            ("\n", "\n"),
            ("a\nb\n", "a\nb\n"),
            ("a\nb", "a\nb\n"),
            ("a \n\tb\t\n", "a\n\tb\n"),
            ("a\n\n\n", "a\n"),
            ("a\n \nb\n", "a\n\nb\n"),
            ("a\r\nb\u{a0}\n", "a\nb\n"),
            ("x = 1\n\n\ny = 2\n", "x = 1\n\n\ny = 2\n"),
        ] {
            assert_eq!(normalize(text.to_string()), expected, "{text:?}");
        }
    }

    #[test]
    fn templates_compile_once_per_process() {
        let schema = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join("chanx")
            .join("showcase.json");
        let options = GenerateOptions {
            server: None,
            readme: true,
            package_name: "showcase".to_string(),
            perspective: crate::options::Perspective::Server,
            with_tests: true,
        };
        let limits = crate::load::Limits::default();
        for _ in 0..3 {
            let document =
                crate::load::load(&crate::load::Location::File(schema.clone()), &limits).unwrap();
            let (_, tree) = crate::generate(document, &options, &limits).unwrap();
            assert!(tree.files().len() > 20);
        }
        assert_eq!(COMPILATIONS.load(Ordering::Relaxed), 1);
    }
}
