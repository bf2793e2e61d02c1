//! Model: the plain-data intermediate representation of what a client needs.
//!
//! Channels (address, path parameters), per channel the messages the client
//! sends and receives, and the graph of schemas behind those messages.
//! Schemas refer to one another by [`SchemaId`], so recursive schemas are
//! just ids that point back. Nothing here knows Python.

use std::collections::HashSet;
use std::hash::BuildHasher;
use std::sync::atomic::AtomicUsize;
use std::sync::Arc;

use crate::options::Perspective;
use crate::resolve::{Documents, NodeAddress, NodeKey, ResolveError};
use crate::value::{Object, Value};

mod builder;
mod check;
mod constraints;
mod document;
mod operations;
mod parallel;
mod schema;
#[cfg(test)]
mod tests;

pub use schema::{discriminator, union_of};

/// Deepest nesting of inline schemas accepted; deeper documents are refused.
pub const MAX_SCHEMA_DEPTH: usize = 128;

/// The property a union's members are told apart by when none is named:
/// `action` (chanx's), else the first by name that qualifies.
pub const PREFERRED_DISCRIMINATOR: &str = "action";

/// Longest `prefixItems` of a closed array (`items: false`) typed as a union
/// of tuples, one per length; a longer one is a list of any values.
const MAX_CLOSED_TUPLE: usize = 8;

/// Most fields over all models of a client. `allOf` copies every field of
/// the schemas it includes into each model that includes them, so a small
/// document can ask for far more.
pub const MAX_FIELDS: usize = 500_000;

/// Most messages over all channels of a client, a message counted once per
/// channel that sends or receives it. Channels at one address share their
/// connection, so each one receives what any of them receives.
pub const MAX_CHANNEL_MESSAGES: usize = 250_000;

/// The most JSON values one runtime schema check may hold, with the schemas
/// it refers to; a larger one is left out with a warning.
pub const MAX_CHECK_VALUES: usize = 20_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SchemaId(pub usize);

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MessageId(pub usize);

/// Everything the generator needs from a document.
#[derive(Debug, Clone)]
pub struct Api {
    pub title: String,
    pub version: String,
    pub description: Option<String>,
    /// The first server's host (with port) and protocol, if the document names one.
    pub server: Option<(String, String)>,
    pub counts: Counts,
    pub channels: Vec<Channel>,
    pub messages: Vec<Message>,
    pub schemas: Vec<Schema>,
    /// Messages whose payload is in a format other than JSON Schema (Avro,
    /// Protobuf…), typed as any JSON value.
    pub foreign_payloads: Vec<ForeignPayload>,
    /// What the document asks for that the client leaves out, each naming
    /// its place: a `default` its own schema does not allow.
    pub warnings: Vec<String>,
}

/// A message whose payload chanx cannot read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignPayload {
    /// The message, located in its document.
    pub at: String,
    pub message: String,
    pub format: String,
}

impl ForeignPayload {
    pub fn warning(&self) -> String {
        format!(
            "{}: message {:?} uses schemaFormat {:?}, which chanx does not read; its payload is typed as any JSON value",
            self.at, self.message, self.format
        )
    }

    pub fn refusal(&self) -> String {
        format!(
            "{}: message {:?} uses schemaFormat {:?}, which chanx does not read (--strict-formats refuses it)",
            self.at, self.message, self.format
        )
    }
}

/// Sizes of the document, for the summary the CLI prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub channels: usize,
    pub operations: usize,
    pub schemas: usize,
}

#[derive(Debug, Clone)]
pub struct Channel {
    /// The key under `channels`: the channel's stable identity.
    pub key: String,
    pub title: Option<String>,
    pub address: String,
    pub description: Option<String>,
    pub parameters: Vec<Parameter>,
    /// What the server sends: `action: send` operations and replies to `receive`.
    pub incoming: Vec<MessageId>,
    /// What the client sends: `action: receive` operations and replies to `send`.
    pub outgoing: Vec<MessageId>,
    /// The chanx topic (`x-topic`) the channel describes, if it is one.
    pub topic: Option<Topic>,
    /// Operations the client sends whose reply comes back on the same
    /// connection, in the order of the document.
    pub requests: Vec<Request>,
    /// What the client sends to authenticate, sorted.
    pub credentials: Vec<Credential>,
}

/// A credential the connection carries, as the document's security schemes
/// and WebSocket bindings ask for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Credential {
    /// A header: an `httpApiKey` in the header, or a `bindings.ws.headers` property.
    Header(String),
    /// A query parameter: an `httpApiKey` in the query, or a `bindings.ws.query` property.
    Query(String),
    /// `Authorization: Bearer`: `http` with the bearer scheme, `oauth2`, `openIdConnect`.
    Bearer,
    /// `Authorization: Basic`: `http` with the basic scheme, `userPassword`.
    Basic,
}

/// An operation the client sends, and the replies it declares.
#[derive(Debug, Clone)]
pub struct Request {
    /// The operation's key under `operations`.
    pub operation: String,
    pub sent: Vec<MessageId>,
    pub replies: Vec<MessageId>,
}

/// A chanx topic: a stream addressed per frame on a connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Topic {
    /// `x-topic.name`, which names the connection client's method.
    pub name: String,
    /// `room:{room_name}`: the topic string, with placeholders.
    pub pattern: String,
    /// The pattern's placeholders, in order of first appearance.
    pub parameters: Vec<String>,
}

impl Topic {
    /// The placeholders of a chanx topic pattern: `{` word characters `}`,
    /// as chanx itself reads them.
    pub fn placeholders(pattern: &str) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            rest = &rest[open + 1..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if end > 0 && rest[end..].starts_with('}') {
                let name = &rest[..end];
                if !names.iter().any(|known| known == name) {
                    names.push(name.to_string());
                }
            }
        }
        names
    }
}

#[derive(Debug, Clone)]
pub struct Parameter {
    pub name: String,
    pub description: Option<String>,
}

/// A message; its payload is always a model class ([`Schema`]).
#[derive(Debug, Clone)]
pub struct Message {
    pub source: NodeKey,
    pub schema: SchemaId,
    /// Names of the properties of the message's `headers` schema.
    pub headers: Vec<String>,
    /// The `correlationId` location (a runtime expression), if any.
    pub correlation_id: Option<String>,
    /// The message's `examples` that have a payload.
    pub examples: Vec<Example>,
}

/// A message example: its name and its payload as JSON, keys sorted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub name: String,
    pub payload: String,
}

/// A schema that becomes a named Python definition.
#[derive(Debug, Clone)]
pub struct Schema {
    pub source: NodeKey,
    /// The name the document suggests (title, component key, or a derived one).
    pub name_hint: String,
    pub description: Option<String>,
    /// `examples` (and `example`), as compact JSON.
    pub examples: Vec<String>,
    pub deprecated: bool,
    pub kind: SchemaKind,
    /// What the model class checks of each JSON value beyond its fields.
    pub check: Option<Arc<SchemaCheck>>,
}

impl Schema {
    /// What the schema weighs against [`MAX_FIELDS`]: its fields and the
    /// runtime checks it holds.
    fn weight(&self) -> usize {
        self.kind.weight() + self.check.as_ref().map_or(0, |check| check.values)
    }
}

/// A JSON Schema that generated code checks each JSON value against, for
/// keywords no Python type expresses (`not`, `contains`,
/// `unevaluatedProperties`…). Its `$ref`s read `#r0`, `#r1`…, naming `refs`.
#[derive(Debug, Clone)]
pub struct SchemaCheck {
    pub schema: JsonValue,
    pub refs: Vec<(String, JsonValue)>,
    /// How many JSON values it holds.
    values: usize,
    /// The check as JSON, which orders and compares checks.
    key: String,
}

impl SchemaCheck {
    /// The check as JSON, the same for the same check.
    pub fn key(&self) -> &str {
        &self.key
    }
}

impl PartialEq for SchemaCheck {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

impl Eq for SchemaCheck {}

impl PartialOrd for SchemaCheck {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SchemaCheck {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key.cmp(&other.key)
    }
}

#[derive(Debug, Clone)]
pub enum SchemaKind {
    /// An object with properties: a model class.
    Object {
        fields: Vec<Field>,
        /// Properties other than its fields: refused only where the schema
        /// says `additionalProperties: false`, otherwise kept as they are.
        forbids_others: bool,
    },
    /// A message payload that is not an object: a root model around a type.
    Root(TypeExpr),
    /// A named type that is not an object (an enum, a union): a type alias.
    Alias(TypeExpr),
}

impl Field {
    /// What the field weighs against [`MAX_FIELDS`]: one, and the values of
    /// the runtime checks its type holds.
    fn weight(&self) -> usize {
        1 + self.ty.check_values()
    }
}

#[derive(Debug, Clone)]
pub struct Field {
    pub json_name: String,
    pub ty: TypeExpr,
    pub required: bool,
    pub default: Option<JsonValue>,
    pub description: Option<String>,
    pub deprecated: bool,
    /// `readOnly`: sent by the server only, so the client never sends it.
    pub read_only: bool,
    /// `writeOnly`: sent by the client only, so it may be missing from what arrives.
    pub write_only: bool,
}

/// A type, independent of any language.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum TypeExpr {
    Any,
    /// The `false` schema: no value is valid.
    Nothing,
    Str,
    Int,
    Float,
    Bool,
    Null,
    List(Box<TypeExpr>),
    Map(Box<TypeExpr>),
    Literal(Vec<Scalar>),
    Union(Vec<TypeExpr>),
    Schema(SchemaId),
    /// `prefixItems` with `items: false`: a fixed-length array.
    Tuple(Vec<TypeExpr>),
    /// A string with a `format` that has a Python type.
    Format(Format),
    /// A type with validation keywords Pydantic enforces.
    Constrained(Box<TypeExpr>, Vec<Constraint>),
    /// A union told apart by the constant value of one property (JSON name).
    Discriminated {
        members: Vec<TypeExpr>,
        property: String,
    },
}

impl TypeExpr {
    /// The types this one is made of, one level down; a schema id is not
    /// followed.
    pub fn parts(&self) -> &[TypeExpr] {
        match self {
            TypeExpr::List(item) | TypeExpr::Map(item) | TypeExpr::Constrained(item, _) => {
                std::slice::from_ref(item)
            }
            TypeExpr::Union(members)
            | TypeExpr::Tuple(members)
            | TypeExpr::Discriminated { members, .. } => members,
            _ => &[],
        }
    }

    /// [`TypeExpr::parts`], to change them.
    fn parts_mut(&mut self) -> &mut [TypeExpr] {
        match self {
            TypeExpr::List(item) | TypeExpr::Map(item) | TypeExpr::Constrained(item, _) => {
                std::slice::from_mut(item)
            }
            TypeExpr::Union(members)
            | TypeExpr::Tuple(members)
            | TypeExpr::Discriminated { members, .. } => members,
            _ => &mut [],
        }
    }

    /// The constraints on this type itself.
    pub fn own_constraints(&self) -> &[Constraint] {
        match self {
            TypeExpr::Constrained(_, constraints) => constraints,
            _ => &[],
        }
    }

    /// The JSON values of the runtime checks within the type.
    fn check_values(&self) -> usize {
        let own: usize = self
            .own_constraints()
            .iter()
            .map(|constraint| match &constraint.value {
                ConstraintValue::Schema(check) => check.values,
                _ => 0,
            })
            .sum();
        own + self
            .parts()
            .iter()
            .map(TypeExpr::check_values)
            .sum::<usize>()
    }

    /// Replaces every schema id this type names by `new_id(id)`.
    fn renumber(&mut self, new_id: &impl Fn(SchemaId) -> SchemaId) {
        if let TypeExpr::Schema(id) = self {
            *id = new_id(*id);
        }
        for part in self.parts_mut() {
            part.renumber(new_id);
        }
    }
}

impl SchemaKind {
    /// What its fields and types weigh against [`MAX_FIELDS`].
    fn weight(&self) -> usize {
        match self {
            SchemaKind::Object { fields, .. } => fields.iter().map(Field::weight).sum(),
            SchemaKind::Root(ty) | SchemaKind::Alias(ty) => ty.check_values(),
        }
    }

    fn renumber(&mut self, new_id: &impl Fn(SchemaId) -> SchemaId) {
        match self {
            SchemaKind::Object { fields, .. } => fields
                .iter_mut()
                .for_each(|field| field.ty.renumber(new_id)),
            SchemaKind::Root(ty) | SchemaKind::Alias(ty) => ty.renumber(new_id),
        }
    }
}

/// String formats with a matching Python type. Others (`email`, `uri`...)
/// stay `str`: their Pydantic types need extra packages or rewrite values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    DateTime,
    Date,
    Time,
    Uuid,
    Ipv4,
    Ipv6,
}

/// One validation keyword, by its Pydantic `Field` name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Constraint {
    pub keyword: &'static str,
    pub value: ConstraintValue,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConstraintValue {
    /// A JSON number, as written in the document.
    Number(String),
    /// A `pattern`, and whether the `regex` crate's syntax (pydantic's
    /// default engine) accepts it: look-around and back-references need
    /// Python's `re`. Decided once here, not at every use.
    Pattern { text: String, rust_syntax: bool },
    /// Keywords checked at run time.
    Schema(Arc<SchemaCheck>),
}

/// A value a literal type can hold.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scalar {
    Str(String),
    Int(i64),
    Bool(bool),
}

/// A JSON value from the document (defaults), as plain data.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    List(Vec<JsonValue>),
    Object(Vec<(String, JsonValue)>),
}

impl JsonValue {
    /// The value as JSON text.
    pub fn to_json(&self) -> String {
        fn plain(value: &JsonValue) -> serde_json::Value {
            match value {
                JsonValue::Null => serde_json::Value::Null,
                JsonValue::Bool(flag) => serde_json::Value::Bool(*flag),
                JsonValue::Int(int) => serde_json::Value::from(*int),
                JsonValue::Float(float) => serde_json::Value::from(*float),
                JsonValue::Str(text) => serde_json::Value::from(text.as_str()),
                JsonValue::List(items) => items.iter().map(plain).collect(),
                JsonValue::Object(entries) => serde_json::Value::Object(
                    entries
                        .iter()
                        .map(|(key, value)| (key.clone(), plain(value)))
                        .collect(),
                ),
            }
        }
        plain(self).to_string()
    }
}

impl From<&Value> for JsonValue {
    fn from(value: &Value) -> Self {
        match value {
            Value::Null => JsonValue::Null,
            Value::Bool(flag) => JsonValue::Bool(*flag),
            Value::Number(number) => match number.as_i64() {
                Some(int) => JsonValue::Int(int),
                None => JsonValue::Float(number.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(text) => JsonValue::Str(text.to_string()),
            Value::Array(items) => JsonValue::List(items.iter().map(JsonValue::from).collect()),
            Value::Object(map) => JsonValue::Object(
                map.iter()
                    .map(|(key, value)| (key.to_string(), JsonValue::from(value)))
                    .collect(),
            ),
        }
    }
}

/// Why a document cannot be turned into a client.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("{location}: not an AsyncAPI 3.x document ({found})")]
    NotAsyncApi { location: String, found: String },
    #[error("{at}: {message}")]
    Invalid { at: NodeAddress, message: String },
    #[error("{at}: unsupported: {message}")]
    Unsupported { at: NodeAddress, message: String },
    #[error("{at}: schemas nested deeper than {MAX_SCHEMA_DEPTH} levels")]
    TooDeep { at: NodeAddress },
    #[error("{location}: the client would have more than {limit} {what} ({why})")]
    TooLarge {
        location: String,
        limit: usize,
        what: &'static str,
        why: &'static str,
    },
    #[error(transparent)]
    Resolve(#[from] ResolveError),
}

/// Builds the IR from a root document and the documents it references.
pub fn build(documents: &Documents, perspective: Perspective) -> Result<Api, ModelError> {
    build_api(documents, perspective, true, MAX_FIELDS)
}

/// [`build`], with the messages built up front across the cores or only
/// by the ordered walk; the two give the same result.
fn build_api(
    documents: &Documents,
    perspective: Perspective,
    parallel: bool,
    field_limit: usize,
) -> Result<Api, ModelError> {
    let root = documents.root();
    let root_key = NodeKey {
        doc: crate::resolve::DocId(0),
        pointer: String::new(),
    };
    check_version(documents, root)?;
    let mut builder = Builder::new(documents, perspective);
    builder.field_limit = field_limit;
    let info = root.get("info");
    let text = |key: &str| {
        info.and_then(|info| info.get(key))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    let channels = builder.channels(&root_key)?;
    let channels = builder.operations(&root_key, channels, parallel)?;
    let count = |key: &str| {
        root.get(key)
            .and_then(Value::as_object)
            .map_or(0, Object::len)
    };
    let counts = Counts {
        channels: count("channels"),
        operations: count("operations"),
        schemas: root
            .pointer("/components/schemas")
            .and_then(Value::as_object)
            .map_or(0, Object::len),
    };
    let server = root
        .get("servers")
        .and_then(Value::as_object)
        .and_then(|servers| servers.values().next())
        .and_then(|server| {
            let host = server.get("host")?.as_str()?.to_string();
            let protocol = server
                .get("protocol")
                .and_then(Value::as_str)
                .unwrap_or("ws")
                .to_string();
            Some((host, protocol))
        });
    Ok(Api {
        server,
        title: text("title").unwrap_or_else(|| "AsyncAPI client".to_string()),
        version: text("version").unwrap_or_else(|| "0.0.0".to_string()),
        description: text("description").filter(|text| !text.trim().is_empty()),
        counts,
        channels,
        messages: builder.messages,
        schemas: builder.schemas,
        foreign_payloads: builder.foreign_payloads,
        // Builders that work ahead may each meet a shared schema; its
        // warning counts once, where the ordered walk first meets it.
        warnings: {
            let mut seen = HashSet::new();
            builder
                .warnings
                .into_iter()
                .filter(|warning| seen.insert(warning.clone()))
                .collect()
        },
    })
}

fn check_version(documents: &Documents, root: &Value) -> Result<(), ModelError> {
    let location = documents.location(crate::resolve::DocId(0)).to_string();
    match root.get("asyncapi") {
        Some(Value::String(version)) if version.starts_with("3.") => Ok(()),
        Some(Value::String(version)) => Err(ModelError::NotAsyncApi {
            location,
            found: format!("asyncapi: {version:?}; only 3.x is supported"),
        }),
        Some(other) => Err(ModelError::NotAsyncApi {
            location,
            found: format!("`asyncapi` is {other}, expected a version string"),
        }),
        None if root.is_object() => Err(ModelError::NotAsyncApi {
            location,
            found: "no `asyncapi` version field".to_string(),
        }),
        None => Err(ModelError::NotAsyncApi {
            location,
            found: "the top level is not a mapping".to_string(),
        }),
    }
}

struct Builder<'a> {
    documents: &'a Documents,
    schemas: Vec<Schema>,
    schema_ids: foldhash::HashMap<NodeKey, SchemaId>,
    messages: Vec<Message>,
    message_ids: foldhash::HashMap<NodeKey, MessageId>,
    /// The fields and required names of each `allOf` part merged so far.
    merged_parts: foldhash::HashMap<NodeKey, (Vec<Field>, foldhash::HashSet<String>)>,
    perspective: Perspective,
    /// Fields held: those of every model and merged part, and those of the
    /// merges under way. Bounded by [`MAX_FIELDS`].
    fields: usize,
    /// Fields made by all the builders that build messages ahead, together.
    fields_made_ahead: Option<&'a AtomicUsize>,
    field_limit: usize,
    /// JSON values of the runtime checks made so far.
    checks_made: usize,
    /// Whether the `allOf` parts of a merged schema say more than its model.
    all_of_verdicts: foldhash::HashMap<NodeKey, bool>,
    foreign_payloads: Vec<ForeignPayload>,
    warnings: Vec<String>,
    /// Schemas whose properties were collected.
    #[cfg(test)]
    collected: usize,
}

/// What one operation says: whether the client sends its messages, its
/// channel, where its messages and its reply's are defined, and the
/// credentials it asks for.
struct OperationPlan {
    name: String,
    client_sends: bool,
    channel: usize,
    messages: Vec<NodeKey>,
    reply: Option<(usize, Vec<NodeKey>)>,
    credentials: Vec<Credential>,
}

/// A channel while operations are being assigned to it.
struct PendingChannel {
    channel: Channel,
    source: NodeKey,
}

/// The fields and required names an object schema gathers through `allOf`,
/// and the schemas whose merge is under way.
#[derive(Default)]
struct Merged {
    fields: Vec<Field>,
    /// Positions in `fields`, by JSON name, so wide objects merge in linear time.
    positions: hashbrown::HashTable<usize>,
    hasher: foldhash::fast::RandomState,
    required: foldhash::HashSet<String>,
    merging: Vec<NodeKey>,
    /// What `fields` weigh together ([`Field::weight`]).
    weight: usize,
}

impl Merged {
    /// Adds `field`, or replaces the one of the same name in its place.
    fn set(&mut self, field: Field) {
        let Merged {
            fields,
            positions,
            hasher,
            weight,
            ..
        } = self;
        *weight += field.weight();
        let hash = hasher.hash_one(field.json_name.as_str());
        match positions.find(hash, |&at| fields[at].json_name == field.json_name) {
            Some(&at) => {
                *weight -= fields[at].weight();
                fields[at] = field;
            }
            None => {
                positions.insert_unique(hash, fields.len(), |&at| {
                    hasher.hash_one(fields[at].json_name.as_str())
                });
                fields.push(field);
            }
        }
    }
}

fn examples_of(value: &Value) -> Vec<String> {
    let mut examples: Vec<String> = match value.get("examples") {
        Some(Value::Array(items)) => items.iter().map(Value::to_string).collect(),
        _ => Vec::new(),
    };
    if let Some(example) = value.get("example") {
        examples.push(example.to_string());
    }
    examples
}

fn description_of(value: &Value) -> Option<String> {
    value
        .get("description")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|text| !text.is_empty())
        .map(str::to_string)
}

/// The last segment of a JSON pointer, unescaped.
fn last_segment(pointer: &str) -> String {
    pointer
        .rsplit('/')
        .next()
        .unwrap_or("")
        .replace("~1", "/")
        .replace("~0", "~")
}
