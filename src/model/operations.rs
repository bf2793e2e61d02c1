//! Operations and messages: the channel each operation is on, whether the
//! client sends or receives its messages, request/reply pairs, channels
//! that share a connection, and each message with its payload and examples.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::resolve::{is_json_schema_format, NodeKey};
use crate::value::{Object, Value};

use super::{
    last_segment, Builder, Channel, Credential, Example, ForeignPayload, Message, MessageId,
    ModelError, OperationPlan, PendingChannel, Request, SchemaId, SchemaKind, TypeExpr,
    MAX_CHANNEL_MESSAGES,
};

impl<'a> Builder<'a> {
    /// The channels with their operations' messages, requests and
    /// credentials: each operation assigned to its channel, what channels
    /// sharing a connection receive shared, and what the servers ask for
    /// added to every channel.
    pub(super) fn operations(
        &mut self,
        root: &NodeKey,
        mut channels: Vec<PendingChannel>,
        parallel: bool,
    ) -> Result<Vec<Channel>, ModelError> {
        let plans = self.operation_plans(root, &channels)?;
        if parallel {
            self.prebuild_messages(&plans)?;
        }
        for plan in plans {
            self.assign(plan, &mut channels)?;
        }
        self.share_connections(&mut channels)?;
        let server_credentials = self.server_credentials(root)?;
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

    /// What each operation of the document says, in document order.
    fn operation_plans(
        &self,
        root: &NodeKey,
        channels: &[PendingChannel],
    ) -> Result<Vec<OperationPlan>, ModelError> {
        let operations_key = root.child("operations");
        let names: Vec<String> = match self.documents.get(&operations_key) {
            None => Vec::new(),
            Some(Value::Object(operations)) => operations.keys().map(str::to_string).collect(),
            Some(_) => {
                return Err(self.invalid(&operations_key, "`operations` must be a mapping"));
            }
        };
        let index_of: BTreeMap<NodeKey, usize> = channels
            .iter()
            .enumerate()
            .map(|(index, pending)| (pending.source.clone(), index))
            .collect();
        // Collected whole before the errors are looked at: rayon's own
        // `Result` collection returns whichever error a thread met first,
        // and the error reported must be that of the first operation.
        names
            .into_par_iter()
            .map(|name| self.operation_plan(&operations_key, name, channels, &index_of))
            .collect::<Vec<_>>()
            .into_iter()
            .collect()
    }

    /// Puts an operation's messages, request and credentials on its channel.
    fn assign(
        &mut self,
        plan: OperationPlan,
        channels: &mut [PendingChannel],
    ) -> Result<(), ModelError> {
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
        Ok(())
    }

    /// Channels at one address are one WebSocket connection: each of their
    /// clients receives what any of them receives, after what it receives
    /// itself. Topic channels ride a connection in frames of their own and
    /// stay apart. Each channel's messages are then listed once.
    fn share_connections(&self, channels: &mut [PendingChannel]) -> Result<(), ModelError> {
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
        for pending in channels {
            let channel = &mut pending.channel;
            channel.incoming = first_occurrences(channel.incoming.iter().copied());
            channel.outgoing = first_occurrences(channel.outgoing.iter().copied());
        }
        Ok(())
    }

    /// What the servers ask for, which every channel sends.
    fn server_credentials(&self, root: &NodeKey) -> Result<Vec<Credential>, ModelError> {
        let servers_key = root.child("servers");
        let server_names: Vec<String> = match self.documents.get(&servers_key) {
            Some(Value::Object(servers)) => servers.keys().map(str::to_string).collect(),
            _ => Vec::new(),
        };
        let mut credentials = Vec::new();
        for name in server_names {
            let (server, _) = self.documents.deref(&servers_key.child(&name))?;
            credentials.extend(self.security(&server.child("security"))?);
        }
        Ok(credentials)
    }

    /// Which channel an operation (or a reply) belongs to.
    pub(super) fn channel_of(
        &self,
        operation: &NodeKey,
        channels: &BTreeMap<NodeKey, usize>,
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

    fn messages_of(&mut self, sources: &[NodeKey]) -> Result<Vec<MessageId>, ModelError> {
        sources.iter().map(|source| self.message(source)).collect()
    }

    /// Where the messages an operation or reply lists are defined; all of
    /// its channel's when it lists none.
    pub(super) fn message_sources(
        &self,
        at: &NodeKey,
        channel: &PendingChannel,
    ) -> Result<Vec<NodeKey>, ModelError> {
        let list_key = at.child("messages");
        let keys: Vec<NodeKey> = match self.documents.get(&list_key) {
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
    pub(super) fn message(&mut self, source: &NodeKey) -> Result<MessageId, ModelError> {
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
        let schema = self.payload_schema(&source, &hint)?;
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
        let examples = examples_of_message(object);
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

    /// The schema of a message's payload: its model, or any JSON value for
    /// a payload in a format chanx does not read (noted for a warning).
    fn payload_schema(&mut self, source: &NodeKey, hint: &str) -> Result<SchemaId, ModelError> {
        let payload_key = source.child("payload");
        let Some(payload) = self.documents.get(&payload_key) else {
            return Err(self.invalid(source, "a message needs a `payload` schema"));
        };
        match payload.get("schemaFormat").and_then(Value::as_str) {
            Some(format) if is_json_schema_format(format) => {
                self.message_schema(&payload_key.child("schema"), hint)
            }
            Some(format) => {
                self.foreign_payloads.push(ForeignPayload {
                    at: self.documents.address(source).to_string(),
                    message: hint.to_string(),
                    format: format.to_string(),
                });
                match self.schema_ids.get(&payload_key) {
                    Some(id) => Ok(*id),
                    None => {
                        self.add_schema(payload_key, payload, hint, SchemaKind::Root(TypeExpr::Any))
                    }
                }
            }
            None => self.message_schema(&payload_key, hint),
        }
    }
}

/// A message's examples that have a payload, named by their `name` or
/// `summary`, else by their place.
fn examples_of_message(object: &Object) -> Vec<Example> {
    let Some(Value::Array(examples)) = object.get("examples") else {
        return Vec::new();
    };
    examples
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
        .collect()
}

/// Each message once, where it first appears.
fn first_occurrences(items: impl IntoIterator<Item = MessageId>) -> Vec<MessageId> {
    let mut seen = std::collections::HashSet::new();
    items
        .into_iter()
        .filter(|item| seen.insert(*item))
        .collect()
}
