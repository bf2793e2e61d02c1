//! How two types relate: whether every value one admits the other admits
//! too, as far as can be told from the types alone.

use std::collections::{BTreeMap, BTreeSet};

use super::{Literal, Ty};

/// How a type changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// Admits the same values.
    Same,
    /// Admits every value it did, and more.
    Widened,
    /// Admits only values it did, and fewer.
    Narrowed,
    /// Neither, or it cannot be told.
    Changed,
}

pub fn relation(before: &Ty, after: &Ty) -> Relation {
    if before == after {
        return Relation::Same;
    }
    match (within(before, after), within(after, before)) {
        (true, true) => Relation::Same,
        (true, false) => Relation::Widened,
        (false, true) => Relation::Narrowed,
        (false, false) => Relation::Changed,
    }
}

/// Whether every value `narrow` admits, `wide` admits too; false when that
/// cannot be told. A model is within only itself: its fields are compared
/// on their own.
pub fn within(narrow: &Ty, wide: &Ty) -> bool {
    if narrow == wide {
        return true;
    }
    match (narrow, wide) {
        (_, Ty::Any) | (Ty::Never, _) => true,
        (Ty::Union(members), _) => members.iter().all(|member| within(member, wide)),
        // Each value may fit a different member.
        (Ty::Literal(values), Ty::Union(_)) if values.len() > 1 => values
            .iter()
            .all(|value| within(&Ty::Literal(vec![value.clone()]), wide)),
        (_, Ty::Union(members)) => members.iter().any(|member| within(narrow, member)),
        (Ty::Literal(values), Ty::Literal(allowed)) => {
            let allowed: BTreeSet<&Literal> = allowed.iter().collect();
            values.iter().all(|value| allowed.contains(value))
        }
        (Ty::Literal(values), base) => values.iter().all(|value| {
            matches!(
                (value, base),
                (Literal::Str(_), Ty::Str)
                    | (Literal::Int(_), Ty::Int | Ty::Float)
                    | (Literal::Bool(_), Ty::Bool)
            )
        }),
        (Ty::Int, Ty::Float) => true,
        (Ty::List(item), Ty::List(wide_item)) | (Ty::Dict(item), Ty::Dict(wide_item)) => {
            within(item, wide_item)
        }
        (Ty::Tuple(items), Ty::Tuple(wide_items)) => {
            items.len() == wide_items.len()
                && items
                    .iter()
                    .zip(wide_items)
                    .all(|(item, wide_item)| within(item, wide_item))
        }
        (Ty::Tuple(items), Ty::List(wide_item)) => items.iter().all(|item| within(item, wide_item)),
        (Ty::Constrained(inner, constraints), Ty::Constrained(wide_inner, wide_constraints)) => {
            within(inner, wide_inner) && implies(constraints, wide_constraints)
        }
        (Ty::Constrained(inner, _), _) => within(inner, wide),
        _ => false,
    }
}

/// Whether values that meet `strict` meet every constraint of `loose`.
fn implies(strict: &BTreeMap<String, String>, loose: &BTreeMap<String, String>) -> bool {
    loose.iter().all(|(keyword, bound)| {
        let Some(held) = strict.get(keyword) else {
            return false;
        };
        if held == bound {
            return true;
        }
        let (Ok(held), Ok(bound)) = (held.parse::<f64>(), bound.parse::<f64>()) else {
            return false;
        };
        match keyword.as_str() {
            "le" | "lt" | "max_length" => held <= bound,
            "ge" | "gt" | "min_length" => held >= bound,
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literal(values: &[&str]) -> Ty {
        Ty::Literal(
            values
                .iter()
                .map(|value| Literal::Str(value.to_string()))
                .collect(),
        )
    }

    fn constrained(ty: Ty, constraints: &[(&str, &str)]) -> Ty {
        Ty::Constrained(
            Box::new(ty),
            constraints
                .iter()
                .map(|(keyword, value)| (keyword.to_string(), value.to_string()))
                .collect(),
        )
    }

    #[test]
    fn unions_and_literals_widen_and_narrow() {
        let optional = Ty::Union(vec![Ty::Str, Ty::None]);
        assert_eq!(relation(&Ty::Str, &optional), Relation::Widened);
        assert_eq!(relation(&optional, &Ty::Str), Relation::Narrowed);
        assert_eq!(
            relation(&literal(&["a"]), &literal(&["a", "b"])),
            Relation::Widened
        );
        assert_eq!(relation(&literal(&["a"]), &Ty::Str), Relation::Widened);
        assert_eq!(
            relation(&literal(&["a"]), &literal(&["b"])),
            Relation::Changed
        );
        assert_eq!(relation(&Ty::Int, &Ty::Float), Relation::Widened);
        assert_eq!(relation(&Ty::Str, &Ty::Int), Relation::Changed);
        assert_eq!(
            relation(
                &Ty::Union(vec![Ty::Int, Ty::Str]),
                &Ty::Union(vec![Ty::Str, Ty::Int])
            ),
            Relation::Same
        );
        assert_eq!(
            relation(&Ty::Model("A".to_string()), &Ty::Model("B".to_string())),
            Relation::Changed
        );
        assert_eq!(
            relation(&Ty::List(Box::new(Ty::Int)), &Ty::Any),
            Relation::Widened
        );
    }

    #[test]
    fn constraints_compare_by_their_bounds() {
        let short = constrained(Ty::Str, &[("max_length", "10")]);
        let long = constrained(Ty::Str, &[("max_length", "20")]);
        assert_eq!(relation(&short, &long), Relation::Widened);
        assert_eq!(relation(&long, &short), Relation::Narrowed);
        assert_eq!(relation(&short, &Ty::Str), Relation::Widened);
        assert_eq!(relation(&Ty::Str, &short), Relation::Narrowed);
        let positive = constrained(Ty::Int, &[("ge", "0")]);
        let above_ten = constrained(Ty::Int, &[("ge", "10")]);
        assert_eq!(relation(&positive, &above_ten), Relation::Narrowed);
        let digits = constrained(Ty::Str, &[("pattern", "^[0-9]+$")]);
        let letters = constrained(Ty::Str, &[("pattern", "^[a-z]+$")]);
        assert_eq!(relation(&digits, &letters), Relation::Changed);
    }
}
