//! The messages modules: a model class per schema, with its fields, type
//! hints, defaults and runtime checks, and the unions of a channel's
//! incoming and outgoing messages.

use std::collections::HashMap;

use serde::Serialize;

use crate::layout::Plan;
use crate::model::{Api, Field, JsonValue, SchemaCheck, SchemaId, SchemaKind, TypeExpr};
use crate::pyfmt::{self, Doc};
use crate::python::{self, docstring, string_literal, type_hint, Import, Names, LINE_LENGTH};

use super::{alias_assignment, all_order, import_lines};

#[derive(Serialize)]
pub(super) struct MessagesView {
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
pub(super) struct DefinitionView {
    /// `class X(BaseModel):` or, for an alias, the whole assignment.
    header: String,
    is_class: bool,
    docstring: Option<String>,
    fields: Vec<String>,
}

/// Tracks what a module's code needs imported.
#[derive(Default)]
pub(super) struct Imports {
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

pub(super) fn messages_view(
    api: &Api,
    plan: &Plan,
    channel: Option<usize>,
    summary: &str,
) -> MessagesView {
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
pub(super) fn channel_exports(plan: &Plan, index: usize) -> Vec<String> {
    let channel_plan = &plan.channels[index];
    let mut names = class_names(plan, &channel_plan.shared);
    names.extend(class_names(plan, &channel_plan.defined));
    names.extend(["IncomingMessage".to_string(), "OutgoingMessage".to_string()]);
    all_order(&mut names);
    names
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
    let own = ty.own_constraints().iter().any(|constraint| {
        matches!(
            constraint.value,
            crate::model::ConstraintValue::Pattern {
                rust_syntax: false,
                ..
            }
        )
    });
    let through_alias = match ty {
        TypeExpr::Schema(id) => match &api.schemas[id.0].kind {
            SchemaKind::Alias(ty) => Some(ty),
            SchemaKind::Root(_) | SchemaKind::Object { .. } => None,
        },
        _ => None,
    };
    own || ty
        .parts()
        .iter()
        .chain(through_alias)
        .any(|part| needs_python_re(api, part, depth + 1))
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
