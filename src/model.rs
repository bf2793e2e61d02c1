//! Model: the plain-data intermediate representation of what a client needs.
//!
//! Channels (address, path parameters), per channel the messages the client
//! sends and receives, and the graph of schemas behind those messages.
//! Schemas refer to one another by [`SchemaId`], so recursive schemas are
//! just ids that point back. Nothing here knows Python.

use std::collections::{BTreeMap, HashSet};
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use rayon::prelude::*;

use crate::options::Perspective;
use crate::resolve::{is_json_schema_format, Documents, Located, ResolveError, SourceKey};
use crate::value::{Object, Value};

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
    pub source: SourceKey,
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
    pub source: SourceKey,
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
    /// The JSON values of the runtime checks within the type.
    fn check_values(&self) -> usize {
        match self {
            TypeExpr::Constrained(inner, constraints) => {
                let own: usize = constraints
                    .iter()
                    .map(|constraint| match &constraint.value {
                        ConstraintValue::Schema(check) => check.values,
                        _ => 0,
                    })
                    .sum();
                own + inner.check_values()
            }
            TypeExpr::List(item) | TypeExpr::Map(item) => item.check_values(),
            TypeExpr::Union(members)
            | TypeExpr::Tuple(members)
            | TypeExpr::Discriminated { members, .. } => {
                members.iter().map(TypeExpr::check_values).sum()
            }
            _ => 0,
        }
    }

    /// Replaces every schema id this type names by `new_id(id)`.
    fn renumber(&mut self, new_id: &impl Fn(SchemaId) -> SchemaId) {
        match self {
            TypeExpr::Schema(id) => *id = new_id(*id),
            TypeExpr::List(item) | TypeExpr::Map(item) | TypeExpr::Constrained(item, _) => {
                item.renumber(new_id)
            }
            TypeExpr::Union(members)
            | TypeExpr::Tuple(members)
            | TypeExpr::Discriminated { members, .. } => members
                .iter_mut()
                .for_each(|member| member.renumber(new_id)),
            TypeExpr::Any
            | TypeExpr::Nothing
            | TypeExpr::Str
            | TypeExpr::Int
            | TypeExpr::Float
            | TypeExpr::Bool
            | TypeExpr::Null
            | TypeExpr::Literal(_)
            | TypeExpr::Format(_) => {}
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
    Pattern(String),
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
    Invalid { at: Located, message: String },
    #[error("{at}: unsupported: {message}")]
    Unsupported { at: Located, message: String },
    #[error("{at}: schemas nested deeper than {MAX_SCHEMA_DEPTH} levels")]
    TooDeep { at: Located },
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
    let root_key = SourceKey {
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
    schema_ids: foldhash::HashMap<SourceKey, SchemaId>,
    messages: Vec<Message>,
    message_ids: foldhash::HashMap<SourceKey, MessageId>,
    /// The fields and required names of each `allOf` part merged so far.
    merged_parts: foldhash::HashMap<SourceKey, (Vec<Field>, foldhash::HashSet<String>)>,
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
    all_of_verdicts: foldhash::HashMap<SourceKey, bool>,
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
    messages: Vec<SourceKey>,
    reply: Option<(usize, Vec<SourceKey>)>,
    credentials: Vec<Credential>,
}

/// A channel while operations are being assigned to it.
struct PendingChannel {
    channel: Channel,
    source: SourceKey,
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
    merging: Vec<SourceKey>,
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

impl<'a> Builder<'a> {
    fn new(documents: &'a Documents, perspective: Perspective) -> Self {
        Builder {
            documents,
            schemas: Vec::new(),
            schema_ids: Default::default(),
            messages: Vec::new(),
            message_ids: Default::default(),
            merged_parts: Default::default(),
            perspective,
            fields: 0,
            fields_made_ahead: None,
            field_limit: MAX_FIELDS,
            checks_made: 0,
            all_of_verdicts: Default::default(),
            foreign_payloads: Vec::new(),
            warnings: Vec::new(),
            #[cfg(test)]
            collected: 0,
        }
    }

    /// What one operation says, read before any of its messages is built.
    fn operation_plan(
        &self,
        operations_key: &SourceKey,
        name: String,
        channels: &[PendingChannel],
        index_of: &BTreeMap<SourceKey, usize>,
    ) -> Result<OperationPlan, ModelError> {
        let (source, operation) = self.documents.deref(&operations_key.child(&name))?;
        let receives = match operation.get("action").and_then(Value::as_str) {
            Some("receive") => true,
            Some("send") => false,
            _ => return Err(self.invalid(&source, "`action` must be `send` or `receive`")),
        };
        let channel = self.channel_of(&source, index_of)?;
        let messages = self.message_sources(&source, &channels[channel])?;
        // A reply arrives on the connection the operation uses; when it
        // lists no messages, they are those of the reply's own channel.
        let reply = match operation.get("reply") {
            Some(reply) => {
                let reply_key = source.child("reply");
                let reply_channel = match reply.get("channel") {
                    Some(_) => self.channel_of(&reply_key, index_of)?,
                    None => channel,
                };
                let messages = self.message_sources(&reply_key, &channels[reply_channel])?;
                Some((reply_channel, messages))
            }
            None => None,
        };
        Ok(OperationPlan {
            name,
            client_sends: receives == (self.perspective == Perspective::Server),
            channel,
            messages,
            reply,
            credentials: self.security(&source.child("security"))?,
        })
    }

    /// Builds the messages the operations list across the cores, each run
    /// of them with a builder of its own, and adopts them in the order the
    /// operations name them: the ids and contents are those of building
    /// them one after another. From the first run that fails on, the
    /// ordered walk that follows builds them instead and reports the error
    /// where it arises.
    fn prebuild_messages(&mut self, plans: &[OperationPlan]) -> Result<(), ModelError> {
        let mut seen = HashSet::new();
        let unique: Vec<&SourceKey> = plans
            .iter()
            .flat_map(|plan| {
                let replies = plan.reply.iter().flat_map(|(_, messages)| messages);
                plan.messages.iter().chain(replies)
            })
            .filter(|source| seen.insert(*source))
            .collect();
        // Neighbouring messages tend to share schemas, which a builder
        // makes once; a few runs per core even out the load.
        let run = unique
            .len()
            .div_ceil(4 * rayon::current_num_threads())
            .max(1);
        let (documents, perspective, field_limit) =
            (self.documents, self.perspective, self.field_limit);
        // Together the builders stop at the field limit, so that memory
        // stays bounded; whether the document is within it is decided by
        // the ordered walk alone.
        let fields_made = AtomicUsize::new(0);
        let built: Vec<Option<Builder>> = unique
            .par_chunks(run)
            .map(|sources| {
                let mut builder = Builder::new(documents, perspective);
                builder.fields_made_ahead = Some(&fields_made);
                builder.field_limit = field_limit;
                for source in sources {
                    builder.message(source).ok()?;
                }
                // Adopting needs only the schemas, messages and merged
                // parts; the other lookup tables are freed here, in parallel.
                builder.schema_ids = Default::default();
                builder.message_ids = Default::default();
                builder.all_of_verdicts = Default::default();
                Some(builder)
            })
            .collect();
        let built: Vec<Builder> = built.into_iter().map_while(|builder| builder).collect();
        let schemas: usize = built.iter().map(|builder| builder.schemas.len()).sum();
        self.schemas.reserve(schemas);
        self.schema_ids.reserve(schemas);
        self.messages.reserve(unique.len());
        self.message_ids.reserve(unique.len());
        for builder in built {
            self.adopt(builder);
            // What these builders made is what the ordered walk would hold
            // at this point, so it is beyond the limit exactly when the
            // walk would have stopped on it.
            self.within_field_limit(0)?;
        }
        Ok(())
    }

    /// Takes over the schemas, messages and merged parts another builder
    /// made, keeping those this one already has.
    fn adopt(&mut self, other: Builder) {
        let mut next = self.schemas.len();
        let ids: Vec<(SchemaId, bool)> = other
            .schemas
            .iter()
            .map(|schema| match self.schema_ids.get(&schema.source) {
                Some(id) => (*id, false),
                None => {
                    next += 1;
                    (SchemaId(next - 1), true)
                }
            })
            .collect();
        let new_id = |id: SchemaId| ids[id.0].0;
        for (mut schema, (id, is_new)) in other.schemas.into_iter().zip(&ids) {
            if *is_new {
                schema.kind.renumber(&new_id);
                self.fields += schema.weight();
                self.schema_ids.insert(schema.source.clone(), *id);
                self.schemas.push(schema);
            }
        }
        for mut message in other.messages {
            message.schema = new_id(message.schema);
            self.message_ids
                .insert(message.source.clone(), MessageId(self.messages.len()));
            self.messages.push(message);
        }
        self.foreign_payloads.extend(other.foreign_payloads);
        self.warnings.extend(other.warnings);
        for (source, (mut fields, required)) in other.merged_parts {
            if let std::collections::hash_map::Entry::Vacant(entry) =
                self.merged_parts.entry(source)
            {
                fields
                    .iter_mut()
                    .for_each(|field| field.ty.renumber(&new_id));
                self.fields += fields.iter().map(Field::weight).sum::<usize>();
                entry.insert((fields, required));
            }
        }
    }

    /// Whether `value` is, at its top level, of the JSON type `ty` takes (a
    /// `default` that is not would not type-check).
    fn fits(&self, ty: &TypeExpr, value: &JsonValue, depth: usize) -> bool {
        if depth > 64 {
            return true;
        }
        match (ty, value) {
            (TypeExpr::Any, _)
            | (TypeExpr::Null, JsonValue::Null)
            | (TypeExpr::Bool, JsonValue::Bool(_))
            | (TypeExpr::Int, JsonValue::Int(_))
            | (TypeExpr::Float, JsonValue::Int(_) | JsonValue::Float(_))
            | (TypeExpr::Str | TypeExpr::Format(_), JsonValue::Str(_))
            | (TypeExpr::List(_) | TypeExpr::Tuple(_), JsonValue::List(_))
            | (TypeExpr::Map(_) | TypeExpr::Discriminated { .. }, JsonValue::Object(_)) => true,
            (TypeExpr::Literal(values), value) => values.iter().any(|literal| {
                matches!((literal, value),
                    (Scalar::Str(a), JsonValue::Str(b)) if a == b)
                    || matches!((literal, value), (Scalar::Int(a), JsonValue::Int(b)) if a == b)
                    || matches!((literal, value), (Scalar::Bool(a), JsonValue::Bool(b)) if a == b)
            }),
            (TypeExpr::Constrained(inner, _), value) => self.fits(inner, value, depth + 1),
            (TypeExpr::Union(members), value) => members
                .iter()
                .any(|member| self.fits(member, value, depth + 1)),
            (TypeExpr::Schema(id), value) => match &self.schemas[id.0].kind {
                SchemaKind::Object { .. } => matches!(value, JsonValue::Object(_)),
                SchemaKind::Alias(inner) | SchemaKind::Root(inner) => {
                    self.fits(inner, value, depth + 1)
                }
            },
            _ => false,
        }
    }

    /// Refuses a client whose models and merged parts would hold more than
    /// [`MAX_FIELDS`] fields, counting `growth` fields just added to a merge.
    fn within_field_limit(&mut self, growth: usize) -> Result<(), ModelError> {
        self.fields += growth;
        let made_ahead = self
            .fields_made_ahead
            .map_or(0, |made| made.fetch_add(growth, Ordering::Relaxed) + growth);
        if self.fields.max(made_ahead) <= self.field_limit {
            return Ok(());
        }
        Err(self.too_large_in_fields())
    }

    fn too_large_in_fields(&self) -> ModelError {
        self.too_large(
            self.field_limit,
            "fields in its models",
            "`allOf` copies the fields of the schemas it includes into each one that includes them",
        )
    }

    /// [`Builder::within_field_limit`] for a weight that went from `before`
    /// to `after`, which a replaced field can also lower.
    fn reweighed(&mut self, before: usize, after: usize) -> Result<(), ModelError> {
        if after >= before {
            return self.within_field_limit(after - before);
        }
        self.fields -= before - after;
        if let Some(made) = self.fields_made_ahead {
            made.fetch_sub(before - after, Ordering::Relaxed);
        }
        Ok(())
    }

    fn too_large(&self, limit: usize, what: &'static str, why: &'static str) -> ModelError {
        ModelError::TooLarge {
            location: self
                .documents
                .location(crate::resolve::DocId(0))
                .to_string(),
            limit,
            what,
            why,
        }
    }

    /// An object schema with properties (its own or through `allOf`) becomes a model class.
    fn is_object_schema(&self, at: &SourceKey, value: &Value) -> bool {
        let has_properties = |value: &Value| {
            value
                .get("properties")
                .and_then(Value::as_object)
                .is_some_and(|properties| !properties.is_empty())
        };
        if has_properties(value) {
            return true;
        }
        if !matches!(value.get("allOf"), Some(Value::Array(_))) {
            return false;
        }
        self.with_all_of_parts(at, value)
            .into_iter()
            .any(has_properties)
    }

    /// Whether the schema (or an `allOf` part) says `type: object`: without
    /// it, `properties` and the like say nothing of other values.
    fn says_object(&self, at: &SourceKey, value: &Value) -> bool {
        self.with_all_of_parts(at, value)
            .into_iter()
            .any(|part| part.get("type").and_then(Value::as_str) == Some("object"))
    }

    /// `value` and every schema its `allOf` reaches, each once however many
    /// ways it is reached; parts that do not resolve are left out.
    fn with_all_of_parts<'v>(&'v self, at: &SourceKey, value: &'v Value) -> Vec<&'v Value> {
        let mut seen = HashSet::new();
        let mut found = Vec::new();
        let mut pending = vec![(at.clone(), value)];
        while let Some((at, value)) = pending.pop() {
            found.push(value);
            let Some(Value::Array(parts)) = value.get("allOf") else {
                continue;
            };
            let parts_key = at.child("allOf");
            for index in 0..parts.len() {
                if let Ok((part_at, part)) =
                    self.documents.deref(&parts_key.child(&index.to_string()))
                {
                    if seen.insert(part_at.clone()) {
                        pending.push((part_at, part));
                    }
                }
            }
        }
        found
    }

    fn invalid(&self, at: &SourceKey, message: impl Into<String>) -> ModelError {
        ModelError::Invalid {
            at: self.documents.located(at),
            message: message.into(),
        }
    }

    fn channels(&mut self, root: &SourceKey) -> Result<Vec<PendingChannel>, ModelError> {
        let channels_key = root.child("channels");
        let Some(channels) = self.documents.get(&channels_key) else {
            return Ok(Vec::new());
        };
        let channels = channels
            .as_object()
            .ok_or_else(|| self.invalid(&channels_key, "`channels` must be a mapping"))?;
        let mut pending = Vec::new();
        for key in channels.keys() {
            let (source, value) = self.documents.deref(&channels_key.child(key))?;
            let object = value
                .as_object()
                .ok_or_else(|| self.invalid(&source, "a channel must be a mapping"))?;
            let string = |name: &str| {
                object
                    .get(name)
                    .and_then(Value::as_str)
                    .map(str::to_string)
                    .filter(|text| !text.trim().is_empty())
            };
            let address = match object.get("address") {
                Some(Value::String(address)) => address.to_string(),
                None | Some(Value::Null) => String::new(),
                Some(_) => return Err(self.invalid(&source, "`address` must be a string")),
            };
            let parameters = match object.get("parameters") {
                Some(Value::Object(parameters)) => parameters
                    .iter()
                    .map(|(name, parameter)| Parameter {
                        name: name.to_string(),
                        description: parameter
                            .get("description")
                            .and_then(Value::as_str)
                            .map(str::to_string),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            pending.push(PendingChannel {
                channel: Channel {
                    key: key.to_string(),
                    title: string("title"),
                    address,
                    description: string("description"),
                    parameters,
                    incoming: Vec::new(),
                    outgoing: Vec::new(),
                    topic: self.topic(&source, object.get("x-topic"))?,
                    requests: Vec::new(),
                    credentials: self.binding_credentials(&source)?,
                },
                source,
            });
        }
        Ok(pending)
    }

    /// The credentials a `security` list names; schemes a WebSocket client
    /// cannot send (X.509, encryption keys, SASL) are left out.
    fn security(&self, list: &SourceKey) -> Result<Vec<Credential>, ModelError> {
        let Some(Value::Array(items)) = self.documents.get(list) else {
            return Ok(Vec::new());
        };
        let mut credentials = Vec::new();
        for index in 0..items.len() {
            let (_, scheme) = self.documents.deref(&list.child(&index.to_string()))?;
            let text = |key: &str| scheme.get(key).and_then(Value::as_str).unwrap_or("");
            let name = text("name").to_string();
            match (
                text("type"),
                text("in"),
                text("scheme").to_ascii_lowercase().as_str(),
            ) {
                ("httpApiKey", "header", _) if !name.is_empty() => {
                    credentials.push(Credential::Header(name));
                }
                ("httpApiKey", "query", _) if !name.is_empty() => {
                    credentials.push(Credential::Query(name));
                }
                ("http", _, "bearer") | ("oauth2" | "openIdConnect", _, _) => {
                    credentials.push(Credential::Bearer);
                }
                ("http", _, "basic") | ("userPassword", _, _) => {
                    credentials.push(Credential::Basic)
                }
                _ => {}
            }
        }
        Ok(credentials)
    }

    /// The headers and query parameters a channel's `bindings.ws` names.
    fn binding_credentials(&self, channel: &SourceKey) -> Result<Vec<Credential>, ModelError> {
        let ws = channel.child("bindings").child("ws");
        let mut credentials = Vec::new();
        for (key, credential) in [
            ("headers", Credential::Header as fn(String) -> Credential),
            ("query", Credential::Query),
        ] {
            if self.documents.get(&ws.child(key)).is_none() {
                continue;
            }
            let (_, schema) = self.documents.deref(&ws.child(key))?;
            if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
                credentials.extend(properties.keys().map(str::to_string).map(credential));
            }
        }
        Ok(credentials)
    }

    /// A channel's `x-topic`: a mapping with a `name` and a `pattern`.
    fn topic(
        &self,
        channel: &SourceKey,
        value: Option<&Value>,
    ) -> Result<Option<Topic>, ModelError> {
        let Some(value) = value else {
            return Ok(None);
        };
        let at = channel.child("x-topic");
        let text = |name: &str| {
            value
                .get(name)
                .and_then(Value::as_str)
                .filter(|text| !text.trim().is_empty())
                .map(str::to_string)
                .ok_or_else(|| self.invalid(&at, format!("`x-topic` needs a `{name}` string")))
        };
        let name = text("name")?;
        let pattern = text("pattern")?;
        Ok(Some(Topic {
            name,
            parameters: Topic::placeholders(&pattern),
            pattern,
        }))
    }

    fn operations(
        &mut self,
        root: &SourceKey,
        mut channels: Vec<PendingChannel>,
        parallel: bool,
    ) -> Result<Vec<Channel>, ModelError> {
        let operations_key = root.child("operations");
        let names: Vec<String> = match self.documents.get(&operations_key) {
            None => Vec::new(),
            Some(Value::Object(operations)) => operations.keys().map(str::to_string).collect(),
            Some(_) => {
                return Err(self.invalid(&operations_key, "`operations` must be a mapping"));
            }
        };
        let index_of: BTreeMap<SourceKey, usize> = channels
            .iter()
            .enumerate()
            .map(|(index, pending)| (pending.source.clone(), index))
            .collect();
        // Collected whole before the errors are looked at: rayon's own
        // `Result` collection returns whichever error a thread met first,
        // and the error reported must be that of the first operation.
        let plans = names
            .into_par_iter()
            .map(|name| self.operation_plan(&operations_key, name, &channels, &index_of))
            .collect::<Vec<_>>()
            .into_iter()
            .collect::<Result<Vec<_>, _>>()?;
        if parallel {
            self.prebuild_messages(&plans)?;
        }
        for plan in plans {
            let messages = self.messages_of(&plan.messages)?;
            let (replies, reply_address) = match &plan.reply {
                Some((reply_channel, replies)) => (
                    self.messages_of(replies)?,
                    channels[*reply_channel].channel.address.clone(),
                ),
                None => (Vec::new(), String::new()),
            };
            let channel = &mut channels[plan.channel].channel;
            channel.credentials.extend(plan.credentials);
            // A reply on another connection cannot be awaited on this one.
            if plan.client_sends
                && !messages.is_empty()
                && !replies.is_empty()
                && reply_address == channel.address
            {
                channel.requests.push(Request {
                    operation: plan.name,
                    sent: messages.clone(),
                    replies: replies.clone(),
                });
            }
            let (sent, received) = if plan.client_sends {
                (messages, replies)
            } else {
                (replies, messages)
            };
            channel.outgoing.extend(sent);
            channel.incoming.extend(received);
        }
        // Channels at one address are one WebSocket connection: each of their
        // clients receives what any of them receives, after what it receives
        // itself. Topic channels ride a connection in frames of their own
        // and stay apart.
        let mut connections: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (index, pending) in channels.iter().enumerate() {
            if pending.channel.topic.is_none() {
                connections
                    .entry(pending.channel.address.as_str())
                    .or_default()
                    .push(index);
            }
        }
        let received_per_connection: Vec<(Vec<usize>, Vec<MessageId>)> = connections
            .into_values()
            .map(|members| {
                let received = first_occurrences(
                    members
                        .iter()
                        .flat_map(|member| channels[*member].channel.incoming.iter().copied()),
                );
                (members, received)
            })
            .collect();
        let shared_connection = |index: usize| channels[index].channel.topic.is_none();
        let channel_messages: usize = received_per_connection
            .iter()
            .map(|(members, received)| members.len() * received.len())
            .chain((0..channels.len()).map(|index| {
                let channel = &channels[index].channel;
                let incoming = if shared_connection(index) {
                    0
                } else {
                    first_occurrences(channel.incoming.iter().copied()).len()
                };
                incoming + first_occurrences(channel.outgoing.iter().copied()).len()
            }))
            .fold(0, usize::saturating_add);
        if channel_messages > MAX_CHANNEL_MESSAGES {
            return Err(self.too_large(
                MAX_CHANNEL_MESSAGES,
                "messages over its channels",
                "channels at one address share a connection, so each receives what any of them receives",
            ));
        }
        for (members, received) in received_per_connection {
            for member in members {
                let incoming = &mut channels[member].channel.incoming;
                incoming.extend(received.iter().copied());
            }
        }
        for pending in &mut channels {
            let channel = &mut pending.channel;
            channel.incoming = first_occurrences(channel.incoming.iter().copied());
            channel.outgoing = first_occurrences(channel.outgoing.iter().copied());
        }
        // What the servers ask for, every channel sends.
        let servers_key = root.child("servers");
        let server_names: Vec<String> = match self.documents.get(&servers_key) {
            Some(Value::Object(servers)) => servers.keys().map(str::to_string).collect(),
            _ => Vec::new(),
        };
        let mut server_credentials = Vec::new();
        for name in server_names {
            let (server, _) = self.documents.deref(&servers_key.child(&name))?;
            server_credentials.extend(self.security(&server.child("security"))?);
        }
        Ok(channels
            .into_iter()
            .map(|pending| {
                let mut channel = pending.channel;
                channel
                    .credentials
                    .extend(server_credentials.iter().cloned());
                channel.credentials.sort();
                channel.credentials.dedup();
                channel
            })
            .collect())
    }

    /// Which channel an operation (or a reply) belongs to.
    fn channel_of(
        &self,
        operation: &SourceKey,
        channels: &BTreeMap<SourceKey, usize>,
    ) -> Result<usize, ModelError> {
        let channel_ref = operation.child("channel");
        let reference = self
            .documents
            .get(&channel_ref)
            .and_then(|channel| channel.get("$ref"))
            .ok_or_else(|| self.invalid(operation, "an operation needs `channel: {$ref: ...}`"))?;
        let (target, _) = self.documents.follow(&channel_ref, reference)?;
        let (target, _) = self.documents.deref(&target)?;
        channels.get(&target).copied().ok_or_else(|| {
            self.invalid(
                &channel_ref,
                "`channel` does not point at an entry of `channels`",
            )
        })
    }

    fn messages_of(&mut self, sources: &[SourceKey]) -> Result<Vec<MessageId>, ModelError> {
        sources.iter().map(|source| self.message(source)).collect()
    }

    /// Where the messages an operation or reply lists are defined; all of
    /// its channel's when it lists none.
    fn message_sources(
        &self,
        at: &SourceKey,
        channel: &PendingChannel,
    ) -> Result<Vec<SourceKey>, ModelError> {
        let list_key = at.child("messages");
        let keys: Vec<SourceKey> = match self.documents.get(&list_key) {
            Some(Value::Array(items)) => (0..items.len())
                .map(|index| list_key.child(&index.to_string()))
                .collect(),
            Some(_) => return Err(self.invalid(&list_key, "`messages` must be a list")),
            None => {
                let channel_messages = channel.source.child("messages");
                match self.documents.get(&channel_messages) {
                    Some(Value::Object(map)) => {
                        map.keys().map(|key| channel_messages.child(key)).collect()
                    }
                    _ => Vec::new(),
                }
            }
        };
        keys.iter()
            .map(|key| Ok(self.documents.deref(key)?.0))
            .collect()
    }

    /// The message defined at `source`, whose `$ref`s are already followed.
    fn message(&mut self, source: &SourceKey) -> Result<MessageId, ModelError> {
        if let Some(id) = self.message_ids.get(source) {
            return Ok(*id);
        }
        let (source, value) = self.documents.deref(source)?;
        let object = value
            .as_object()
            .ok_or_else(|| self.invalid(&source, "a message must be a mapping"))?;
        let fallback = last_segment(&source.pointer);
        let hint = ["name", "title"]
            .iter()
            .find_map(|key| object.get(key).and_then(Value::as_str))
            .unwrap_or(&fallback)
            .to_string();
        let payload_key = source.child("payload");
        let schema = match self.documents.get(&payload_key) {
            None => return Err(self.invalid(&source, "a message needs a `payload` schema")),
            Some(payload) => match payload.get("schemaFormat").and_then(Value::as_str) {
                Some(format) if is_json_schema_format(format) => {
                    self.message_schema(&payload_key.child("schema"), &hint)?
                }
                Some(format) => {
                    self.foreign_payloads.push(ForeignPayload {
                        at: self.documents.located(&source).to_string(),
                        message: hint.clone(),
                        format: format.to_string(),
                    });
                    match self.schema_ids.get(&payload_key) {
                        Some(id) => *id,
                        None => self.add_schema(
                            payload_key,
                            payload,
                            &hint,
                            SchemaKind::Root(TypeExpr::Any),
                        )?,
                    }
                }
                None => self.message_schema(&payload_key, &hint)?,
            },
        };
        let id = MessageId(self.messages.len());
        let headers = match self.documents.get(&source.child("headers")) {
            Some(_) => {
                let (_, headers) = self.documents.deref(&source.child("headers"))?;
                headers
                    .get("properties")
                    .and_then(Value::as_object)
                    .map(|properties| properties.keys().map(str::to_string).collect())
                    .unwrap_or_default()
            }
            None => Vec::new(),
        };
        let correlation_id = match self.documents.get(&source.child("correlationId")) {
            Some(_) => {
                let (_, correlation) = self.documents.deref(&source.child("correlationId"))?;
                correlation
                    .get("location")
                    .and_then(Value::as_str)
                    .map(str::to_string)
            }
            None => None,
        };
        let examples = match object.get("examples") {
            Some(Value::Array(examples)) => examples
                .iter()
                .enumerate()
                .filter_map(|(index, example)| {
                    let payload = example.get("payload")?;
                    let name = ["name", "summary"]
                        .iter()
                        .find_map(|key| example.get(key).and_then(Value::as_str))
                        .map_or_else(|| format!("example {}", index + 1), str::to_string);
                    Some(Example {
                        name,
                        payload: crate::value::canonical_json(payload),
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        self.messages.push(Message {
            source: source.clone(),
            schema,
            headers,
            correlation_id,
            examples,
        });
        self.message_ids.insert(source, id);
        Ok(id)
    }

    /// The model class of a message payload: the payload's object schema, or
    /// a root model wrapping whatever else the payload is.
    /// A referenced object schema keeps its own name; anything else is named
    /// after the message (`hint`).
    fn message_schema(&mut self, payload: &SourceKey, hint: &str) -> Result<SchemaId, ModelError> {
        let (source, value) = self.documents.deref(payload)?;
        // A schema on the way to the model that says more than the model is
        // checked by a root model of the message's own.
        let payload_value = self.documents.get(payload).unwrap_or(value);
        let more_on_the_way = (payload_value.get("$ref").is_some() && needs_check(payload_value))
            || !checks_on_the_way(self.documents, payload, payload_value)?.is_empty();
        if self.is_object_schema(&source, value)
            && !more_on_the_way
            && self.says_object(&source, value)
        {
            let name = if source == *payload {
                hint.to_string()
            } else {
                last_segment(&source.pointer)
            };
            return self.object_schema(&source, value, &name, 0);
        }
        // Keyed by the payload, not its target, so that the root model of a
        // message never stands in for the referenced schema itself.
        if let Some(id) = self.schema_ids.get(payload) {
            return Ok(*id);
        }
        // The message's root model takes its name; the object it may be, a
        // model of its own, is named after it.
        let object_hint;
        let inner_hint = match self.is_object_schema(payload, payload_value) {
            true => {
                object_hint = format!("{hint} object");
                &object_hint
            }
            false => hint,
        };
        let (ty, check) = match self.type_of(payload, payload_value, inner_hint, 0)? {
            // The root model checks what it receives itself.
            TypeExpr::Constrained(inner, mut constraints) => {
                let check = constraints
                    .iter()
                    .position(|constraint| matches!(constraint.value, ConstraintValue::Schema(_)));
                let check = check.map(|index| constraints.remove(index));
                let ty = match constraints.is_empty() {
                    true => *inner,
                    false => TypeExpr::Constrained(inner, constraints),
                };
                let check = check.and_then(|constraint| match constraint.value {
                    ConstraintValue::Schema(check) => Some(check),
                    _ => None,
                });
                (ty, check)
            }
            ty => (ty, None),
        };
        let id = self.add_schema(payload.clone(), payload_value, hint, SchemaKind::Root(ty))?;
        self.within_field_limit(check.as_ref().map_or(0, |check| check.values))?;
        self.schemas[id.0].check = check;
        Ok(id)
    }

    fn add_schema(
        &mut self,
        source: SourceKey,
        value: &Value,
        hint: &str,
        kind: SchemaKind,
    ) -> Result<SchemaId, ModelError> {
        // An object's fields are counted as they are merged.
        if !matches!(kind, SchemaKind::Object { .. }) {
            self.within_field_limit(kind.weight())?;
        }
        let id = SchemaId(self.schemas.len());
        self.schemas.push(Schema {
            source: source.clone(),
            name_hint: hint.to_string(),
            description: description_of(value),
            examples: examples_of(value),
            deprecated: value.get("deprecated") == Some(&Value::Bool(true)),
            kind,
            check: None,
        });
        self.schema_ids.insert(source, id);
        Ok(id)
    }

    fn object_schema(
        &mut self,
        source: &SourceKey,
        value: &Value,
        hint: &str,
        depth: usize,
    ) -> Result<SchemaId, ModelError> {
        if let Some(id) = self.schema_ids.get(source) {
            return Ok(*id);
        }
        // Registered before its fields so that recursion finds it.
        let id = self.add_schema(
            source.clone(),
            value,
            hint,
            SchemaKind::Object {
                fields: Vec::new(),
                forbids_others: false,
            },
        )?;
        let name = self.schemas[id.0].name_hint.clone();
        let mut merged = Merged::default();
        self.collect_properties(source, value, &name, depth, &mut merged)?;
        let Merged {
            mut fields,
            required,
            ..
        } = merged;
        for field in &mut fields {
            // Read-only and write-only values are missing in one direction.
            field.required = required.contains(field.json_name.as_str())
                && !field.read_only
                && !field.write_only;
        }
        // Tens of thousands of these live until rendering ends.
        fields.shrink_to_fit();
        // With `patternProperties`, other properties that match a pattern
        // are allowed; what the model cannot tell apart it keeps.
        let forbids_others = value.get("additionalProperties") == Some(&Value::Bool(false))
            && value.get("patternProperties").is_none();
        self.schemas[id.0].kind = SchemaKind::Object {
            fields,
            forbids_others,
        };
        let check = self.check_of(source, value)?;
        self.within_field_limit(check.as_ref().map_or(0, |check| check.values))?;
        self.schemas[id.0].check = check;
        Ok(id)
    }

    /// Properties of an object schema, including those merged in through `allOf`.
    fn collect_properties(
        &mut self,
        source: &SourceKey,
        value: &Value,
        owner: &str,
        depth: usize,
        merged: &mut Merged,
    ) -> Result<(), ModelError> {
        #[cfg(test)]
        {
            self.collected += 1;
        }
        if depth > MAX_SCHEMA_DEPTH {
            return Err(ModelError::TooDeep {
                at: self.documents.located(source),
            });
        }
        if let Some(Value::Array(parts)) = value.get("allOf") {
            merged.merging.push(source.clone());
            for index in 0..parts.len() {
                let (part_source, part) = self
                    .documents
                    .deref(&source.child("allOf").child(&index.to_string()))?;
                if merged.merging.contains(&part_source) {
                    return Err(self.invalid(
                        &source.child("allOf").child(&index.to_string()),
                        "`allOf` includes a schema that includes this one: the merge never ends",
                    ));
                }
                // A part merges on its own once; adding its result field by
                // field is what merging it again would do, so a part that
                // `allOf` reaches many ways costs one merge, not one per way.
                let (fields, required) = match self.merged_parts.get(&part_source) {
                    Some(part) => part.clone(),
                    None => {
                        let mut own = Merged {
                            merging: std::mem::take(&mut merged.merging),
                            ..Merged::default()
                        };
                        let result =
                            self.collect_properties(&part_source, part, owner, depth + 1, &mut own);
                        merged.merging = own.merging;
                        result?;
                        let part = (own.fields, own.required);
                        self.merged_parts.insert(part_source, part.clone());
                        part
                    }
                };
                let before = merged.weight;
                fields.into_iter().for_each(|field| merged.set(field));
                merged.required.extend(required);
                self.reweighed(before, merged.weight)?;
            }
            merged.merging.pop();
        }
        if let Some(Value::Array(names)) = value.get("required") {
            merged
                .required
                .extend(names.iter().filter_map(Value::as_str).map(str::to_string));
        }
        let Some(Value::Object(properties)) = value.get("properties") else {
            return Ok(());
        };
        let properties_key = source.child("properties");
        for (name, property) in properties {
            let property_key = properties_key.child(name);
            let hint = format!("{owner} {name}");
            let ty = self.type_of(&property_key, property, &hint, depth + 1)?;
            let mut default = property.get("default").map(JsonValue::from);
            if let Some(value) = default.as_ref().filter(|value| !self.fits(&ty, value, 0)) {
                self.warnings.push(format!(
                    "{}: the default {} is not a value of the property's own schema; it is left out",
                    self.documents.located(&property_key.child("default")),
                    value.to_json()
                ));
                default = None;
            }
            let field = Field {
                json_name: name.to_string(),
                ty,
                required: false,
                default,
                description: description_of(property),
                deprecated: property.get("deprecated") == Some(&Value::Bool(true)),
                read_only: property.get("readOnly") == Some(&Value::Bool(true)),
                write_only: property.get("writeOnly") == Some(&Value::Bool(true)),
            };
            let before = merged.weight;
            merged.set(field);
            self.reweighed(before, merged.weight)?;
        }
        Ok(())
    }

    /// The type of the schema at `at`, creating named schemas as needed.
    fn type_of(
        &mut self,
        at: &SourceKey,
        value: &Value,
        hint: &str,
        depth: usize,
    ) -> Result<TypeExpr, ModelError> {
        if depth > MAX_SCHEMA_DEPTH {
            return Err(ModelError::TooDeep {
                at: self.documents.located(at),
            });
        }
        if value.get("$ref").is_some() {
            let (source, target) = self.documents.deref_from(at, value)?;
            let mut ty = self.referenced_type(source, target, depth)?;
            // Keywords beside each `$ref` on the way apply as well.
            let documents = self.documents;
            for (key, middle) in checks_on_the_way(documents, at, value)?.into_iter().rev() {
                ty = self.checked(&key, middle, ty)?;
            }
            return self.checked(at, value, ty);
        }
        if self.is_object_schema(at, value) {
            let model = self.object_schema(at, value, hint, depth)?;
            return Ok(self.with_non_objects(at, value, model));
        }
        let ty = self.inline_type(at, value, hint, depth)?;
        self.checked(at, value, ty)
    }

    /// The type of the schema a `$ref` leads to, at `source`.
    fn referenced_type(
        &mut self,
        source: SourceKey,
        target: &Value,
        depth: usize,
    ) -> Result<TypeExpr, ModelError> {
        if let Some(&id) = self.schema_ids.get(&source) {
            if matches!(self.schemas[id.0].kind, SchemaKind::Object { .. }) {
                return Ok(self.with_non_objects(&source, target, id));
            }
            return Ok(TypeExpr::Schema(id));
        }
        let target_hint = last_segment(&source.pointer);
        if self.is_object_schema(&source, target) {
            let model = self.object_schema(&source, target, &target_hint, depth)?;
            return Ok(self.with_non_objects(&source, target, model));
        }
        let ty = self.inline_type(&source, target, &target_hint, depth)?;
        let ty = self.checked(&source, target, ty)?;
        if !is_named_alias(target) {
            return Ok(ty);
        }
        let alias = SchemaKind::Alias(ty);
        Ok(TypeExpr::Schema(self.add_schema(
            source,
            target,
            &target_hint,
            alias,
        )?))
    }

    /// `ty`, checked at run time against the schema at `at` where the
    /// schema asks for more than `ty` can say.
    fn checked(
        &mut self,
        at: &SourceKey,
        value: &Value,
        ty: TypeExpr,
    ) -> Result<TypeExpr, ModelError> {
        let Some(check) = self.check_of(at, value)? else {
            return Ok(ty);
        };
        let constraint = Constraint {
            keyword: "json_schema",
            value: ConstraintValue::Schema(check),
        };
        Ok(match ty {
            TypeExpr::Constrained(inner, mut constraints) => {
                constraints.push(constraint);
                TypeExpr::Constrained(inner, constraints)
            }
            ty => TypeExpr::Constrained(Box::new(ty), vec![constraint]),
        })
    }

    /// Whether the `allOf` parts of the schema at `at` say more than its
    /// type: where they are `merged` into one model, a part (through
    /// `$ref`s and nested `allOf`s) with more than properties, required
    /// names and `type: object`; otherwise, where the first informative
    /// part alone gives the type, a second one or keywords beside them.
    fn all_of_says_more(
        &mut self,
        at: &SourceKey,
        value: &Value,
        merged: bool,
    ) -> Result<bool, ModelError> {
        const MERGED: &[&str] = &["properties", "required", "allOf", "$ref", "nullable"];
        let Some(Value::Array(parts)) = value.get("allOf") else {
            return Ok(false);
        };
        if !merged {
            let informative = parts
                .iter()
                .filter(|part| !is_annotation_only(part))
                .count();
            let beside = value.as_object().is_some_and(|object| {
                object
                    .keys()
                    .any(|key| key != "allOf" && !is_annotation(key))
            });
            return Ok(informative > 1 || beside);
        }
        if let Some(&verdict) = self.all_of_verdicts.get(at) {
            return Ok(verdict);
        }
        // Until known, a cycle back here adds nothing.
        self.all_of_verdicts.insert(at.clone(), false);
        let documents = self.documents;
        let mut verdict = false;
        for (index, part) in parts.iter().enumerate() {
            let part_key = at.child("allOf").child(&index.to_string());
            let (key, part) = documents.deref_from(&part_key, part)?;
            let Some(object) = part.as_object() else {
                // `false` refuses everything; `true` says nothing.
                verdict = *part == Value::Bool(false);
                if verdict {
                    break;
                }
                continue;
            };
            verdict = needs_check(part)
                || object.iter().any(|(keyword, item)| match keyword {
                    "type" => item.as_str() != Some("object"),
                    "additionalProperties" => *item != Value::Bool(true),
                    _ => !MERGED.contains(&keyword) && !is_annotation(keyword),
                })
                || self.all_of_says_more(&key, part, true)?;
            if verdict {
                break;
            }
        }
        self.all_of_verdicts.insert(at.clone(), verdict);
        Ok(verdict)
    }

    /// The runtime check of the schema at `at`, when it needs one: the
    /// schema with every schema it refers to, each once.
    fn check_of(
        &mut self,
        at: &SourceKey,
        value: &Value,
    ) -> Result<Option<Arc<SchemaCheck>>, ModelError> {
        let merged = self.is_object_schema(at, value);
        if !needs_check(value) && !self.all_of_says_more(at, value, merged)? {
            return Ok(None);
        }
        let mut copier = CheckCopier {
            documents: self.documents,
            names: Vec::new(),
            refs: Vec::new(),
            values: 0,
        };
        let Some(schema) = copier.copy(at, value, 0, Place::Schema)? else {
            self.warnings.push(format!(
                "{}: the schema is too large to check at run time (over {MAX_CHECK_VALUES} values with what it refers to); only what its Python type says is checked",
                self.documents.located(at)
            ));
            return Ok(None);
        };
        // Bounds memory while checks are made; the limit counts them where
        // they are kept (`Field::weight`, `Schema::weight`).
        self.checks_made += copier.values;
        if let Some(made) = self.fields_made_ahead {
            made.fetch_add(copier.values, Ordering::Relaxed);
        }
        if self.checks_made > self.field_limit {
            return Err(self.too_large_in_fields());
        }
        let refs = copier.refs;
        let key = JsonValue::List(vec![schema.clone(), JsonValue::Object(refs.clone())]).to_json();
        Ok(Some(Arc::new(SchemaCheck {
            schema,
            refs,
            values: copier.values,
            key,
        })))
    }

    /// The model of an object schema, or any value that is not an object
    /// where the schema allows one: `properties` and the like say nothing
    /// of other values, so a schema without `type: object` (its own or an
    /// `allOf` part's) accepts them as they are.
    fn with_non_objects(&self, at: &SourceKey, value: &Value, model: SchemaId) -> TypeExpr {
        let mut allowed = vec![
            TypeExpr::Str,
            TypeExpr::Int,
            TypeExpr::Float,
            TypeExpr::Bool,
            TypeExpr::Null,
            TypeExpr::List(Box::new(TypeExpr::Any)),
        ];
        for value in self.with_all_of_parts(at, value) {
            let named: Option<Vec<&str>> = match value.get("type") {
                Some(Value::String(name)) => Some(vec![name.as_ref()]),
                Some(Value::Array(names)) => Some(names.iter().filter_map(Value::as_str).collect()),
                _ => None,
            };
            if let Some(names) = named {
                allowed.retain(|ty| {
                    names.iter().any(|name| {
                        matches!(
                            (*name, ty),
                            ("string", TypeExpr::Str)
                                | ("integer" | "number", TypeExpr::Int)
                                | ("number", TypeExpr::Float)
                                | ("boolean", TypeExpr::Bool)
                                | ("null", TypeExpr::Null)
                                | ("array", TypeExpr::List(_))
                        )
                    })
                });
            }
        }
        allowed.insert(0, TypeExpr::Schema(model));
        union_of(allowed)
    }

    fn inline_type(
        &mut self,
        at: &SourceKey,
        value: &Value,
        hint: &str,
        depth: usize,
    ) -> Result<TypeExpr, ModelError> {
        let object = match value {
            Value::Bool(true) => return Ok(TypeExpr::Any),
            Value::Bool(false) => return Ok(TypeExpr::Nothing),
            Value::Object(object) => object,
            _ => return Err(self.invalid(at, "a schema must be a mapping or a boolean")),
        };
        let ty = if let Some(constant) = object.get("const") {
            literal_of(std::slice::from_ref(constant)).unwrap_or(TypeExpr::Any)
        } else if let Some(Value::Array(values)) = object.get("enum") {
            literal_of(values).unwrap_or(TypeExpr::Any)
        } else if let Some(members) = object
            .get("anyOf")
            .or_else(|| object.get("oneOf"))
            .filter(|members| !only_constraints_on(object, members))
        {
            let keyword = if object.contains_key("anyOf") {
                "anyOf"
            } else {
                "oneOf"
            };
            let members = members.as_array().unwrap_or_default();
            let mut types = Vec::with_capacity(members.len());
            for (index, member) in members.iter().enumerate() {
                let member_key = at.child(keyword).child(&index.to_string());
                types.push(self.type_of(
                    &member_key,
                    member,
                    &format!("{hint} option {}", index + 1),
                    depth + 1,
                )?);
            }
            let (nullable, others): (Vec<TypeExpr>, Vec<TypeExpr>) =
                types.into_iter().partition(|ty| *ty == TypeExpr::Null);
            match self.discriminator(object, &others) {
                Some(property) => union_of(
                    std::iter::once(TypeExpr::Discriminated {
                        members: others,
                        property,
                    })
                    .chain(nullable)
                    .collect(),
                ),
                None => union_of(others.into_iter().chain(nullable).collect()),
            }
        } else if let Some(Value::Array(parts)) = object.get("allOf") {
            // Not an object (that case is a merged model): a value must match
            // every part, so the first part that constrains the type decides it.
            let informative = (0..parts.len()).find(|index| !is_annotation_only(&parts[*index]));
            match informative {
                Some(index) => self.type_of(
                    &at.child("allOf").child(&index.to_string()),
                    &parts[index],
                    hint,
                    depth + 1,
                )?,
                None => TypeExpr::Any,
            }
        } else {
            match object.get("type") {
                Some(Value::String(name)) => self.primitive(at, object, name, hint, depth)?,
                Some(Value::Array(names)) => {
                    let mut types = Vec::new();
                    for name in names.iter().filter_map(Value::as_str) {
                        types.push(self.primitive(at, object, name, hint, depth)?);
                    }
                    union_of(types)
                }
                // `items` says nothing of values that are no array.
                _ if object.contains_key("items") => union_of(vec![
                    self.primitive(at, object, "array", hint, depth)?,
                    TypeExpr::Str,
                    TypeExpr::Int,
                    TypeExpr::Float,
                    TypeExpr::Bool,
                    TypeExpr::Null,
                    TypeExpr::Map(Box::new(TypeExpr::Any)),
                ]),
                _ => TypeExpr::Any,
            }
        };
        if object.get("nullable") == Some(&Value::Bool(true)) {
            return Ok(union_of(vec![ty, TypeExpr::Null]));
        }
        Ok(ty)
    }

    fn primitive(
        &mut self,
        at: &SourceKey,
        object: &Object,
        name: &str,
        hint: &str,
        depth: usize,
    ) -> Result<TypeExpr, ModelError> {
        let ty = match name {
            "string" => match object.get("format").and_then(Value::as_str) {
                Some("date-time") => TypeExpr::Format(Format::DateTime),
                Some("date") => TypeExpr::Format(Format::Date),
                Some("time") => TypeExpr::Format(Format::Time),
                Some("uuid") => TypeExpr::Format(Format::Uuid),
                Some("ipv4") => TypeExpr::Format(Format::Ipv4),
                Some("ipv6") => TypeExpr::Format(Format::Ipv6),
                _ => TypeExpr::Str,
            },
            "integer" => TypeExpr::Int,
            "number" => TypeExpr::Float,
            "boolean" => TypeExpr::Bool,
            "null" => TypeExpr::Null,
            "array" => match (object.get("prefixItems"), object.get("items")) {
                // A closed array may stop before the end of its prefix: one
                // tuple per length it may have, as long as that stays short.
                (prefix @ (None | Some(Value::Array(_))), Some(Value::Bool(false)))
                    if prefix
                        .and_then(Value::as_array)
                        .map_or(0, |prefix| prefix.len())
                        <= MAX_CLOSED_TUPLE =>
                {
                    let prefix = prefix.and_then(Value::as_array).map_or(&[][..], |p| p);
                    let mut items = Vec::with_capacity(prefix.len());
                    for (index, item) in prefix.iter().enumerate() {
                        let item_key = at.child("prefixItems").child(&index.to_string());
                        items.push(self.type_of(
                            &item_key,
                            item,
                            &format!("{hint} item {}", index + 1),
                            depth + 1,
                        )?);
                    }
                    let shortest = object
                        .get("minItems")
                        .and_then(Value::as_u64)
                        .map_or(0, |least| (least as usize).min(items.len()));
                    union_of(
                        (shortest..=items.len())
                            .map(|length| TypeExpr::Tuple(items[..length].to_vec()))
                            .collect(),
                    )
                }
                // Open tuples need `*tuple[...]`, which Python 3.10 lacks.
                (Some(_), _) => TypeExpr::List(Box::new(TypeExpr::Any)),
                (None, Some(items @ (Value::Object(_) | Value::Bool(true)))) => {
                    TypeExpr::List(Box::new(self.type_of(
                        &at.child("items"),
                        items,
                        &format!("{hint} item"),
                        depth + 1,
                    )?))
                }
                _ => TypeExpr::List(Box::new(TypeExpr::Any)),
            },
            "object" => match object.get("additionalProperties") {
                // No property at all: only the empty object.
                Some(Value::Bool(false)) if object.get("patternProperties").is_none() => {
                    TypeExpr::Map(Box::new(TypeExpr::Nothing))
                }
                Some(values @ Value::Object(_)) => TypeExpr::Map(Box::new(self.type_of(
                    &at.child("additionalProperties"),
                    values,
                    &format!("{hint} value"),
                    depth + 1,
                )?)),
                _ => TypeExpr::Map(Box::new(TypeExpr::Any)),
            },
            other => {
                return Err(ModelError::Unsupported {
                    at: self.documents.located(at),
                    message: format!("schema type {other:?}"),
                })
            }
        };
        let constraints = constraints_for(name, object);
        if let Some(Value::Number(step)) = object.get("multipleOf") {
            let numeric = matches!(name, "integer" | "number");
            if numeric && positive_step(&step.to_string(), name == "integer").is_none() {
                self.warnings.push(format!(
                    "{}: `multipleOf` {step} is not a positive number the client can check; it is left out",
                    self.documents.located(&at.child("multipleOf"))
                ));
            }
        }
        Ok(if constraints.is_empty() {
            ty
        } else {
            TypeExpr::Constrained(Box::new(ty), constraints)
        })
    }

    /// The property that tells the members of a union apart: the schema's
    /// `discriminator`, or else as [`discriminator`] finds it.
    fn discriminator(&self, object: &Object, members: &[TypeExpr]) -> Option<String> {
        let named = match object.get("discriminator") {
            Some(Value::String(name)) => Some(name.as_ref()),
            Some(Value::Object(spec)) => spec.get("propertyName").and_then(Value::as_str),
            _ => None,
        };
        let ids = members
            .iter()
            .map(|member| match member {
                TypeExpr::Schema(id) => Some(*id),
                _ => None,
            })
            .collect::<Option<Vec<SchemaId>>>()?;
        discriminator(&self.schemas, &ids, named)
    }
}

/// The `multipleOf` to enforce, as Python text: `None` for a step that is
/// not positive (no valid schema has one). For an integer, a fractional step
/// p/q in lowest terms holds exactly when p divides the value, so the step
/// becomes the integer p, which is what pydantic accepts for an `int`.
fn positive_step(text: &str, integer: bool) -> Option<String> {
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{whole}{fraction}");
    if !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return None;
    }
    if !integer {
        return Some(text.to_string());
    }
    let mut numerator: u128 = digits.parse().ok()?;
    let scale = exponent - i32::try_from(fraction.len()).ok()?;
    if scale >= 0 {
        let factor = 10u128.checked_pow(scale.unsigned_abs())?;
        return Some(numerator.checked_mul(factor)?.to_string());
    }
    for prime in [2, 5] {
        for _ in 0..scale.unsigned_abs() {
            if !numerator.is_multiple_of(prime) {
                break;
            }
            numerator /= prime;
        }
    }
    Some(numerator.to_string())
}

/// The validation keywords that apply to a value of JSON type `name`.
fn constraints_for(name: &str, object: &Object) -> Vec<Constraint> {
    let number = |key: &str| match object.get(key) {
        Some(Value::Number(number)) => Some(ConstraintValue::Number(number.to_string())),
        _ => None,
    };
    let count = |key: &str| match object.get(key) {
        Some(Value::Number(number)) if number.is_u64() => {
            Some(ConstraintValue::Number(number.to_string()))
        }
        _ => None,
    };
    let mut found = Vec::new();
    let mut push = |keyword: &'static str, value: Option<ConstraintValue>| {
        if let Some(value) = value {
            found.push(Constraint { keyword, value });
        }
    };
    match name {
        "integer" | "number" => {
            // Draft 4 spells exclusive bounds as booleans beside minimum/maximum.
            let exclusive = |key: &str| object.get(key) == Some(&Value::Bool(true));
            if exclusive("exclusiveMinimum") {
                push("gt", number("minimum"));
            } else {
                push("ge", number("minimum"));
                push("gt", number("exclusiveMinimum"));
            }
            if exclusive("exclusiveMaximum") {
                push("lt", number("maximum"));
            } else {
                push("le", number("maximum"));
                push("lt", number("exclusiveMaximum"));
            }
            let step = object.get("multipleOf").and_then(|step| match step {
                Value::Number(step) => positive_step(&step.to_string(), name == "integer"),
                _ => None,
            });
            push("multiple_of", step.map(ConstraintValue::Number));
        }
        "string" => {
            push("min_length", count("minLength"));
            push("max_length", count("maxLength"));
            let pattern = object
                .get("pattern")
                .and_then(Value::as_str)
                .map(|p| ConstraintValue::Pattern(p.to_string()));
            push("pattern", pattern);
        }
        "array" => {
            push("min_length", count("minItems"));
            push("max_length", count("maxItems"));
        }
        _ => {}
    }
    found
}

/// Each message once, where it first appears.
fn first_occurrences(items: impl IntoIterator<Item = MessageId>) -> Vec<MessageId> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(*item))
        .collect()
}

/// The schemas a chain of `$ref`s from `value` passes through (neither
/// `value` nor the final target) that need a check of their own.
fn checks_on_the_way<'d>(
    documents: &'d Documents,
    at: &SourceKey,
    value: &'d Value,
) -> Result<Vec<(SourceKey, &'d Value)>, ModelError> {
    // Fails on a cycle or an overlong chain before the walk below.
    documents.deref_from(at, value)?;
    let mut found = Vec::new();
    let mut hop = (at.clone(), value);
    while let Some(reference) = hop.1.get("$ref") {
        let next = documents.follow(&hop.0, reference)?;
        if next.1.get("$ref").is_some() && needs_check(next.1) {
            found.push(next.clone());
        }
        hop = next;
    }
    Ok(found)
}

/// Copies a schema for a runtime check, giving each schema it refers to a
/// local name (`#r0`…) and a copy of its own.
struct CheckCopier<'a> {
    documents: &'a Documents,
    names: Vec<SourceKey>,
    refs: Vec<(String, JsonValue)>,
    values: usize,
}

impl CheckCopier<'_> {
    /// The copy, or `None` past [`MAX_CHECK_VALUES`].
    fn copy(
        &mut self,
        at: &SourceKey,
        value: &Value,
        depth: usize,
        place: Place,
    ) -> Result<Option<JsonValue>, ModelError> {
        self.values += 1;
        if self.values > MAX_CHECK_VALUES || depth > MAX_SCHEMA_DEPTH {
            return Ok(None);
        }
        Ok(Some(match value {
            Value::Array(items) => {
                let mut copied = Vec::with_capacity(items.len());
                for (index, item) in items.iter().enumerate() {
                    let at = at.child(&index.to_string());
                    let Some(item) = self.copy(&at, item, depth + 1, place)? else {
                        return Ok(None);
                    };
                    copied.push(item);
                }
                JsonValue::List(copied)
            }
            Value::Object(object) => {
                let mut copied = Vec::with_capacity(object.len());
                for (key, item) in object.iter() {
                    let inner = match place {
                        Place::Data => Place::Data,
                        Place::Names => Place::Schema,
                        // Descriptions check nothing, and every `$ref` is
                        // copied on its own, so `$defs` are not needed.
                        Place::Schema if is_annotation(key) => continue,
                        Place::Schema if key == "$ref" && item.as_str().is_some() => {
                            let Some(name) = self.reference(at, value, depth)? else {
                                return Ok(None);
                            };
                            copied.push((key.to_string(), JsonValue::Str(name)));
                            continue;
                        }
                        Place::Schema if DATA_KEYWORDS.contains(&key) => Place::Data,
                        Place::Schema if NAMES_KEYWORDS.contains(&key) => Place::Names,
                        Place::Schema => Place::Schema,
                    };
                    let Some(item) = self.copy(&at.child(key), item, depth + 1, inner)? else {
                        return Ok(None);
                    };
                    copied.push((key.to_string(), item));
                }
                let copied = JsonValue::Object(copied);
                // OpenAPI's `nullable` adds null to whatever the schema allows.
                match object.get("nullable") {
                    Some(Value::Bool(true)) if matches!(place, Place::Schema) => {
                        let null =
                            JsonValue::Object(vec![("type".into(), JsonValue::Str("null".into()))]);
                        JsonValue::Object(vec![(
                            "anyOf".into(),
                            JsonValue::List(vec![null, copied]),
                        )])
                    }
                    _ => copied,
                }
            }
            scalar => JsonValue::from(scalar),
        }))
    }

    /// The local name of what the `$ref` of `value` (at `at`) refers to.
    fn reference(
        &mut self,
        at: &SourceKey,
        value: &Value,
        depth: usize,
    ) -> Result<Option<String>, ModelError> {
        let (target_key, target) = self.documents.deref_from(at, value)?;
        if let Some(index) = self.names.iter().position(|name| *name == target_key) {
            return Ok(Some(format!("#r{index}")));
        }
        let index = self.names.len();
        self.names.push(target_key.clone());
        let name = format!("r{index}");
        // Reserved before copying, so that a schema may refer to itself.
        self.refs.push((name.clone(), JsonValue::Bool(true)));
        let Some(copied) = self.copy(&target_key, target, depth + 1, Place::Schema)? else {
            return Ok(None);
        };
        self.refs[index].1 = copied;
        Ok(Some(format!("#{name}")))
    }
}

/// What a value within a schema is.
#[derive(Clone, Copy)]
enum Place {
    Schema,
    /// A mapping of names to schemas (`properties`).
    Names,
    Data,
}

/// Keywords whose values are JSON data rather than schemas.
const DATA_KEYWORDS: &[&str] = &["const", "enum", "required", "dependentRequired"];

/// Keywords whose values map names to schemas.
const NAMES_KEYWORDS: &[&str] = &["properties", "patternProperties", "dependentSchemas"];

/// Whether `members` (of an `anyOf` or `oneOf`) only constrain values of
/// the one `type` beside them: the type is then that type, and the
/// constraints are checked at run time.
fn only_constraints_on(object: &Object, members: &Value) -> bool {
    const CONSTRAINTS: &[&str] = &[
        "minLength",
        "maxLength",
        "pattern",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "minItems",
        "maxItems",
        "uniqueItems",
        "required",
        "minProperties",
        "maxProperties",
    ];
    object.get("type").and_then(Value::as_str).is_some()
        && members.as_array().is_some_and(|members| {
            members.iter().all(|member| {
                member.as_object().is_some_and(|member| {
                    member
                        .keys()
                        .all(|key| CONSTRAINTS.contains(&key) || is_annotation(key))
                })
            })
        })
}

/// Whether a schema says more than the Python type made of it can: such a
/// schema is checked at run time as well.
fn needs_check(value: &Value) -> bool {
    const UNEXPRESSED: &[&str] = &[
        "not",
        "if",
        "contains",
        "dependentRequired",
        "dependentSchemas",
        "dependencies",
        "patternProperties",
        "propertyNames",
        "minProperties",
        "maxProperties",
        "unevaluatedProperties",
        "unevaluatedItems",
    ];
    const STRING: &[&str] = &["minLength", "maxLength", "pattern"];
    const NUMBER: &[&str] = &[
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
    ];
    const ARRAY: &[&str] = &["minItems", "maxItems", "uniqueItems", "prefixItems"];
    let Some(object) = value.as_object() else {
        return false;
    };
    if object.keys().any(|key| UNEXPRESSED.contains(&key)) {
        return true;
    }
    // Only in a mapping (an object without properties) is the schema of
    // other properties a Python type: the mapping's value type.
    let mapping = object.get("type").and_then(Value::as_str) == Some("object")
        && !object.contains_key("properties");
    if !mapping
        && object
            .get("additionalProperties")
            .is_some_and(|extra| !matches!(extra, Value::Bool(_)))
    {
        return true;
    }
    if object.get("uniqueItems") == Some(&Value::Bool(true)) {
        return true;
    }
    // Required names are fields only of a model, which needs properties.
    if object.contains_key("required") && !object.contains_key("properties") {
        return true;
    }
    // A `$ref` with keywords beside it, or more than one of the keywords
    // each of which alone decides the type.
    let deciding = ["$ref", "const", "enum", "anyOf", "oneOf", "allOf"]
        .iter()
        .filter(|key| object.contains_key(key))
        .count();
    if object.contains_key("$ref") && !object.keys().all(|key| key == "$ref" || is_annotation(key))
    {
        return true;
    }
    let constants: Option<&[Value]> = match (object.get("const"), object.get("enum")) {
        (Some(constant), _) => Some(std::slice::from_ref(constant)),
        (None, Some(Value::Array(values))) => Some(values),
        _ => None,
    };
    // What a `Literal` holds exactly: pydantic takes `true` for 1 and 1
    // for `true`.
    let plain = |values: &[Value]| {
        values.iter().all(|value| match value {
            Value::String(_) | Value::Null => true,
            Value::Number(number) => number.as_i64().is_some_and(|int| int != 0 && int != 1),
            _ => false,
        })
    };
    // A `type` that each constant has says nothing more.
    let typed_constants = constants.is_some_and(|values| {
        let named = object.get("type").and_then(Value::as_str);
        plain(values)
            && values.iter().all(|value| match value {
                Value::String(_) => named == Some("string"),
                Value::Number(_) => matches!(named, Some("integer" | "number")),
                _ => false,
            })
    });
    if deciding > 1
        || (deciding == 1
            && object.contains_key("type")
            && !object.contains_key("allOf")
            && !typed_constants)
    {
        return true;
    }
    // Constants a `Literal` would mistake or cannot hold, and an enum that
    // is no list or empty.
    if constants.is_some_and(|values| values.is_empty() || !plain(values))
        || object
            .get("enum")
            .is_some_and(|values| values.as_array().is_none())
    {
        return true;
    }
    // Keywords for one type, without that type alone: Python types apply
    // them only to a value of that type.
    let single = object.get("type").and_then(Value::as_str);
    let unless = |keywords: &[&str], types: &[&str]| {
        object.keys().any(|key| keywords.contains(&key))
            && !single.is_some_and(|name| types.contains(&name))
    };
    if unless(STRING, &["string"])
        || unless(NUMBER, &["integer", "number"])
        || unless(ARRAY, &["array"])
    {
        return true;
    }
    // `items` after open `prefixItems`.
    object.contains_key("prefixItems")
        && object
            .get("items")
            .is_some_and(|items| *items != Value::Bool(false))
}

fn is_annotation(key: &str) -> bool {
    matches!(
        key,
        "$comment"
            | "default"
            | "deprecated"
            | "description"
            | "example"
            | "examples"
            | "format"
            | "readOnly"
            | "title"
            | "writeOnly"
            | "$schema"
            | "$defs"
            | "definitions"
            | "discriminator"
            | "externalDocs"
    ) || key.starts_with("x-")
}

/// A part of a schema that only describes and does not constrain the type.
fn is_annotation_only(value: &Value) -> bool {
    const ANNOTATIONS: &[&str] = &[
        "$comment",
        "default",
        "deprecated",
        "description",
        "example",
        "examples",
        "format",
        "readOnly",
        "title",
        "writeOnly",
    ];
    value
        .as_object()
        .is_some_and(|object| object.keys().all(|key| ANNOTATIONS.contains(&key)))
}

/// A referenced enum or union keeps its name as a type alias.
fn is_named_alias(value: &Value) -> bool {
    ["enum", "anyOf", "oneOf"]
        .iter()
        .any(|key| value.get(key).is_some())
}

fn literal_of(values: &[Value]) -> Option<TypeExpr> {
    let mut scalars = Vec::new();
    let mut nullable = false;
    for value in values {
        match value {
            Value::String(text) => scalars.push(Scalar::Str(text.to_string())),
            Value::Bool(flag) => scalars.push(Scalar::Bool(*flag)),
            Value::Number(number) => scalars.push(Scalar::Int(number.as_i64()?)),
            Value::Null => nullable = true,
            _ => return None,
        }
    }
    let mut types = Vec::new();
    if !scalars.is_empty() {
        types.push(TypeExpr::Literal(scalars));
    }
    if nullable {
        types.push(TypeExpr::Null);
    }
    Some(union_of(types))
}

/// A union with nested unions flattened and duplicates removed, in first-seen order.
/// The one discriminator policy, for unions of schemas and of messages
/// alike: the JSON name of the property `named` (or, without a name,
/// [`PREFERRED_DISCRIMINATOR`] and then every property of the first member
/// by name) that every member, an object, has as a distinct string constant
/// that a frame always carries or defaults to (pydantic needs a plain
/// `Literal` there).
pub fn discriminator(
    schemas: &[Schema],
    members: &[SchemaId],
    named: Option<&str>,
) -> Option<String> {
    if members.len() < 2 {
        return None;
    }
    let fields_of = |id: &SchemaId| match &schemas[id.0].kind {
        SchemaKind::Object { fields, .. } => Some(fields),
        _ => None,
    };
    let mut candidates: Vec<&str> = match named {
        Some(name) => vec![name],
        None => fields_of(&members[0])?
            .iter()
            .map(|field| field.json_name.as_str())
            .collect(),
    };
    candidates.sort_by_key(|name| (*name != PREFERRED_DISCRIMINATOR, *name));
    candidates.into_iter().find_map(|candidate| {
        let mut seen = std::collections::BTreeSet::new();
        let distinct = members.iter().all(|member| {
            fields_of(member).is_some_and(|fields| {
                fields.iter().any(|field| {
                    field.json_name == candidate
                        && (field.required || field.default.is_some())
                        && matches!(&field.ty, TypeExpr::Literal(values)
                            if matches!(values.as_slice(), [Scalar::Str(value)] if seen.insert(value.clone())))
                })
            })
        });
        distinct.then(|| candidate.to_string())
    })
}

pub fn union_of(types: Vec<TypeExpr>) -> TypeExpr {
    // A member no value matches adds nothing, unless all are such.
    if !types.is_empty() && types.iter().all(|ty| *ty == TypeExpr::Nothing) {
        return TypeExpr::Nothing;
    }
    let mut members: Vec<TypeExpr> = Vec::new();
    for ty in types.into_iter().filter(|ty| *ty != TypeExpr::Nothing) {
        let parts = match ty {
            TypeExpr::Union(parts) => parts,
            other => vec![other],
        };
        for part in parts {
            if !members.contains(&part) {
                members.push(part);
            }
        }
    }
    if members.contains(&TypeExpr::Any) {
        return TypeExpr::Any;
    }
    match members.len() {
        0 => TypeExpr::Any,
        1 => members.remove(0),
        _ => TypeExpr::Union(members),
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::load::{self, Limits, Location};

    fn documents(location: Location, text: Option<&str>) -> Documents {
        let limits = Limits::default();
        let document = match text {
            Some(text) => load::parse(&location, text.as_bytes().to_vec(), None).unwrap(),
            None => load::load(&location, &limits).unwrap(),
        };
        Documents::load(document, &limits).unwrap()
    }

    /// The whole model as text, ids included.
    fn built(documents: &Documents, parallel: bool) -> Result<String, String> {
        built_within(documents, parallel, MAX_FIELDS)
    }

    fn built_within(
        documents: &Documents,
        parallel: bool,
        field_limit: usize,
    ) -> Result<String, String> {
        build_api(documents, Perspective::Server, parallel, field_limit)
            .map(|api| format!("{api:#?}"))
            .map_err(|error| error.to_string())
    }

    fn fixture_documents(folder: &Path, out: &mut Vec<Documents>) {
        let mut entries: Vec<_> = std::fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            // JSON Schema test files, not AsyncAPI documents.
            if path.ends_with("json-schema-test-suite") {
                continue;
            }
            if path.is_dir() {
                fixture_documents(&path, out);
            } else if path.extension().is_some_and(|ext| ext != "md") {
                out.push(documents(Location::File(path), None));
            }
        }
    }

    #[test]
    fn messages_built_across_cores_equal_those_built_in_order() {
        let mut all = Vec::new();
        fixture_documents(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
            &mut all,
        );
        assert!(all.len() > 10);
        for documents in &all {
            assert_eq!(built(documents, true), built(documents, false));
        }
    }

    /// Channels whose messages share schemas with other channels' (and one
    /// another's), so every run of messages meets schemas another run made.
    fn shared_schemas_document(broken: Option<usize>) -> String {
        let mut channels = serde_json::Map::new();
        let mut operations = serde_json::Map::new();
        let mut schemas = serde_json::Map::new();
        schemas.insert(
            "Tree".into(),
            serde_json::json!({"type": "object", "properties": {
                "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}},
                "meta": {"type": "object", "properties": {"at": {"type": "string"}}},
                "kind": {"type": "boolean", "default": "false"}
            }}),
        );
        for index in 0..200 {
            let group = index % 7;
            schemas.insert(
                format!("Group{group}"),
                serde_json::json!({"enum": ["a", "b"], "title": format!("Group{group}")}),
            );
            let payload = if broken == Some(index) {
                serde_json::json!({"type": "mystery"})
            } else {
                serde_json::json!({"type": "object", "properties": {
                    "group": {"$ref": format!("#/components/schemas/Group{group}")},
                    "tree": {"$ref": "#/components/schemas/Tree"},
                    "inline": {"type": "object", "properties": {"n": {"type": "integer"}}}
                }})
            };
            channels.insert(
                format!("c{index}"),
                serde_json::json!({"address": format!("/c{index}"), "messages": {
                    "own": {"payload": payload},
                    "other": {"$ref": format!("#/channels/c{}/messages/own", (index + 3) % 200)}
                }}),
            );
            operations.insert(
                format!("op{index}"),
                serde_json::json!({"action": "receive", "channel": {"$ref": format!("#/channels/c{index}")},
                    "reply": {"channel": {"$ref": format!("#/channels/c{index}")}}}),
            );
        }
        serde_json::json!({"asyncapi": "3.0.0", "info": {"title": "t", "version": "1"},
            "channels": channels, "operations": operations,
            "components": {"schemas": schemas}})
        .to_string()
    }

    #[test]
    fn merged_fields_keep_their_first_place_and_take_the_last_definition() {
        let wide: serde_json::Map<String, serde_json::Value> = (0..5000)
            .map(|index| (format!("p{index}"), serde_json::json!({"type": "integer"})))
            .collect();
        let text = serde_json::json!({
            "asyncapi": "3.0.0", "info": {"title": "t", "version": "1"},
            "channels": {"c": {"address": "/c", "messages": {"m": {"payload": {
                "allOf": [
                    {"type": "object", "properties": wide, "required": ["p1", "p4999"]},
                    {"type": "object", "properties": {
                        "p1": {"type": "string"}, "extra": {"type": "boolean"}
                    }, "required": ["extra"]}
                ]
            }}}}},
            "operations": {"o": {"action": "receive", "channel": {"$ref": "#/channels/c"}}}
        })
        .to_string();
        let documents = documents(Location::parse("wide.json"), Some(&text));
        let api = build(&documents, Perspective::Server).unwrap();
        let SchemaKind::Object { fields, .. } = &api.schemas[api.messages[0].schema.0].kind else {
            panic!("the payload is an object");
        };
        assert_eq!(fields.len(), 5001);
        assert_eq!(fields[1].json_name, "p1");
        assert_eq!(fields[1].ty, TypeExpr::Str);
        assert_eq!(fields[5000].json_name, "extra");
        let required: Vec<&str> = fields
            .iter()
            .filter(|field| field.required)
            .map(|field| field.json_name.as_str())
            .collect();
        assert_eq!(required, ["p1", "p4999", "extra"]);
    }

    /// `S0` to `S39` each merge the next one twice, around a property of
    /// their own: 2^40 ways down to `S40`.
    fn all_of_lattice() -> String {
        let mut schemas = serde_json::Map::new();
        for level in 0..40 {
            let next = serde_json::json!({"$ref": format!("#/components/schemas/S{}", level + 1)});
            schemas.insert(
                format!("S{level}"),
                serde_json::json!({"allOf": [next, {"type": "object", "properties": {
                    format!("f{level}"): {"type": "integer"}
                }, "required": [format!("f{level}")]}, next]}),
            );
        }
        schemas.insert(
            "S40".into(),
            serde_json::json!({"type": "object", "properties": {"leaf": {"type": "string"}}}),
        );
        serde_json::json!({
            "asyncapi": "3.0.0", "info": {"title": "t", "version": "1"},
            "channels": {"c": {"address": "/c", "messages": {"m": {
                "payload": {"$ref": "#/components/schemas/S0"}
            }}}},
            "operations": {"o": {"action": "receive", "channel": {"$ref": "#/channels/c"}}},
            "components": {"schemas": schemas}
        })
        .to_string()
    }

    #[test]
    fn all_of_merges_each_part_once_however_many_ways_reach_it() {
        let text = all_of_lattice();
        let documents = documents(Location::parse("lattice.json"), Some(&text));
        let mut builder = Builder::new(&documents, Perspective::Server);
        let root = SourceKey {
            doc: crate::resolve::DocId(0),
            pointer: String::new(),
        };
        let channels = builder.channels(&root).unwrap();
        builder.operations(&root, channels, false).unwrap();
        // S0 to S40 and the forty inline parts, once each.
        assert_eq!(builder.collected, 81);
        let schema = &builder.schemas[builder.messages[0].schema.0];
        let SchemaKind::Object { fields, .. } = &schema.kind else {
            panic!("S0 merges into an object");
        };
        let names: Vec<&str> = fields
            .iter()
            .map(|field| field.json_name.as_str())
            .collect();
        let mut expected = vec!["leaf".to_string()];
        expected.extend((0..40).rev().map(|level| format!("f{level}")));
        assert_eq!(names, expected);
        assert!(fields[1..].iter().all(|field| field.required));
        assert!(!fields[0].required);
    }

    #[test]
    fn shared_schemas_and_errors_are_the_same_however_messages_are_built() {
        for broken in [None, Some(0), Some(97), Some(199)] {
            let text = shared_schemas_document(broken);
            let documents = documents(Location::parse("shared.json"), Some(&text));
            let parallel = built(&documents, true);
            assert_eq!(parallel, built(&documents, false));
            assert_eq!(parallel.is_err(), broken.is_some(), "{broken:?}");
            if let Ok(api) = build_api(&documents, Perspective::Server, true, MAX_FIELDS) {
                // The shared schema's bad default, met by every builder, once.
                assert_eq!(api.warnings.len(), 1, "{:?}", api.warnings);
                assert!(api.warnings[0].contains("/Tree/properties/kind/default"));
            }
        }
    }

    /// Messages whose payloads `allOf` a few wide shared bases, one of them
    /// broken when asked.
    fn all_of_bases_document(broken: Option<usize>) -> String {
        let mut schemas = serde_json::Map::new();
        for base in 0..5 {
            let properties: serde_json::Map<String, serde_json::Value> = (0..20)
                .map(|index| {
                    (
                        format!("b{base}_{index}"),
                        serde_json::json!({"type": "string"}),
                    )
                })
                .collect();
            schemas.insert(
                format!("Base{base}"),
                serde_json::json!({"type": "object", "properties": properties}),
            );
        }
        let mut channels = serde_json::Map::new();
        let mut operations = serde_json::Map::new();
        for index in 0..120 {
            let own = if broken == Some(index) {
                serde_json::json!({"type": "object", "properties": {"bad": {"type": "mystery"}}})
            } else {
                serde_json::json!({"type": "object", "properties": {
                    "action": {"const": format!("a{index}")},
                    "nested": {"allOf": [{"$ref": format!("#/components/schemas/Base{}", index % 5)}]}
                }})
            };
            channels.insert(
                format!("c{index}"),
                serde_json::json!({"address": format!("/c{index}"), "messages": {"m": {"payload": {
                    "allOf": [
                        {"$ref": format!("#/components/schemas/Base{}", index % 5)},
                        {"$ref": format!("#/components/schemas/Base{}", (index + 1) % 5)},
                        own
                    ]
                }}}}),
            );
            operations.insert(
                format!("op{index}"),
                serde_json::json!({"action": "receive", "channel": {"$ref": format!("#/channels/c{index}")}}),
            );
        }
        serde_json::json!({"asyncapi": "3.0.0", "info": {"title": "t", "version": "1"},
            "channels": channels, "operations": operations,
            "components": {"schemas": schemas}})
        .to_string()
    }

    #[test]
    fn the_field_limit_gives_one_verdict_however_messages_are_built() {
        let documents_of = |text: &str| documents(Location::parse("bases.json"), Some(text));
        let documents = documents_of(&all_of_bases_document(None));
        // The smallest limit the ordered walk accepts.
        let (mut refused, mut accepted) = (0, MAX_FIELDS);
        while accepted - refused > 1 {
            let middle = (refused + accepted) / 2;
            match built_within(&documents, false, middle) {
                Ok(_) => accepted = middle,
                Err(_) => refused = middle,
            }
        }
        assert!(accepted > 120 * 40, "{accepted}");
        let whole = built_within(&documents, false, accepted);
        assert_eq!(built_within(&documents, true, accepted), whole);
        for limit in [refused, refused / 2, 100] {
            let error = built_within(&documents, false, limit).unwrap_err();
            assert!(
                error.contains(&format!("more than {limit} fields")),
                "{error}"
            );
            assert_eq!(built_within(&documents, true, limit), Err(error));
        }
        // An error before the limit is reached is the error; one after it is not.
        for broken in [3, 110] {
            let text = all_of_bases_document(Some(broken));
            let broken_documents = documents_of(&text);
            for limit in [accepted / 2, accepted / 10] {
                let ordered = built_within(&broken_documents, false, limit);
                assert_eq!(built_within(&broken_documents, true, limit), ordered);
                let error = ordered.unwrap_err();
                assert_eq!(error.contains("mystery"), broken == 3, "{limit}: {error}");
            }
        }
    }

    #[test]
    fn a_fractional_step_of_an_integer_is_the_numerator_in_lowest_terms() {
        for (text, integer, expected) in [
            ("3", true, Some("3")),
            ("1.5", true, Some("3")),
            ("0.5", true, Some("1")),
            ("0.123456789", true, Some("123456789")),
            ("1e-8", true, Some("1")),
            ("2.5e-3", true, Some("1")),
            ("0.0075", true, Some("3")),
            ("1e3", true, Some("1000")),
            ("0", true, None),
            ("-2", true, None),
            ("-0.5", false, None),
            ("0.0001", false, Some("0.0001")),
            ("1e400", true, None),
        ] {
            assert_eq!(
                positive_step(text, integer).as_deref(),
                expected,
                "{text} {integer}"
            );
        }
    }
}
