//! Runtime checks: whether a schema says more than its Python type can,
//! and the copy of it, as plain JSON Schema, that the generated package's
//! `JsonSchema` validator enforces.

use std::sync::atomic::Ordering;
use std::sync::Arc;

use crate::resolve::{Documents, NodeKey};
use crate::value::{Object, Value};

use super::{
    Builder, Constraint, ConstraintValue, JsonValue, ModelError, SchemaCheck, TypeExpr,
    MAX_CHECK_VALUES, MAX_SCHEMA_DEPTH,
};

impl<'a> Builder<'a> {
    /// `ty`, checked at run time against the schema at `at` where the
    /// schema asks for more than `ty` can say.
    pub(super) fn checked(
        &mut self,
        at: &NodeKey,
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
        at: &NodeKey,
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
    pub(super) fn check_of(
        &mut self,
        at: &NodeKey,
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
                self.documents.address(at)
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
}

/// The schemas a chain of `$ref`s from `value` passes through (neither
/// `value` nor the final target) that need a check of their own.
pub(super) fn checks_on_the_way<'d>(
    documents: &'d Documents,
    at: &NodeKey,
    value: &'d Value,
) -> Result<Vec<(NodeKey, &'d Value)>, ModelError> {
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
    names: Vec<NodeKey>,
    refs: Vec<(String, JsonValue)>,
    values: usize,
}

impl CheckCopier<'_> {
    /// The copy, or `None` past [`MAX_CHECK_VALUES`].
    fn copy(
        &mut self,
        at: &NodeKey,
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
        at: &NodeKey,
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
pub(super) fn only_constraints_on(object: &Object, members: &Value) -> bool {
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
pub(super) fn needs_check(value: &Value) -> bool {
    let Some(object) = value.as_object() else {
        return false;
    };
    says_what_no_type_says(object)
        || decides_its_type_twice(object)
        || has_constants_a_literal_mistakes(object)
        || has_keywords_without_their_type(object)
}

/// Keywords no Python type states: `not`, `if`, `contains`… and, outside a
/// mapping, a schema for other properties; unique items; required names
/// without the properties that would make them fields.
fn says_what_no_type_says(object: &Object) -> bool {
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
    if object.keys().any(|key| UNEXPRESSED.contains(&key)) {
        return true;
    }
    // Only in a mapping (an object without properties) is the schema of
    // other properties a Python type: the mapping's value type.
    let mapping = object.get("type").and_then(Value::as_str) == Some("object")
        && !object.contains_key("properties");
    let other_properties = object
        .get("additionalProperties")
        .is_some_and(|extra| !matches!(extra, Value::Bool(_)));
    (!mapping && other_properties)
        || object.get("uniqueItems") == Some(&Value::Bool(true))
        || (object.contains_key("required") && !object.contains_key("properties"))
}

/// A `$ref` with keywords beside it, or more than one of the keywords each
/// of which alone decides the type, or one of them beside a `type` that
/// its constants do not all have.
fn decides_its_type_twice(object: &Object) -> bool {
    if object.contains_key("$ref") && !object.keys().all(|key| key == "$ref" || is_annotation(key))
    {
        return true;
    }
    let deciding = ["$ref", "const", "enum", "anyOf", "oneOf", "allOf"]
        .iter()
        .filter(|key| object.contains_key(key))
        .count();
    // A `type` that each constant has says nothing more.
    let typed_constants = constants(object).is_some_and(|values| {
        let named = object.get("type").and_then(Value::as_str);
        literal_holds(values)
            && values.iter().all(|value| match value {
                Value::String(_) => named == Some("string"),
                Value::Number(_) => matches!(named, Some("integer" | "number")),
                _ => false,
            })
    });
    deciding > 1
        || (deciding == 1
            && object.contains_key("type")
            && !object.contains_key("allOf")
            && !typed_constants)
}

/// Constants a `Literal` would mistake or cannot hold, and an enum that is
/// no list or empty.
fn has_constants_a_literal_mistakes(object: &Object) -> bool {
    constants(object).is_some_and(|values| values.is_empty() || !literal_holds(values))
        || object
            .get("enum")
            .is_some_and(|values| values.as_array().is_none())
}

/// Keywords for one type, without that type alone: Python types apply them
/// only to a value of that type. And `items` after open `prefixItems`.
fn has_keywords_without_their_type(object: &Object) -> bool {
    const STRING: &[&str] = &["minLength", "maxLength", "pattern"];
    const NUMBER: &[&str] = &[
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
    ];
    const ARRAY: &[&str] = &["minItems", "maxItems", "uniqueItems", "prefixItems"];
    let single = object.get("type").and_then(Value::as_str);
    let unless = |keywords: &[&str], types: &[&str]| {
        object.keys().any(|key| keywords.contains(&key))
            && !single.is_some_and(|name| types.contains(&name))
    };
    unless(STRING, &["string"])
        || unless(NUMBER, &["integer", "number"])
        || unless(ARRAY, &["array"])
        || (object.contains_key("prefixItems")
            && object
                .get("items")
                .is_some_and(|items| *items != Value::Bool(false)))
}

/// The values of a schema's `const`, or of its `enum` when that is a list.
fn constants(object: &Object) -> Option<&[Value]> {
    match (object.get("const"), object.get("enum")) {
        (Some(constant), _) => Some(std::slice::from_ref(constant)),
        (None, Some(Value::Array(values))) => Some(values),
        _ => None,
    }
}

/// Whether a `Literal` holds exactly these values: pydantic takes `true`
/// for 1 and 1 for `true`.
fn literal_holds(values: &[Value]) -> bool {
    values.iter().all(|value| match value {
        Value::String(_) | Value::Null => true,
        Value::Number(number) => number.as_i64().is_some_and(|int| int != 0 && int != 1),
        _ => false,
    })
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
pub(super) fn is_annotation_only(value: &Value) -> bool {
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
pub(super) fn is_named_alias(value: &Value) -> bool {
    ["enum", "anyOf", "oneOf"]
        .iter()
        .any(|key| value.get(key).is_some())
}
