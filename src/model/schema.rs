//! Schema → type: each JSON Schema becomes a model with fields, a type
//! expression, or a scalar with constraints.

use crate::resolve::NodeKey;
use crate::value::{Object, Value};

use super::check::{
    checks_on_the_way, is_annotation_only, is_named_alias, needs_check, only_constraints_on,
};
use super::constraints::{constraints_for, positive_step};
use super::{
    description_of, examples_of, last_segment, Builder, ConstraintValue, Field, Format, JsonValue,
    Merged, ModelError, Scalar, Schema, SchemaId, SchemaKind, TypeExpr, MAX_CLOSED_TUPLE,
    MAX_SCHEMA_DEPTH, PREFERRED_DISCRIMINATOR,
};

impl<'a> Builder<'a> {
    /// The model class of a message payload: the payload's object schema, or
    /// a root model wrapping whatever else the payload is.
    /// A referenced object schema keeps its own name; anything else is named
    /// after the message (`hint`).
    pub(super) fn message_schema(
        &mut self,
        payload: &NodeKey,
        hint: &str,
    ) -> Result<SchemaId, ModelError> {
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

    pub(super) fn add_schema(
        &mut self,
        source: NodeKey,
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
        source: &NodeKey,
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
        source: &NodeKey,
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
                at: self.documents.address(source),
            });
        }
        if let Some(Value::Array(parts)) = value.get("allOf") {
            self.merge_all_of(source, parts.len(), owner, depth, merged)?;
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
            let hint = format!("{owner} {name}");
            let field = self.field(&properties_key.child(name), name, property, &hint, depth)?;
            let before = merged.weight;
            merged.set(field);
            self.reweighed(before, merged.weight)?;
        }
        Ok(())
    }

    /// Merges the fields and required names of each of the `count` parts of
    /// the `allOf` at `source` into `merged`.
    fn merge_all_of(
        &mut self,
        source: &NodeKey,
        count: usize,
        owner: &str,
        depth: usize,
        merged: &mut Merged,
    ) -> Result<(), ModelError> {
        merged.merging.push(source.clone());
        for index in 0..count {
            let part_key = source.child("allOf").child(&index.to_string());
            let (part_source, part) = self.documents.deref(&part_key)?;
            if merged.merging.contains(&part_source) {
                return Err(self.invalid(
                    &part_key,
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
        Ok(())
    }

    /// The field of the property `name` (at `at`), optional until the
    /// owner's `required` says otherwise; a default its own schema refuses
    /// is left out with a warning.
    fn field(
        &mut self,
        at: &NodeKey,
        name: &str,
        property: &Value,
        hint: &str,
        depth: usize,
    ) -> Result<Field, ModelError> {
        let ty = self.type_of(at, property, hint, depth + 1)?;
        let mut default = property.get("default").map(JsonValue::from);
        if let Some(value) = default.as_ref().filter(|value| !self.fits(&ty, value, 0)) {
            self.warnings.push(format!(
                "{}: the default {} is not a value of the property's own schema; it is left out",
                self.documents.address(&at.child("default")),
                value.to_json()
            ));
            default = None;
        }
        Ok(Field {
            json_name: name.to_string(),
            ty,
            required: false,
            default,
            description: description_of(property),
            deprecated: property.get("deprecated") == Some(&Value::Bool(true)),
            read_only: property.get("readOnly") == Some(&Value::Bool(true)),
            write_only: property.get("writeOnly") == Some(&Value::Bool(true)),
        })
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

    /// The type of the schema at `at`, creating named schemas as needed.
    fn type_of(
        &mut self,
        at: &NodeKey,
        value: &Value,
        hint: &str,
        depth: usize,
    ) -> Result<TypeExpr, ModelError> {
        if depth > MAX_SCHEMA_DEPTH {
            return Err(ModelError::TooDeep {
                at: self.documents.address(at),
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
        source: NodeKey,
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

    /// The model of an object schema, or any value that is not an object
    /// where the schema allows one: `properties` and the like say nothing
    /// of other values, so a schema without `type: object` (its own or an
    /// `allOf` part's) accepts them as they are.
    fn with_non_objects(&self, at: &NodeKey, value: &Value, model: SchemaId) -> TypeExpr {
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
        at: &NodeKey,
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
            self.alternatives(at, object, members, hint, depth)?
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
            self.typed(at, object, hint, depth)?
        };
        if object.get("nullable") == Some(&Value::Bool(true)) {
            return Ok(union_of(vec![ty, TypeExpr::Null]));
        }
        Ok(ty)
    }

    /// The union of an `anyOf` or `oneOf`'s members, discriminated when a
    /// property tells them apart; `null` members last.
    fn alternatives(
        &mut self,
        at: &NodeKey,
        object: &Object,
        members: &Value,
        hint: &str,
        depth: usize,
    ) -> Result<TypeExpr, ModelError> {
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
        Ok(match self.discriminator(object, &others) {
            Some(property) => union_of(
                std::iter::once(TypeExpr::Discriminated {
                    members: others,
                    property,
                })
                .chain(nullable)
                .collect(),
            ),
            None => union_of(others.into_iter().chain(nullable).collect()),
        })
    }

    /// The type a schema's `type` keyword names (one, or a list); without
    /// one, `items` alone says nothing of values that are no array.
    fn typed(
        &mut self,
        at: &NodeKey,
        object: &Object,
        hint: &str,
        depth: usize,
    ) -> Result<TypeExpr, ModelError> {
        Ok(match object.get("type") {
            Some(Value::String(name)) => self.primitive(at, object, name, hint, depth)?,
            Some(Value::Array(names)) => {
                let mut types = Vec::new();
                for name in names.iter().filter_map(Value::as_str) {
                    types.push(self.primitive(at, object, name, hint, depth)?);
                }
                union_of(types)
            }
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
        })
    }

    fn primitive(
        &mut self,
        at: &NodeKey,
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
            "array" => self.array_type(at, object, hint, depth)?,
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
                    at: self.documents.address(at),
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
                    self.documents.address(&at.child("multipleOf"))
                ));
            }
        }
        Ok(if constraints.is_empty() {
            ty
        } else {
            TypeExpr::Constrained(Box::new(ty), constraints)
        })
    }

    /// The type of an array schema: a list of its items' type, or, for a
    /// closed array (`items: false`) with a short prefix, one tuple per
    /// length it may have.
    fn array_type(
        &mut self,
        at: &NodeKey,
        object: &Object,
        hint: &str,
        depth: usize,
    ) -> Result<TypeExpr, ModelError> {
        Ok(match (object.get("prefixItems"), object.get("items")) {
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
