//! Constraints: the validation keywords of a scalar or array schema that
//! pydantic enforces (`min_length`, `ge`, `multiple_of`, `pattern`…), as the
//! model records them.

use crate::value::{Object, Value};

use super::{Constraint, ConstraintValue};

/// The `multipleOf` to enforce, as Python text: `None` for a step that is
/// not positive (no valid schema has one). For an integer, a fractional step
/// p/q in lowest terms holds exactly when p divides the value, so the step
/// becomes the integer p, which is what pydantic accepts for an `int`.
pub(super) fn positive_step(text: &str, integer: bool) -> Option<String> {
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
pub(super) fn constraints_for(name: &str, object: &Object) -> Vec<Constraint> {
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
            let pattern = object.get("pattern").and_then(Value::as_str).map(|text| {
                ConstraintValue::Pattern {
                    text: text.to_string(),
                    rust_syntax: regex::Regex::new(text).is_ok(),
                }
            });
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
