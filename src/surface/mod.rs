//! Surface: what client code can depend on, as plain data the manifest
//! records: per channel the client class, its constructor's arguments, the
//! messages it sends and receives, its handlers, request methods and topic
//! handles; per model class its module and its fields with their Python
//! names, types, required-ness and defaults.
//!
//! [`compare`] tells two surfaces apart, change by change, from the point of
//! view of code that calls the client. Channels are matched by their key in
//! the document, fields by their JSON name and requests by their operation,
//! so a Python name that moved shows as a rename.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::layout::{Plan, Role};
use crate::model::{Api, ConstraintValue, Format, Scalar, SchemaId, SchemaKind, TypeExpr};

mod compare;
mod types;

pub use compare::{compare, ApiChange, ChangeKind};

/// The version of the surface's layout in the manifest; a manifest with
/// another cannot be compared.
pub const SURFACE_FORMAT: u32 = 1;

/// The module name a model has when several channels share it.
pub const SHARED_MODULE: &str = "shared";

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct ApiSurface {
    pub format: u32,
    /// By channel key.
    pub clients: BTreeMap<String, ClientSurface>,
    /// By class name, which is unique in a package.
    pub models: BTreeMap<String, ModelSurface>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct ClientSurface {
    pub module: String,
    pub class: String,
    /// The keys of the path parameters' `TypedDict`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub path_parameters: Vec<String>,
    /// The constructor's credential keywords.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credentials: Vec<String>,
    /// Message classes, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sends: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub receives: Vec<String>,
    /// Per received class, its `on_` method.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub handlers: BTreeMap<String, String>,
    /// By operation key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub requests: BTreeMap<String, RequestSurface>,
    /// On a connection: per topic channel key, the method that hands out its handle.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub topics: BTreeMap<String, String>,
    /// On a topic handle: its connection and `attach`'s keywords.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<TopicSurface>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct RequestSurface {
    pub method: String,
    pub sends: Vec<String>,
    pub replies: Vec<String>,
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct TopicSurface {
    /// The channel key of the connection's client.
    pub connection: String,
    pub parameters: Vec<String>,
}

/// A model class (`fields`), a root model (`root`) or a type alias (`alias`).
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, Default)]
#[serde(deny_unknown_fields)]
pub struct ModelSurface {
    pub module: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fields: Option<Fields>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root: Option<Ty>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alias: Option<Ty>,
}

/// A model's fields by JSON name, sorted, recorded as a JSON object. A
/// sorted list rather than a map: a surface holds tens of thousands of
/// models with a few fields each, and a map's nodes would be mostly empty.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fields(Vec<(String, FieldSurface)>);

impl Fields {
    pub fn get(&self, json_name: &str) -> Option<&FieldSurface> {
        self.0
            .binary_search_by(|(name, _)| name.as_str().cmp(json_name))
            .ok()
            .map(|index| &self.0[index].1)
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(name, _)| name)
    }

    pub fn values(&self) -> impl Iterator<Item = &FieldSurface> {
        self.0.iter().map(|(_, field)| field)
    }
}

impl FromIterator<(String, FieldSurface)> for Fields {
    /// Of fields with the same JSON name, the last is kept, as in a map.
    fn from_iter<I: IntoIterator<Item = (String, FieldSurface)>>(fields: I) -> Fields {
        let mut fields: Vec<_> = fields.into_iter().collect();
        fields.reverse();
        fields.sort_by(|(one, _), (other, _)| one.cmp(other));
        fields.dedup_by(|(later, _), (earlier, _)| later == earlier);
        Fields(fields)
    }
}

impl Serialize for Fields {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(name, field)| (name, field)))
    }
}

impl<'de> Deserialize<'de> for Fields {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Fields, D::Error> {
        BTreeMap::<String, FieldSurface>::deserialize(deserializer)
            .map(|fields| Fields(fields.into_iter().collect()))
    }
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FieldSurface {
    /// The Python attribute name.
    pub name: String,
    /// The schema's type; a field neither required nor defaulted is also `None`.
    #[serde(rename = "type")]
    pub ty: Ty,
    #[serde(default, skip_serializing_if = "is_false")]
    pub required: bool,
    /// The default as JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<String>,
}

impl FieldSurface {
    /// Whether the constructor needs a value for it.
    pub fn needed_to_construct(&self) -> bool {
        self.required && self.default.is_none()
    }

    /// Whether a received value may leave it `None`.
    pub fn may_be_none(&self) -> bool {
        !self.required && self.default.is_none()
    }
}

fn is_false(value: &bool) -> bool {
    !value
}

/// A Python type, as far as callers see it.
#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Ty {
    Any,
    /// No value at all (the JSON Schema `false`).
    Never,
    Str,
    Int,
    Float,
    Bool,
    None,
    Datetime,
    Date,
    Time,
    Uuid,
    Ipv4,
    Ipv6,
    List(Box<Ty>),
    Dict(Box<Ty>),
    Tuple(Vec<Ty>),
    Literal(Vec<Literal>),
    Union(Vec<Ty>),
    Model(String),
    /// A type with validation keywords: keyword → value (`pattern`,
    /// `max_length`…), and `check` → a digest of a runtime schema check.
    Constrained(Box<Ty>, BTreeMap<String, String>),
}

#[derive(Serialize, Deserialize, Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
#[serde(untagged)]
pub enum Literal {
    Bool(bool),
    Int(i64),
    Str(String),
}

impl Ty {
    /// The type as a Python annotation reads, for messages.
    pub fn python(&self) -> String {
        let join = |items: &[Ty], separator: &str| {
            items
                .iter()
                .map(Ty::python)
                .collect::<Vec<_>>()
                .join(separator)
        };
        match self {
            Ty::Any => "Any".to_string(),
            Ty::Never => "NoReturn".to_string(),
            Ty::Str => "str".to_string(),
            Ty::Int => "int".to_string(),
            Ty::Float => "float".to_string(),
            Ty::Bool => "bool".to_string(),
            Ty::None => "None".to_string(),
            Ty::Datetime => "datetime".to_string(),
            Ty::Date => "date".to_string(),
            Ty::Time => "time".to_string(),
            Ty::Uuid => "UUID".to_string(),
            Ty::Ipv4 => "IPv4Address".to_string(),
            Ty::Ipv6 => "IPv6Address".to_string(),
            Ty::List(item) => format!("list[{}]", item.python()),
            Ty::Dict(value) => format!("dict[str, {}]", value.python()),
            Ty::Tuple(items) if items.is_empty() => "tuple[()]".to_string(),
            Ty::Tuple(items) => format!("tuple[{}]", join(items, ", ")),
            Ty::Literal(values) => format!(
                "Literal[{}]",
                values
                    .iter()
                    .map(Literal::python)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Ty::Union(members) => join(members, " | "),
            Ty::Model(name) => name.clone(),
            Ty::Constrained(ty, constraints) => {
                let constraints: Vec<String> = constraints
                    .iter()
                    .map(|(keyword, value)| format!("{keyword}={value}"))
                    .collect();
                format!("{} ({})", ty.python(), constraints.join(", "))
            }
        }
    }
}

impl Literal {
    pub fn python(&self) -> String {
        match self {
            Literal::Bool(true) => "True".to_string(),
            Literal::Bool(false) => "False".to_string(),
            Literal::Int(int) => int.to_string(),
            Literal::Str(text) => crate::python::string_literal(text),
        }
    }
}

/// The surface an output folder's manifest records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum RecordedSurface {
    /// The folder has no manifest chanx can read: the Python generator, or
    /// no generator, wrote it.
    #[default]
    NoManifest,
    /// The manifest predates the surface.
    NotRecorded,
    /// The manifest's surface is in a layout this version does not read.
    Unreadable,
    Surface(ApiSurface),
}

impl RecordedSurface {
    /// The `api` entry of a manifest, as JSON text, if it has one.
    pub fn from_manifest(api: Option<&str>) -> RecordedSurface {
        match api {
            None => RecordedSurface::NotRecorded,
            Some(json) => match serde_json::from_str::<ApiSurface>(json) {
                Ok(surface) if surface.format == SURFACE_FORMAT => {
                    RecordedSurface::Surface(surface)
                }
                _ => RecordedSurface::Unreadable,
            },
        }
    }
}

/// What the report says about a client's API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiReport {
    Changes(Vec<ApiChange>),
    /// Why the changes cannot be told.
    CannotTell(String),
}

impl ApiReport {
    /// The changes from what the folder records to `after`.
    pub fn between(recorded: &RecordedSurface, after: &ApiSurface) -> ApiReport {
        let why = match recorded {
            RecordedSurface::Surface(before) => return ApiReport::Changes(compare(before, after)),
            RecordedSurface::NoManifest => "the folder has no chanx manifest",
            RecordedSurface::NotRecorded => {
                "its manifest records no API surface (an older chanx wrote it)"
            }
            RecordedSurface::Unreadable => {
                "its manifest records the API surface in a layout this chanx does not read"
            }
        };
        ApiReport::CannotTell(format!(
            "cannot tell which changes break callers: {why}; the next generate-client records it"
        ))
    }

    pub fn breaking(&self) -> usize {
        match self {
            ApiReport::Changes(changes) => changes.iter().filter(|change| change.breaking).count(),
            ApiReport::CannotTell(_) => 0,
        }
    }
}

/// The surface of the package `plan` lays out for `api`.
pub fn of(api: &Api, plan: &Plan) -> ApiSurface {
    let class = |id: &SchemaId| plan.class_names[id.0].clone();
    let mut module_of: BTreeMap<SchemaId, &str> =
        plan.shared.iter().map(|id| (*id, SHARED_MODULE)).collect();
    for channel_plan in &plan.channels {
        for id in &channel_plan.defined {
            module_of.insert(*id, channel_plan.module.as_str());
        }
    }
    let models = module_of
        .iter()
        .map(|(id, module)| (class(id), model_surface(api, plan, *id, module)))
        .collect();
    let clients = api
        .channels
        .iter()
        .zip(&plan.channels)
        .map(|(channel, channel_plan)| {
            let classes = |ids: &[SchemaId]| {
                let mut names: Vec<String> = ids.iter().map(class).collect();
                names.sort();
                names
            };
            let mut client = ClientSurface {
                module: channel_plan.module.clone(),
                class: channel_plan.client_class.clone(),
                path_parameters: channel
                    .parameters
                    .iter()
                    .map(|parameter| parameter.name.clone())
                    .collect(),
                credentials: channel_plan
                    .credentials
                    .iter()
                    .map(|(keyword, _)| keyword.clone())
                    .collect(),
                sends: classes(&channel_plan.outgoing),
                receives: classes(&channel_plan.incoming),
                handlers: channel_plan.handlers.iter().cloned().collect(),
                requests: sorted_operations(channel)
                    .into_iter()
                    .zip(&channel_plan.requests)
                    .map(|(operation, method)| {
                        let request = RequestSurface {
                            method: method.name.clone(),
                            sends: method.sent.clone(),
                            replies: method.replies.clone(),
                        };
                        (operation, request)
                    })
                    .collect(),
                topics: BTreeMap::new(),
                topic: None,
            };
            client.credentials.sort();
            match &channel_plan.role {
                Role::Plain => {}
                Role::Connection { topics } => {
                    client.topics = topics
                        .iter()
                        .map(|(index, method)| (api.channels[*index].key.clone(), method.clone()))
                        .collect();
                }
                Role::Topic {
                    connection,
                    parameters,
                } => {
                    client.topic = Some(TopicSurface {
                        connection: api.channels[*connection].key.clone(),
                        parameters: parameters
                            .iter()
                            .map(|(_, keyword)| keyword.clone())
                            .collect(),
                    });
                    // A handle is attached, never constructed.
                    client.path_parameters.clear();
                }
            }
            (channel.key.clone(), client)
        })
        .collect();
    ApiSurface {
        format: SURFACE_FORMAT,
        clients,
        models,
    }
}

/// The keys of the channel's operations with a reply, sorted as the
/// channel's plan lists their methods.
fn sorted_operations(channel: &crate::model::Channel) -> Vec<String> {
    let mut operations: Vec<String> = channel
        .requests
        .iter()
        .map(|request| request.operation.clone())
        .collect();
    operations.sort();
    operations
}

fn model_surface(api: &Api, plan: &Plan, id: SchemaId, module: &str) -> ModelSurface {
    let mut model = ModelSurface {
        module: module.to_string(),
        ..ModelSurface::default()
    };
    match &api.schemas[id.0].kind {
        SchemaKind::Object { fields, .. } => {
            model.fields = Some(
                fields
                    .iter()
                    .zip(&plan.field_names[id.0])
                    .map(|(field, name)| {
                        (
                            field.json_name.clone(),
                            FieldSurface {
                                name: name.clone(),
                                ty: ty_of(&field.ty, plan),
                                required: field.required,
                                default: field.default.as_ref().map(|value| value.to_json()),
                            },
                        )
                    })
                    .collect(),
            );
        }
        SchemaKind::Root(ty) => model.root = Some(ty_of(ty, plan)),
        SchemaKind::Alias(ty) => model.alias = Some(ty_of(ty, plan)),
    }
    model
}

fn ty_of(ty: &TypeExpr, plan: &Plan) -> Ty {
    let all = |types: &[TypeExpr]| types.iter().map(|ty| ty_of(ty, plan)).collect();
    match ty {
        TypeExpr::Any => Ty::Any,
        TypeExpr::Nothing => Ty::Never,
        TypeExpr::Str => Ty::Str,
        TypeExpr::Int => Ty::Int,
        TypeExpr::Float => Ty::Float,
        TypeExpr::Bool => Ty::Bool,
        TypeExpr::Null => Ty::None,
        TypeExpr::List(item) => Ty::List(Box::new(ty_of(item, plan))),
        TypeExpr::Map(value) => Ty::Dict(Box::new(ty_of(value, plan))),
        TypeExpr::Literal(values) => Ty::Literal(
            values
                .iter()
                .map(|value| match value {
                    Scalar::Str(text) => Literal::Str(text.clone()),
                    Scalar::Int(int) => Literal::Int(*int),
                    Scalar::Bool(flag) => Literal::Bool(*flag),
                })
                .collect(),
        ),
        TypeExpr::Union(members) | TypeExpr::Discriminated { members, .. } => {
            Ty::Union(all(members))
        }
        TypeExpr::Schema(id) => Ty::Model(plan.class_names[id.0].clone()),
        TypeExpr::Tuple(items) => Ty::Tuple(all(items)),
        TypeExpr::Format(format) => match format {
            Format::DateTime => Ty::Datetime,
            Format::Date => Ty::Date,
            Format::Time => Ty::Time,
            Format::Uuid => Ty::Uuid,
            Format::Ipv4 => Ty::Ipv4,
            Format::Ipv6 => Ty::Ipv6,
        },
        TypeExpr::Constrained(inner, constraints) => Ty::Constrained(
            Box::new(ty_of(inner, plan)),
            constraints
                .iter()
                .fold(BTreeMap::new(), |mut found, constraint| {
                    let (keyword, value) = match &constraint.value {
                        ConstraintValue::Number(number) => (constraint.keyword, number.clone()),
                        ConstraintValue::Pattern { text, .. } => (constraint.keyword, text.clone()),
                        ConstraintValue::Schema(check) => ("check", check_digest(check.key())),
                    };
                    found
                        .entry(keyword.to_string())
                        .and_modify(|known: &mut String| {
                            known.push(',');
                            known.push_str(&value);
                        })
                        .or_insert(value);
                    found
                }),
        ),
    }
}

/// A short digest of a runtime check, which changes when the check does.
fn check_digest(key: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(key.as_bytes())[..8]
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(name: &str) -> FieldSurface {
        FieldSurface {
            name: name.to_string(),
            ty: Ty::Str,
            required: true,
            default: None,
        }
    }

    #[test]
    fn fields_are_sorted_by_json_name_and_recorded_as_an_object() {
        let fields: Fields = [
            ("zeta".to_string(), field("zeta")),
            ("alpha".to_string(), field("first")),
            ("alpha".to_string(), field("alpha")),
        ]
        .into_iter()
        .collect();
        assert_eq!(fields.keys().collect::<Vec<_>>(), ["alpha", "zeta"]);
        assert_eq!(fields.get("alpha").map(|f| f.name.as_str()), Some("alpha"));
        assert_eq!(fields.get("beta"), None);

        let json = serde_json::to_string(&fields).unwrap();
        assert_eq!(
            json,
            r#"{"alpha":{"name":"alpha","type":"str","required":true},"zeta":{"name":"zeta","type":"str","required":true}}"#
        );
        let read: Fields = serde_json::from_str(&json).unwrap();
        assert_eq!(read, fields);
    }
}
