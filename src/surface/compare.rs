//! Compares two surfaces and classifies each change from the point of view
//! of code that calls the client. What the client sends breaks callers when
//! it asks more of them (a new required field, a narrowed type, a value
//! gone); what it receives breaks them when it may hand them more (a wider
//! type, a new value or message, a field that may now be None). Whatever is
//! gone or renamed breaks both.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::types::{relation, Relation};
use super::{ApiSurface, ClientSurface, FieldSurface, Literal, ModelSurface, Ty, SHARED_MODULE};

#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    ClientAdded,
    ClientRemoved,
    ClientRenamed,
    PathParameterAdded,
    PathParameterRemoved,
    CredentialAdded,
    CredentialRemoved,
    MessageAdded,
    MessageRemoved,
    HandlerRenamed,
    RequestAdded,
    RequestRemoved,
    RequestRenamed,
    RequestChanged,
    TopicAdded,
    TopicRemoved,
    TopicRenamed,
    TopicChanged,
    ModelRemoved,
    ModelMoved,
    ModelKindChanged,
    FieldAdded,
    FieldRemoved,
    FieldRenamed,
    FieldNowRequired,
    FieldNowOptional,
    TypeWidened,
    TypeNarrowed,
    TypeChanged,
    EnumValueAdded,
    EnumValueRemoved,
    DefaultChanged,
}

impl ChangeKind {
    /// The kind as the reports name it: `field-removed`.
    pub fn label(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|value| value.as_str().map(str::to_string))
            .unwrap_or_default()
    }
}

/// One change of the client's API.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct ApiChange {
    pub kind: ChangeKind,
    /// Whether code written against the old client may fail against the new.
    pub breaking: bool,
    /// The channel key; `None` for a model several channels share.
    pub channel: Option<String>,
    /// The message or model class.
    pub message: Option<String>,
    /// The field's Python name.
    pub field: Option<String>,
    pub detail: String,
}

/// Every change from `before` to `after`, breaking ones first.
pub fn compare(before: &ApiSurface, after: &ApiSurface) -> Vec<ApiChange> {
    let mut comparison = Comparison {
        uses: Uses::of(before).merged(&Uses::of(after)),
        channel_of_module: before
            .clients
            .iter()
            .chain(&after.clients)
            .map(|(key, client)| (client.module.clone(), key.clone()))
            .collect(),
        reported_gone: BTreeSet::new(),
        changes: Vec::new(),
    };
    for key in keys(&before.clients, &after.clients) {
        match (before.clients.get(key), after.clients.get(key)) {
            (Some(old), None) => {
                // Its messages and the models of its module go with it.
                let gone = before
                    .models
                    .iter()
                    .filter(|(_, model)| model.module == old.module)
                    .map(|(name, _)| name);
                comparison
                    .reported_gone
                    .extend(old.sends.iter().chain(&old.receives).chain(gone).cloned());
                comparison.client(
                    ChangeKind::ClientRemoved,
                    true,
                    key,
                    None,
                    format!("{} ({}) is gone", old.class, old.module),
                );
            }
            (None, Some(new)) => comparison.client(
                ChangeKind::ClientAdded,
                false,
                key,
                None,
                format!("new client {} in {}", new.class, new.module),
            ),
            (Some(old), Some(new)) => comparison.compare_clients(key, old, new),
            (None, None) => {}
        }
    }
    for (name, old) in &before.models {
        match after.models.get(name) {
            Some(new) => comparison.compare_models(name, old, new),
            None if !comparison.reported_gone.contains(name) => {
                let channel = comparison.channel_of(&old.module);
                comparison.changes.push(ApiChange {
                    kind: ChangeKind::ModelRemoved,
                    breaking: true,
                    channel,
                    message: Some(name.clone()),
                    field: None,
                    detail: format!("{name} is gone from {}.messages", old.module),
                });
            }
            None => {}
        }
    }
    let mut changes = comparison.changes;
    changes.sort_by(|a, b| {
        (!a.breaking, &a.channel, &a.message, &a.field, a.kind).cmp(&(
            !b.breaking,
            &b.channel,
            &b.message,
            &b.field,
            b.kind,
        ))
    });
    changes
}

/// The keys of two maps, each once, sorted.
fn keys<'a, V>(
    before: &'a BTreeMap<String, V>,
    after: &'a BTreeMap<String, V>,
) -> BTreeSet<&'a String> {
    before.keys().chain(after.keys()).collect()
}

/// Whether a model is sent, received or both, through any message that
/// holds it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Use {
    sent: bool,
    received: bool,
}

impl Use {
    /// Whether a change that breaks what is sent (`sent`) or what is
    /// received (`received`) breaks callers of this model.
    fn breaks(self, sent: bool, received: bool) -> bool {
        (self.sent && sent) || (self.received && received)
    }
}

struct Uses(BTreeMap<String, Use>);

impl Uses {
    fn of(surface: &ApiSurface) -> Uses {
        let mut uses: BTreeMap<String, Use> = BTreeMap::new();
        for received in [false, true] {
            let mut pending: Vec<&str> = surface
                .clients
                .values()
                .flat_map(|client| {
                    let requests = client.requests.values();
                    if received {
                        client
                            .receives
                            .iter()
                            .chain(requests.flat_map(|request| &request.replies))
                            .collect::<Vec<_>>()
                    } else {
                        client
                            .sends
                            .iter()
                            .chain(requests.flat_map(|request| &request.sends))
                            .collect()
                    }
                })
                .map(String::as_str)
                .collect();
            while let Some(name) = pending.pop() {
                let seen = uses.entry(name.to_string()).or_default();
                let flag = if received {
                    &mut seen.received
                } else {
                    &mut seen.sent
                };
                if std::mem::replace(flag, true) {
                    continue;
                }
                if let Some(model) = surface.models.get(name) {
                    for ty in model_types(model) {
                        models_in(ty, &mut pending);
                    }
                }
            }
        }
        Uses(uses)
    }

    fn merged(mut self, other: &Uses) -> Uses {
        for (name, other_use) in &other.0 {
            let entry = self.0.entry(name.clone()).or_default();
            entry.sent |= other_use.sent;
            entry.received |= other_use.received;
        }
        self
    }

    /// How a model is used; one that no message reaches counts as both.
    fn of_model(&self, name: &str) -> Use {
        self.0.get(name).copied().unwrap_or(Use {
            sent: true,
            received: true,
        })
    }
}

fn model_types(model: &ModelSurface) -> Vec<&Ty> {
    let fields = model.fields.iter().flat_map(|fields| fields.values());
    fields
        .map(|field| &field.ty)
        .chain(model.root.iter())
        .chain(model.alias.iter())
        .collect()
}

fn models_in<'a>(ty: &'a Ty, found: &mut Vec<&'a str>) {
    match ty {
        Ty::Model(name) => found.push(name),
        Ty::List(inner) | Ty::Dict(inner) | Ty::Constrained(inner, _) => models_in(inner, found),
        Ty::Tuple(members) | Ty::Union(members) => {
            members.iter().for_each(|member| models_in(member, found))
        }
        _ => {}
    }
}

struct Comparison {
    uses: Uses,
    channel_of_module: BTreeMap<String, String>,
    /// Classes whose removal a client's change already reports.
    reported_gone: BTreeSet<String>,
    changes: Vec<ApiChange>,
}

impl Comparison {
    fn channel_of(&self, module: &str) -> Option<String> {
        (module != SHARED_MODULE)
            .then(|| self.channel_of_module.get(module).cloned())
            .flatten()
    }

    fn client(
        &mut self,
        kind: ChangeKind,
        breaking: bool,
        channel: &str,
        message: Option<&str>,
        detail: String,
    ) {
        self.changes.push(ApiChange {
            kind,
            breaking,
            channel: Some(channel.to_string()),
            message: message.map(str::to_string),
            field: None,
            detail,
        });
    }

    fn compare_clients(&mut self, key: &str, old: &ClientSurface, new: &ClientSurface) {
        if old.class != new.class || old.module != new.module {
            self.client(
                ChangeKind::ClientRenamed,
                true,
                key,
                None,
                format!(
                    "{}.{} is now {}.{}",
                    old.module, old.class, new.module, new.class
                ),
            );
        }
        for (name, added) in differences(&old.path_parameters, &new.path_parameters) {
            let (kind, detail) = if added {
                (
                    ChangeKind::PathParameterAdded,
                    format!("path_params needs {name:?} now"),
                )
            } else {
                (
                    ChangeKind::PathParameterRemoved,
                    format!("path_params no longer takes {name:?}"),
                )
            };
            self.client(kind, true, key, None, detail);
        }
        for (keyword, added) in differences(&old.credentials, &new.credentials) {
            let (kind, detail) = if added {
                (
                    ChangeKind::CredentialAdded,
                    format!("new keyword argument {keyword}"),
                )
            } else {
                (
                    ChangeKind::CredentialRemoved,
                    format!("keyword argument {keyword} is gone"),
                )
            };
            self.client(kind, !added, key, None, detail);
        }
        for (class, added) in differences(&old.sends, &new.sends) {
            if added {
                let detail = format!("{} can send {class}", new.class);
                self.client(ChangeKind::MessageAdded, false, key, Some(class), detail);
            } else {
                let detail = format!("{} no longer sends {class}", new.class);
                self.client(ChangeKind::MessageRemoved, true, key, Some(class), detail);
            }
        }
        for (class, added) in differences(&old.receives, &new.receives) {
            if added {
                let detail = format!("{class} may arrive: a match over IncomingMessage that ends in assert_never must handle it");
                self.client(ChangeKind::MessageAdded, true, key, Some(class), detail);
            } else {
                let handler = old
                    .handlers
                    .get(class)
                    .map_or(String::new(), |method| format!(", and {method} is gone"));
                let detail = format!("{} no longer receives {class}{handler}", new.class);
                self.client(ChangeKind::MessageRemoved, true, key, Some(class), detail);
            }
        }
        for (class, old_method) in &old.handlers {
            if let Some(new_method) = new
                .handlers
                .get(class)
                .filter(|method| *method != old_method)
            {
                let detail = format!("{class} is handled by {new_method}, was {old_method}");
                self.client(ChangeKind::HandlerRenamed, true, key, Some(class), detail);
            }
        }
        self.compare_requests(key, old, new);
        self.compare_topics(key, old, new);
    }

    fn compare_requests(&mut self, key: &str, old: &ClientSurface, new: &ClientSurface) {
        for operation in keys(&old.requests, &new.requests) {
            match (old.requests.get(operation), new.requests.get(operation)) {
                (Some(gone), None) => self.client(
                    ChangeKind::RequestRemoved,
                    true,
                    key,
                    None,
                    format!("{} (operation {operation}) is gone", gone.method),
                ),
                (None, Some(added)) => self.client(
                    ChangeKind::RequestAdded,
                    false,
                    key,
                    None,
                    format!(
                        "new request method {} (operation {operation})",
                        added.method
                    ),
                ),
                (Some(before), Some(after)) => {
                    if before.method != after.method {
                        self.client(
                            ChangeKind::RequestRenamed,
                            true,
                            key,
                            None,
                            format!(
                                "{} is now {} (operation {operation})",
                                before.method, after.method
                            ),
                        );
                    }
                    if before.sends != after.sends || before.replies != after.replies {
                        let takes_less = before
                            .sends
                            .iter()
                            .any(|class| !after.sends.contains(class));
                        let returns_more = after
                            .replies
                            .iter()
                            .any(|class| !before.replies.contains(class));
                        self.client(
                            ChangeKind::RequestChanged,
                            takes_less || returns_more,
                            key,
                            None,
                            format!(
                                "{} takes {} and returns {}, was {} and {}",
                                after.method,
                                classes(&after.sends),
                                classes(&after.replies),
                                classes(&before.sends),
                                classes(&before.replies)
                            ),
                        );
                    }
                }
                (None, None) => {}
            }
        }
    }

    fn compare_topics(&mut self, key: &str, old: &ClientSurface, new: &ClientSurface) {
        for topic in keys(&old.topics, &new.topics) {
            match (old.topics.get(topic), new.topics.get(topic)) {
                (Some(method), None) => self.client(
                    ChangeKind::TopicRemoved,
                    true,
                    key,
                    None,
                    format!("{method}() (topic {topic}) is gone"),
                ),
                (None, Some(method)) => self.client(
                    ChangeKind::TopicAdded,
                    false,
                    key,
                    None,
                    format!("new topic handle {method}() (topic {topic})"),
                ),
                (Some(before), Some(after)) if before != after => self.client(
                    ChangeKind::TopicRenamed,
                    true,
                    key,
                    None,
                    format!("{before}() is now {after}() (topic {topic})"),
                ),
                _ => {}
            }
        }
        if let (Some(before), Some(after)) = (&old.topic, &new.topic) {
            if before != after {
                self.client(
                    ChangeKind::TopicChanged,
                    true,
                    key,
                    None,
                    format!(
                        "the handle attaches to {} with ({}), was {} with ({})",
                        after.connection,
                        after.parameters.join(", "),
                        before.connection,
                        before.parameters.join(", ")
                    ),
                );
            }
        }
    }

    fn compare_models(&mut self, name: &str, old: &ModelSurface, new: &ModelSurface) {
        let channel = self.channel_of(&new.module);
        let used = self.uses.of_model(name);
        let mut push = |kind, breaking, field: Option<&str>, detail: String| {
            self.changes.push(ApiChange {
                kind,
                breaking,
                channel: channel.clone(),
                message: Some(name.to_string()),
                field: field.map(str::to_string),
                detail,
            });
        };
        if old.module != new.module {
            push(
                ChangeKind::ModelMoved,
                new.module != SHARED_MODULE,
                None,
                format!(
                    "moved from {}.messages to {}.messages",
                    old.module, new.module
                ),
            );
        }
        match (
            &old.fields,
            &new.fields,
            &old.root.as_ref().or(old.alias.as_ref()),
            &new.root.as_ref().or(new.alias.as_ref()),
        ) {
            (Some(before), Some(after), _, _) => {
                let json_names: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
                for json_name in json_names {
                    for (kind, breaking, field, detail) in
                        compare_fields(json_name, before.get(json_name), after.get(json_name), used)
                    {
                        push(kind, breaking, Some(&field), detail);
                    }
                }
            }
            (None, None, Some(before), Some(after)) if old.root.is_some() == new.root.is_some() => {
                for (kind, breaking, detail) in compare_types(before, after, used) {
                    push(kind, breaking, None, detail);
                }
            }
            _ => push(
                ChangeKind::ModelKindChanged,
                true,
                None,
                format!("was {}, is {}", model_kind(old), model_kind(new)),
            ),
        }
    }
}

fn model_kind(model: &ModelSurface) -> &'static str {
    if model.fields.is_some() {
        "a model class"
    } else if model.root.is_some() {
        "a root model"
    } else {
        "a type alias"
    }
}

fn classes(names: &[String]) -> String {
    match names {
        [] => "nothing".to_string(),
        names => names.join(" | "),
    }
}

/// Items of `after` not in `before` (`true`), and of `before` not in `after`.
fn differences<'a>(before: &'a [String], after: &'a [String]) -> Vec<(&'a str, bool)> {
    let (old, new): (BTreeSet<&str>, BTreeSet<&str>) = (
        before.iter().map(String::as_str).collect(),
        after.iter().map(String::as_str).collect(),
    );
    let gone = old.difference(&new).map(|item| (*item, false));
    let added = new.difference(&old).map(|item| (*item, true));
    gone.chain(added).collect()
}

type FieldChange = (ChangeKind, bool, String, String);

fn compare_fields(
    json_name: &str,
    before: Option<&FieldSurface>,
    after: Option<&FieldSurface>,
    used: Use,
) -> Vec<FieldChange> {
    let (old, new) = match (before, after) {
        (Some(old), None) => {
            return vec![(
                ChangeKind::FieldRemoved,
                true,
                old.name.clone(),
                format!("{} ({json_name:?}) is gone", old.name),
            )]
        }
        (None, Some(new)) => {
            let needed = new.needed_to_construct();
            let required = if needed { ", required" } else { ", optional" };
            return vec![(
                ChangeKind::FieldAdded,
                used.breaks(needed, false),
                new.name.clone(),
                format!("new field {}: {}{required}", new.name, new.ty.python()),
            )];
        }
        (Some(old), Some(new)) => (old, new),
        (None, None) => return Vec::new(),
    };
    let mut changes: Vec<FieldChange> = Vec::new();
    if old.name != new.name {
        changes.push((
            ChangeKind::FieldRenamed,
            true,
            new.name.clone(),
            format!("{json_name:?} is {} in Python, was {}", new.name, old.name),
        ));
    }
    for (kind, breaking, detail) in compare_types(&old.ty, &new.ty, used) {
        changes.push((kind, breaking, new.name.clone(), detail));
    }
    let presence = if !old.may_be_none() && new.may_be_none() {
        Some((
            ChangeKind::FieldNowOptional,
            used.breaks(false, true),
            match used.received {
                true => "is optional now: a received message may leave it None",
                false => "is optional now: the constructor no longer needs it",
            },
        ))
    } else if !old.needed_to_construct() && new.needed_to_construct() {
        Some((
            ChangeKind::FieldNowRequired,
            used.breaks(true, false),
            match used.sent {
                true => "is required now: the constructor needs it",
                false => "is required now: a received message always has it",
            },
        ))
    } else if old.may_be_none() && !new.may_be_none() {
        Some((ChangeKind::FieldNowRequired, false, "is never None now"))
    } else if old.needed_to_construct() && !new.needed_to_construct() {
        Some((
            ChangeKind::FieldNowOptional,
            false,
            "the constructor no longer needs it",
        ))
    } else {
        None
    };
    if let Some((kind, breaking, detail)) = presence {
        changes.push((
            kind,
            breaking,
            new.name.clone(),
            format!("{} {detail}", new.name),
        ));
    }
    if old.default != new.default {
        let shown =
            |default: &Option<String>| default.clone().unwrap_or_else(|| "none".to_string());
        changes.push((
            ChangeKind::DefaultChanged,
            false,
            new.name.clone(),
            format!(
                "default {}, was {}",
                shown(&new.default),
                shown(&old.default)
            ),
        ));
    }
    changes
}

/// How a type changed: per literal value when only the values changed,
/// otherwise widened, narrowed or changed.
fn compare_types(before: &Ty, after: &Ty, used: Use) -> Vec<(ChangeKind, bool, String)> {
    if let (Some((old_values, old_rest)), Some((new_values, new_rest))) =
        (literal_parts(before), literal_parts(after))
    {
        if old_rest == new_rest {
            let (old_set, new_set): (BTreeSet<&Literal>, BTreeSet<&Literal>) =
                (old_values.iter().collect(), new_values.iter().collect());
            let removed = old_values
                .iter()
                .filter(|value| !new_set.contains(value))
                .map(|value| {
                    (
                        ChangeKind::EnumValueRemoved,
                        used.breaks(true, false),
                        format!("value {} is gone", value.python()),
                    )
                });
            let added = new_values
                .iter()
                .filter(|value| !old_set.contains(value))
                .map(|value| {
                    (
                        ChangeKind::EnumValueAdded,
                        used.breaks(false, true),
                        format!("new value {}", value.python()),
                    )
                });
            return removed.chain(added).collect();
        }
    }
    let (kind, breaking) = match relation(before, after) {
        Relation::Same => return Vec::new(),
        Relation::Widened => (ChangeKind::TypeWidened, used.breaks(false, true)),
        Relation::Narrowed => (ChangeKind::TypeNarrowed, used.breaks(true, false)),
        Relation::Changed => (ChangeKind::TypeChanged, true),
    };
    vec![(
        kind,
        breaking,
        format!("{}, was {}", after.python(), before.python()),
    )]
}

/// A literal type's values and the other members of its union.
fn literal_parts(ty: &Ty) -> Option<(&[Literal], Vec<&Ty>)> {
    match ty {
        Ty::Literal(values) => Some((values, Vec::new())),
        Ty::Union(members) => {
            let mut literals = members.iter().filter_map(|member| match member {
                Ty::Literal(values) => Some(values.as_slice()),
                _ => None,
            });
            let values = literals.next()?;
            if literals.next().is_some() {
                return None;
            }
            let rest = members
                .iter()
                .filter(|member| !matches!(member, Ty::Literal(_)))
                .collect();
            Some((values, rest))
        }
        _ => None,
    }
}
