//! The parallel pre-build: operations are planned first, their messages
//! built ahead across the cores by builders of their own, and the results
//! adopted in document order, so that the API equals the ordered walk's.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::AtomicUsize;

use rayon::prelude::*;

use crate::options::Perspective;
use crate::resolve::NodeKey;
use crate::value::Value;

use super::{Builder, Field, MessageId, ModelError, OperationPlan, PendingChannel, SchemaId};

impl<'a> Builder<'a> {
    /// What one operation says, read before any of its messages is built.
    pub(super) fn operation_plan(
        &self,
        operations_key: &NodeKey,
        name: String,
        channels: &[PendingChannel],
        index_of: &BTreeMap<NodeKey, usize>,
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
    pub(super) fn prebuild_messages(&mut self, plans: &[OperationPlan]) -> Result<(), ModelError> {
        let mut seen = HashSet::new();
        let unique: Vec<&NodeKey> = plans
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
}
