//! Layout: decides the Python name of every channel folder, client class,
//! model class and field, which module defines each model, which client owns
//! a connection and which are its topic handles, and the names of each
//! client's methods and credential arguments.
//!
//! Schemas reachable from two or more channels live in `shared/messages.py`,
//! the rest in the one channel module that uses them. Names are allocated in
//! the sorted order of their source (document + JSON pointer), so the result
//! does not depend on the order of keys in the document.

use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::model::{Api, Credential, MessageId, SchemaId, SchemaKind, TypeExpr};
use crate::naming::{self, Allocator};

/// Which module defines a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Module {
    Shared,
    Channel(usize),
}

/// Names and placement for the whole package.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Class name per schema; empty for schemas no channel uses.
    pub class_names: Vec<String>,
    /// Python attribute name per schema and field.
    pub field_names: Vec<Vec<String>>,
    /// Schemas defined in `shared/messages.py`, in definition order.
    pub shared: Vec<SchemaId>,
    /// One entry per channel of the model, in the same order.
    pub channels: Vec<ChannelPlan>,
}

#[derive(Debug, Clone)]
pub struct ChannelPlan {
    pub module: String,
    pub client_class: String,
    /// The `TypedDict` of the address's path parameters, if it has any.
    pub path_params_class: Option<String>,
    /// Schemas defined in this channel's `messages.py`, in definition order.
    pub defined: Vec<SchemaId>,
    /// Shared schemas this channel uses, sorted by class name.
    pub shared: Vec<SchemaId>,
    /// Message classes the client receives, sorted by class name, those of
    /// any value last.
    pub incoming: Vec<SchemaId>,
    /// Message classes the client sends, in the same order.
    pub outgoing: Vec<SchemaId>,
    pub role: Role,
    /// Per incoming message class, the `on_` method that handles it.
    pub handlers: Vec<(String, String)>,
    /// Typed methods for the operations that declare a reply.
    pub requests: Vec<RequestMethod>,
    /// Keyword arguments for the credentials the connection carries.
    pub credentials: Vec<(String, Credential)>,
}

/// What a channel's client is, given the chanx topics (`x-topic`) at its
/// address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// An ordinary channel client; so is a topic with an address of its own,
    /// where connecting is subscribing.
    Plain,
    /// The client that owns a connection topics ride on: per topic channel
    /// (sorted by key) the name of the method that hands out its handle.
    Connection { topics: Vec<(usize, String)> },
    /// A topic handle on the connection of channel `connection`; per
    /// pattern placeholder, in pattern order, its keyword argument.
    Topic {
        connection: usize,
        parameters: Vec<(String, String)>,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    #[error("the document defines no channels: there is no client to generate")]
    NoChannels,
}

pub fn arrange(api: &Api) -> Result<Plan, LayoutError> {
    if api.channels.is_empty() {
        return Err(LayoutError::NoChannels);
    }
    let (reach, module_of) = placement(api);
    let mut names = Allocator::new();
    names.reserve(naming::GENERATED_NAMES.iter().copied());
    let channel_names = channel_names(api, &mut names);
    let class_names = class_names(api, &module_of, &mut names);
    let field_names = field_names(api, &class_names);
    let (shared_ids, channel_ids) = ids_by_module(&module_of, api.channels.len());
    let placed = Placed {
        api,
        reach,
        module_of,
        class_names,
    };
    let shared = placed.definitions(shared_ids);
    let channels = topic_roles(api)
        .into_par_iter()
        .zip(channel_ids)
        .zip(channel_names)
        .enumerate()
        .map(|(index, ((role, ids), names))| placed.channel_plan(index, role, ids, names))
        .collect();
    Ok(Plan {
        class_names: placed.class_names,
        field_names,
        shared,
        channels,
    })
}

/// The schemas each channel's messages reach, and the module of each
/// schema: the one channel that uses it, the shared module when several
/// do, `None` when none does.
fn placement(api: &Api) -> (Vec<BTreeSet<SchemaId>>, Vec<Option<Module>>) {
    let reach: Vec<BTreeSet<SchemaId>> = api
        .channels
        .par_iter()
        .map(|channel| {
            let roots = channel
                .incoming
                .iter()
                .chain(&channel.outgoing)
                .map(|message| api.messages[message.0].schema);
            reachable(api, roots)
        })
        .collect();
    let mut module_of = vec![None; api.schemas.len()];
    for (index, used) in reach.iter().enumerate() {
        for id in used {
            module_of[id.0] = Some(match module_of[id.0] {
                None => Module::Channel(index),
                Some(_) => Module::Shared,
            });
        }
    }
    (reach, module_of)
}

/// Each channel's module, client class and path parameters class, named in
/// the order of the channels' keys.
fn channel_names(api: &Api, names: &mut Allocator) -> Vec<(String, String, Option<String>)> {
    let mut channel_order: Vec<usize> = (0..api.channels.len()).collect();
    channel_order.sort_by(|a, b| api.channels[*a].key.cmp(&api.channels[*b].key));
    let mut modules = Allocator::new();
    let mut channel_names = vec![(String::new(), String::new(), None); api.channels.len()];
    for index in channel_order {
        let channel = &api.channels[index];
        let module = modules.allocate(&naming::module_name(&channel.key));
        let client = names.allocate(&format!("{}Client", naming::class_name(&channel.key)));
        let params = (!channel.parameters.is_empty())
            .then(|| names.allocate(&format!("{}PathParams", naming::class_name(&channel.key))));
        channel_names[index] = (module, client, params);
    }
    channel_names
}

/// The class name of every placed schema, given in the order of the
/// schemas' sources; empty for a schema no message reaches.
fn class_names(api: &Api, module_of: &[Option<Module>], names: &mut Allocator) -> Vec<String> {
    let mut schema_order: Vec<usize> = (0..api.schemas.len())
        .filter(|id| module_of[*id].is_some())
        .collect();
    schema_order.par_sort_unstable_by(|a, b| api.schemas[*a].source.cmp(&api.schemas[*b].source));
    let bases: Vec<String> = schema_order
        .par_iter()
        .map(|id| naming::class_name(&api.schemas[*id].name_hint))
        .collect();
    let mut class_names = vec![String::new(); api.schemas.len()];
    for (id, base) in schema_order.into_iter().zip(bases) {
        class_names[id] = names.allocate(&base);
    }
    class_names
}

/// The Python name of every field of every model.
fn field_names(api: &Api, class_names: &[String]) -> Vec<Vec<String>> {
    let all_classes: BTreeSet<String> = class_names
        .iter()
        .filter(|name| !name.is_empty())
        .cloned()
        .collect();
    api.schemas
        .par_iter()
        .map(|schema| match &schema.kind {
            SchemaKind::Object { fields, .. } => {
                let mut allocator = Allocator::new();
                fields
                    .iter()
                    .map(|field| {
                        allocator.allocate(&naming::field_name(&field.json_name, &all_classes))
                    })
                    .collect()
            }
            _ => Vec::new(),
        })
        .collect()
}

/// The schemas of the shared module, and those of each channel's.
fn ids_by_module(
    module_of: &[Option<Module>],
    channels: usize,
) -> (Vec<SchemaId>, Vec<Vec<SchemaId>>) {
    let mut shared_ids = Vec::new();
    let mut channel_ids = vec![Vec::new(); channels];
    for (id, module) in module_of.iter().enumerate() {
        match module {
            Some(Module::Shared) => shared_ids.push(SchemaId(id)),
            Some(Module::Channel(index)) => channel_ids[*index].push(SchemaId(id)),
            None => {}
        }
    }
    (shared_ids, channel_ids)
}

/// What the channel plans are made from, once every schema is placed and
/// named.
struct Placed<'a> {
    api: &'a Api,
    reach: Vec<BTreeSet<SchemaId>>,
    module_of: Vec<Option<Module>>,
    class_names: Vec<String>,
}

impl Placed<'_> {
    fn by_name(&self, ids: &mut Vec<SchemaId>) {
        ids.sort_by(|a, b| self.class_names[a.0].cmp(&self.class_names[b.0]));
        ids.dedup();
    }

    /// The classes of one module, in the order they are defined.
    fn definitions(&self, mut ids: Vec<SchemaId>) -> Vec<SchemaId> {
        self.by_name(&mut ids);
        definition_order(self.api, &ids)
    }

    /// The payload schemas of `messages`, by name; a message any value
    /// validates as (a payload chanx cannot read) comes last, so that it
    /// takes only what no other does.
    fn message_schemas(&self, messages: &[MessageId]) -> Vec<SchemaId> {
        let mut ids: Vec<SchemaId> = messages
            .iter()
            .map(|m| self.api.messages[m.0].schema)
            .collect();
        self.by_name(&mut ids);
        ids.sort_by_key(|id| {
            matches!(self.api.schemas[id.0].kind, SchemaKind::Root(TypeExpr::Any))
        });
        ids
    }

    fn channel_plan(
        &self,
        index: usize,
        role: Role,
        defined: Vec<SchemaId>,
        (module, client_class, path_params_class): (String, String, Option<String>),
    ) -> ChannelPlan {
        let channel = &self.api.channels[index];
        let mut shared_used: Vec<SchemaId> = self.reach[index]
            .iter()
            .copied()
            .filter(|id| self.module_of[id.0] == Some(Module::Shared))
            .collect();
        self.by_name(&mut shared_used);
        // A handle rides the connection's address; it has none to fill.
        let path_params_class = path_params_class.filter(|_| !matches!(role, Role::Topic { .. }));
        let incoming = self.message_schemas(&channel.incoming);
        let (handlers, requests) =
            client_methods(self.api, &self.class_names, index, &incoming, &role);
        ChannelPlan {
            module,
            client_class,
            path_params_class,
            defined: self.definitions(defined),
            shared: shared_used,
            incoming,
            outgoing: self.message_schemas(&channel.outgoing),
            credentials: client_credentials(self.api, index, &role),
            handlers,
            requests,
            role,
        }
    }
}

/// The role of every channel: a topic channel is a handle on the connection
/// of the plain channel at its address (the first by key when there are
/// several), or a plain client when no plain channel shares its address.
fn topic_roles(api: &Api) -> Vec<Role> {
    let mut by_key: Vec<usize> = (0..api.channels.len()).collect();
    by_key.sort_by(|a, b| api.channels[*a].key.cmp(&api.channels[*b].key));
    let mut owners = std::collections::BTreeMap::new();
    for &index in &by_key {
        let channel = &api.channels[index];
        if channel.topic.is_none() {
            owners.entry(channel.address.as_str()).or_insert(index);
        }
    }
    let mut roles = vec![Role::Plain; api.channels.len()];
    let mut methods: std::collections::BTreeMap<usize, Allocator> = Default::default();
    for &index in &by_key {
        let channel = &api.channels[index];
        let (Some(topic), Some(&owner)) = (&channel.topic, owners.get(channel.address.as_str()))
        else {
            continue;
        };
        let method = methods
            .entry(owner)
            .or_default()
            .allocate(&naming::topic_method_name(&topic.name));
        let mut keywords = Allocator::new();
        let parameters = topic
            .parameters
            .iter()
            .map(|placeholder| {
                let keyword = keywords.allocate(&naming::parameter_name(placeholder));
                (keyword, placeholder.clone())
            })
            .collect();
        roles[index] = Role::Topic {
            connection: owner,
            parameters,
        };
        match &mut roles[owner] {
            Role::Connection { topics } => topics.push((index, method)),
            role => {
                *role = Role::Connection {
                    topics: vec![(index, method)],
                }
            }
        }
    }
    roles
}

/// A typed method that sends a request and awaits its reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestMethod {
    pub name: String,
    /// Classes of the request, and of its replies, sorted.
    pub sent: Vec<String>,
    pub replies: Vec<String>,
    /// JSON pointers of the correlation id in the request and in the reply.
    pub correlation: Option<(String, String)>,
}

/// The JSON pointer a `correlationId` location names in the message
/// (`$message.payload#/reqid` → `/reqid`), when every message agrees on one.
fn correlation_pointer(api: &Api, messages: &[MessageId]) -> Option<String> {
    let mut pointers = messages.iter().map(|id| {
        let location = api.messages[id.0].correlation_id.as_deref()?;
        let pointer = location.strip_prefix("$message.payload#")?;
        (pointer.is_empty() || pointer.starts_with('/')).then(|| pointer.to_string())
    });
    let first = pointers.next()??;
    pointers
        .all(|pointer| pointer.as_deref() == Some(first.as_str()))
        .then_some(first)
}

/// The names of a client's `on_` handlers (per incoming class, sorted by
/// class name) and request methods (sorted by operation), which share one
/// namespace with the client's own attributes and topic methods.
fn client_methods(
    api: &Api,
    class_names: &[String],
    index: usize,
    incoming: &[SchemaId],
    role: &Role,
) -> (Vec<(String, String)>, Vec<RequestMethod>) {
    let mut names = Allocator::new();
    naming::reserve_client_attributes(&mut names);
    if let Role::Connection { topics } = role {
        names.reserve(topics.iter().map(|(_, method)| method.as_str()));
    }
    let handlers = incoming
        .iter()
        .map(|id| {
            let class = class_names[id.0].clone();
            let method = names.allocate(&naming::handler_name(&class));
            (class, method)
        })
        .collect();
    let classes = |ids: &[MessageId]| {
        let mut classes: Vec<String> = ids
            .iter()
            .map(|id| class_names[api.messages[id.0].schema.0].clone())
            .collect();
        classes.sort();
        classes.dedup();
        classes
    };
    let mut requests: Vec<&crate::model::Request> = api.channels[index].requests.iter().collect();
    requests.sort_by(|a, b| a.operation.cmp(&b.operation));
    let methods = requests
        .into_iter()
        .map(|request| {
            let sent = classes(&request.sent);
            let base = match sent.as_slice() {
                [one] => naming::request_name(one),
                _ => format!("request_{}", naming::snake_case(&request.operation)),
            };
            let correlation = correlation_pointer(api, &request.sent).map(|pointer| {
                let reply = correlation_pointer(api, &request.replies).unwrap_or(pointer.clone());
                (pointer, reply)
            });
            RequestMethod {
                name: names.allocate(&base),
                replies: classes(&request.replies),
                sent,
                correlation,
            }
        })
        .collect();
    (handlers, methods)
}

/// The credentials a channel client's connection carries: its own, and
/// those of the topics that ride on it; with the keyword argument of each.
/// A topic handle carries none.
fn client_credentials(api: &Api, index: usize, role: &Role) -> Vec<(String, Credential)> {
    if matches!(role, Role::Topic { .. }) {
        return Vec::new();
    }
    let mut credentials = api.channels[index].credentials.clone();
    if let Role::Connection { topics } = role {
        for (topic, _) in topics {
            credentials.extend(api.channels[*topic].credentials.iter().cloned());
        }
    }
    credentials.sort();
    credentials.dedup();
    let mut keywords = Allocator::new();
    keywords.reserve(
        std::iter::once("self")
            .chain(
                naming::BASE_CLIENT_PARAMETERS
                    .iter()
                    .map(|(name, ..)| *name),
            )
            .chain(naming::FIXED_CREDENTIAL_KEYWORDS.iter().copied()),
    );
    credentials
        .into_iter()
        .map(|credential| {
            let keyword = match &credential {
                Credential::Header(name) | Credential::Query(name) => {
                    keywords.allocate(&naming::parameter_name(&naming::snake_case(name)))
                }
                Credential::Bearer => "bearer_token".to_string(),
                Credential::Basic => "username".to_string(),
            };
            (keyword, credential)
        })
        .collect()
}

/// The schemas a schema's definition mentions directly.
pub fn dependencies(api: &Api, id: SchemaId) -> Vec<SchemaId> {
    let mut out = Vec::new();
    let mut visit = |ty: &TypeExpr| collect_schemas(ty, &mut out);
    match &api.schemas[id.0].kind {
        SchemaKind::Object { fields, .. } => fields.iter().for_each(|field| visit(&field.ty)),
        SchemaKind::Root(ty) | SchemaKind::Alias(ty) => visit(ty),
    }
    out
}

fn collect_schemas(ty: &TypeExpr, out: &mut Vec<SchemaId>) {
    match ty {
        TypeExpr::Schema(id) if !out.contains(id) => out.push(*id),
        TypeExpr::List(inner) | TypeExpr::Map(inner) | TypeExpr::Constrained(inner, _) => {
            collect_schemas(inner, out)
        }
        TypeExpr::Union(members)
        | TypeExpr::Tuple(members)
        | TypeExpr::Discriminated { members, .. } => members
            .iter()
            .for_each(|member| collect_schemas(member, out)),
        _ => {}
    }
}

fn reachable(api: &Api, roots: impl Iterator<Item = SchemaId>) -> BTreeSet<SchemaId> {
    let mut seen = BTreeSet::new();
    let mut stack: Vec<SchemaId> = roots.collect();
    while let Some(id) = stack.pop() {
        if seen.insert(id) {
            stack.extend(dependencies(api, id));
        }
    }
    seen
}

/// Orders a module's schemas so that each follows the ones it mentions,
/// where cycles allow; `ids` arrive sorted by name, which breaks ties.
fn definition_order(api: &Api, ids: &[SchemaId]) -> Vec<SchemaId> {
    let members: BTreeSet<SchemaId> = ids.iter().copied().collect();
    let rank: std::collections::BTreeMap<SchemaId, usize> = ids
        .iter()
        .enumerate()
        .map(|(index, id)| (*id, index))
        .collect();
    let mut done = BTreeSet::new();
    let mut order = Vec::with_capacity(ids.len());
    for root in ids {
        // Iterative depth-first post-order: (schema, dependencies expanded?).
        let mut stack = vec![(*root, false)];
        let mut entered = BTreeSet::new();
        while let Some((id, expanded)) = stack.pop() {
            if done.contains(&id) {
                continue;
            }
            if expanded {
                done.insert(id);
                order.push(id);
                continue;
            }
            if !entered.insert(id) {
                continue;
            }
            stack.push((id, true));
            let mut deps: Vec<SchemaId> = dependencies(api, id)
                .into_iter()
                .filter(|dep| {
                    members.contains(dep) && !done.contains(dep) && !entered.contains(dep)
                })
                .collect();
            deps.sort_by_key(|dep| std::cmp::Reverse(rank.get(dep).copied()));
            stack.extend(deps.into_iter().map(|dep| (dep, false)));
        }
    }
    order
}
