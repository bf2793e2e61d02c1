//! The builder's bookkeeping that every step shares: its construction, the
//! limits on fields and runtime checks, errors with their place, and the
//! questions about a schema's shape that several steps ask.

use std::collections::HashSet;
use std::sync::atomic::Ordering;

use crate::options::Perspective;
use crate::resolve::{Documents, NodeKey};
use crate::value::Value;

use super::{Builder, ModelError, MAX_FIELDS};

impl<'a> Builder<'a> {
    pub(super) fn new(documents: &'a Documents, perspective: Perspective) -> Self {
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

    /// Refuses a client whose models and merged parts would hold more than
    /// [`MAX_FIELDS`] fields, counting `growth` fields just added to a merge.
    pub(super) fn within_field_limit(&mut self, growth: usize) -> Result<(), ModelError> {
        self.fields += growth;
        let made_ahead = self
            .fields_made_ahead
            .map_or(0, |made| made.fetch_add(growth, Ordering::Relaxed) + growth);
        if self.fields.max(made_ahead) <= self.field_limit {
            return Ok(());
        }
        Err(self.too_large_in_fields())
    }

    pub(super) fn too_large_in_fields(&self) -> ModelError {
        self.too_large(
            self.field_limit,
            "fields in its models",
            "`allOf` copies the fields of the schemas it includes into each one that includes them",
        )
    }

    /// [`Builder::within_field_limit`] for a weight that went from `before`
    /// to `after`, which a replaced field can also lower.
    pub(super) fn reweighed(&mut self, before: usize, after: usize) -> Result<(), ModelError> {
        if after >= before {
            return self.within_field_limit(after - before);
        }
        self.fields -= before - after;
        if let Some(made) = self.fields_made_ahead {
            made.fetch_sub(before - after, Ordering::Relaxed);
        }
        Ok(())
    }

    pub(super) fn too_large(
        &self,
        limit: usize,
        what: &'static str,
        why: &'static str,
    ) -> ModelError {
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

    pub(super) fn invalid(&self, at: &NodeKey, message: impl Into<String>) -> ModelError {
        ModelError::Invalid {
            at: self.documents.address(at),
            message: message.into(),
        }
    }

    /// An object schema with properties (its own or through `allOf`) becomes a model class.
    pub(super) fn is_object_schema(&self, at: &NodeKey, value: &Value) -> bool {
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
    pub(super) fn says_object(&self, at: &NodeKey, value: &Value) -> bool {
        self.with_all_of_parts(at, value)
            .into_iter()
            .any(|part| part.get("type").and_then(Value::as_str) == Some("object"))
    }

    /// `value` and every schema its `allOf` reaches, each once however many
    /// ways it is reached; parts that do not resolve are left out.
    pub(super) fn with_all_of_parts<'v>(
        &'v self,
        at: &NodeKey,
        value: &'v Value,
    ) -> Vec<&'v Value> {
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
}
