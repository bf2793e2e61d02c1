//! Python syntax for values the document supplies: string literals,
//! docstrings, default values and type hints. Everything is escaped here so
//! that no document text can end a string, a docstring or a line early, and
//! emitted in the form `ruff format` would leave unchanged.

use crate::model::{
    Constraint, ConstraintValue, Format, JsonValue, Scalar, SchemaCheck, SchemaId, TypeExpr,
};
use crate::pyfmt::{self, Doc};

/// The line length `ruff format` uses by default.
pub const LINE_LENGTH: usize = 88;

/// Escapes one character for use inside a Python string literal, or `None`
/// when it can stand as it is.
fn escape_char(ch: char) -> Option<String> {
    match ch {
        '\\' => Some("\\\\".to_string()),
        '\n' => Some("\\n".to_string()),
        '\r' => Some("\\r".to_string()),
        '\t' => Some("\\t".to_string()),
        c if c.is_control() => Some(format!("\\x{:02x}", c as u32)),
        c if misleads_readers(c) => Some(format!("\\u{:04x}", c as u32)),
        _ => None,
    }
}

/// Line breaks Python does not treat as such but editors do, and
/// bidirectional controls that make text read differently than it is:
/// generated files escape them wherever a string allows.
pub fn misleads_readers(ch: char) -> bool {
    matches!(
        ch,
        '\u{2028}'
            | '\u{2029}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// A string literal, quoted the way `ruff format` prefers: double quotes
/// unless single quotes need fewer escapes.
pub fn string_literal(text: &str) -> String {
    if is_plain(text) {
        return format!("\"{text}\"");
    }
    escaped_string_literal(text)
}

/// Printable ASCII with neither a backslash nor a double quote: the text
/// stands as it is inside `"…"`, which is most names and descriptions.
fn is_plain(text: &str) -> bool {
    text.bytes()
        .all(|byte| matches!(byte, b' '..=b'~') && byte != b'\\' && byte != b'"')
}

fn escaped_string_literal(text: &str) -> String {
    let doubles = text.matches('"').count();
    let singles = text.matches('\'').count();
    let quote = if doubles > singles { '\'' } else { '"' };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(quote);
    for ch in text.chars() {
        match escape_char(ch) {
            Some(escaped) => out.push_str(&escaped),
            None if ch == quote => {
                out.push('\\');
                out.push(ch);
            }
            None => out.push(ch),
        }
    }
    out.push(quote);
    out
}

/// A docstring indented by `indent` spaces, including its quotes and a
/// trailing newline, for text from the document.
pub fn docstring(text: &str, indent: usize) -> String {
    // One line with nothing to escape and no space to trim at either end.
    let one_plain_line =
        is_plain(text) && !text.starts_with(' ') && !text.ends_with(' ') && !text.is_empty();
    if one_plain_line {
        return format!("{:indent$}\"\"\"{text}\"\"\"\n", "");
    }
    escaped_docstring(text, indent)
}

fn escaped_docstring(text: &str, indent: usize) -> String {
    let mut escaped = String::with_capacity(text.len());
    for ch in text.chars() {
        match escape_char(ch).filter(|_| ch != '\n') {
            Some(escape) => escaped.push_str(&escape),
            None => escaped.push(ch),
        }
    }
    let escaped = escape_quote_runs(&escaped);
    let lines: Vec<&str> = escaped.lines().map(str::trim_end).collect();
    let first = lines.first().map_or("", |line| line.trim_start());
    // `ruff format` keeps a quote that opens the text apart from the `"""`.
    let spaced;
    let first = if first.starts_with('"') {
        spaced = format!(" {first}");
        spaced.as_str()
    } else {
        first
    };
    let rest = &lines[1.min(lines.len())..];
    let common = rest
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start().len())
        .min()
        .unwrap_or(0);
    let pad = " ".repeat(indent);
    let mut body = vec![first.to_string()];
    body.extend(rest.iter().map(|line| {
        if line.trim().is_empty() {
            String::new()
        } else {
            format!("{pad}{}", &line[common..])
        }
    }));
    while body.len() > 1 && body.last().is_some_and(String::is_empty) {
        body.pop();
    }
    // `ruff format` keeps a one-line docstring on one line, however long.
    let mut out = format!("{pad}\"\"\"{}", body.join("\n"));
    if body.len() > 1 {
        out.push('\n');
        out.push_str(&pad);
    }
    out.push_str("\"\"\"\n");
    out
}

/// Escapes the quotes that could close a `"""` string: runs of three or
/// more, and a run at the very end (it would merge with the closing quotes).
fn escape_quote_runs(text: &str) -> String {
    let trimmed_len = text.trim_end().len();
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for (index, ch) in text.char_indices() {
        if ch == '"' {
            run += 1;
            continue;
        }
        let at_end = index >= trimmed_len;
        flush_quotes(&mut out, run, at_end);
        run = 0;
        if at_end {
            break;
        }
        out.push(ch);
    }
    flush_quotes(&mut out, run, true);
    out
}

fn flush_quotes(out: &mut String, run: usize, at_end: bool) {
    let quote = if run >= 3 || at_end { "\\\"" } else { "\"" };
    for _ in 0..run {
        out.push_str(quote);
    }
}

/// `class NAME(BASE):`, with the base on a line of its own when the
/// header is too long, as `ruff format` writes it.
pub fn class_header(name: &str, base: &str) -> String {
    class_header_doc(name, pyfmt::text(base))
}

/// [`class_header`] for a base that may break inside its brackets too.
pub fn class_header_doc(name: &str, base: Doc) -> String {
    let header = Doc::Group(vec![
        pyfmt::text(format!("class {name}(")),
        Doc::Indent(vec![Doc::SoftLine, base]),
        Doc::SoftLine,
        pyfmt::text("):"),
    ]);
    pyfmt::print(&header, 0, LINE_LENGTH)
}

/// Where generated modules find the runtime schema check.
pub const JSON_SCHEMA_MODULE: &str = "..base.json_schema";

/// What lets a float without a fractional part through as an integer.
const WHOLE_FLOATS: &str = "WholeFloatsAsInt";

/// The type of a JSON scalar and where it comes from: strict, so that a
/// string is no number and `0` no boolean, as in JSON Schema.
fn strict_name(ty: &TypeExpr) -> (&'static str, &'static str) {
    match ty {
        TypeExpr::Str => ("StrictStr", "pydantic"),
        // pydantic's StrictInt refuses 1.0, which JSON Schema counts.
        TypeExpr::Int => ("JsonInt", JSON_SCHEMA_MODULE),
        TypeExpr::Float => ("StrictFloat", "pydantic"),
        _ => ("StrictBool", "pydantic"),
    }
}

fn schema_checks(constraints: &[Constraint]) -> impl Iterator<Item = &SchemaCheck> {
    constraints
        .iter()
        .filter_map(|constraint| match &constraint.value {
            ConstraintValue::Schema(check) => Some(&**check),
            _ => None,
        })
}

/// `JsonSchema(schema, refs)`, laid out as `ruff format` would.
pub fn check_doc(check: &SchemaCheck) -> Doc {
    let mut arguments = vec![value_doc(&check.schema)];
    if !check.refs.is_empty() {
        arguments.push(value_doc(&JsonValue::Object(check.refs.clone())));
    }
    pyfmt::call("JsonSchema", arguments)
}

/// [`value_literal`] as a layout document, breaking inside its brackets.
fn value_doc(value: &JsonValue) -> Doc {
    match value {
        JsonValue::List(items) => pyfmt::literal("[", items.iter().map(value_doc).collect(), "]"),
        JsonValue::Object(entries) => pyfmt::literal(
            "{",
            entries
                .iter()
                .map(|(key, value)| {
                    Doc::Group(vec![
                        pyfmt::text(format!("{}: ", string_literal(key))),
                        value_doc(value),
                    ])
                })
                .collect(),
            "}",
        ),
        scalar => pyfmt::text(value_literal(scalar)),
    }
}

/// A Python expression for a JSON value.
pub fn value_literal(value: &JsonValue) -> String {
    match value {
        JsonValue::Null => "None".to_string(),
        JsonValue::Bool(true) => "True".to_string(),
        JsonValue::Bool(false) => "False".to_string(),
        JsonValue::Int(int) => int.to_string(),
        JsonValue::Float(float) => float_literal(*float),
        JsonValue::Str(text) => string_literal(text),
        JsonValue::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(value_literal)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        JsonValue::Object(entries) => format!(
            "{{{}}}",
            entries
                .iter()
                .map(|(key, value)| format!("{}: {}", string_literal(key), value_literal(value)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn float_literal(float: f64) -> String {
    if float.is_nan() {
        return "float(\"nan\")".to_string();
    }
    if float.is_infinite() {
        let sign = if float < 0.0 { "-" } else { "" };
        return format!("float(\"{sign}inf\")");
    }
    let text = format!("{float:?}");
    if text.contains(['.', 'e', 'E']) {
        text
    } else {
        format!("{text}.0")
    }
}

/// A value inside `Literal[...]`.
pub fn scalar_literal(value: &Scalar) -> String {
    match value {
        Scalar::Str(text) => string_literal(text),
        Scalar::Int(int) => int.to_string(),
        Scalar::Bool(true) => "True".to_string(),
        Scalar::Bool(false) => "False".to_string(),
    }
}

/// How the generated code names schemas: class names, and the Python name
/// of a schema's property (for discriminators).
pub struct Names<'a> {
    pub class: &'a dyn Fn(SchemaId) -> String,
    pub field: &'a dyn Fn(SchemaId, &str) -> String,
}

/// Something a type hint needs imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Import {
    /// `from MODULE import NAME`.
    From(&'static str, &'static str),
    /// `import MODULE as ALIAS`; aliased with an underscore so that no field
    /// name can shadow it.
    Module(&'static str, &'static str),
    /// The module's own `_NoValue` type (the JSON Schema `false`).
    NoValue,
}

/// The type of the `false` schema, defined in the module that uses it: no
/// value validates, and type checkers see a type no value has.
pub const NO_VALUE_HELPER: &str = "def _no_value(value: object) -> NoReturn:\n    \"\"\"Refuses every value, as the JSON Schema `false` asks.\"\"\"\n    raise ValueError(\"no value is valid here\")\n\n\n_NoValue: TypeAlias = Annotated[\n    NoReturn, PlainValidator(_no_value), WithJsonSchema({\"not\": {}})\n]";

fn format_name(format: Format) -> (&'static str, Import) {
    match format {
        Format::DateTime => ("_dt.datetime", Import::Module("datetime", "_dt")),
        Format::Date => ("_dt.date", Import::Module("datetime", "_dt")),
        Format::Time => ("_dt.time", Import::Module("datetime", "_dt")),
        Format::Uuid => ("_uuid.UUID", Import::Module("uuid", "_uuid")),
        Format::Ipv4 => ("_ip.IPv4Address", Import::Module("ipaddress", "_ip")),
        Format::Ipv6 => ("_ip.IPv6Address", Import::Module("ipaddress", "_ip")),
    }
}

fn constraint_argument(constraint: &Constraint) -> Option<String> {
    let value = match &constraint.value {
        ConstraintValue::Number(number) => number.clone(),
        ConstraintValue::Pattern { text, .. } => string_literal(text),
        ConstraintValue::Schema(_) => return None,
    };
    Some(format!("{}={value}", constraint.keyword))
}

/// The layout document of a type hint; a union is parenthesised when it
/// breaks if `parenthesize` (at the top of an annotation or assignment).
pub fn type_doc(ty: &TypeExpr, names: &Names, parenthesize: bool) -> Doc {
    let inner = |ty: &TypeExpr| type_doc(ty, names, false);
    match ty {
        TypeExpr::Any => pyfmt::text("Any"),
        TypeExpr::Nothing => pyfmt::text("_NoValue"),
        TypeExpr::Str | TypeExpr::Int | TypeExpr::Float | TypeExpr::Bool => {
            pyfmt::text(strict_name(ty).0)
        }
        TypeExpr::Null => pyfmt::text("None"),
        TypeExpr::Schema(id) => pyfmt::text((names.class)(*id)),
        TypeExpr::Format(format) => pyfmt::text(format_name(*format).0),
        TypeExpr::Union(members) => pyfmt::union(members.iter().map(inner).collect(), parenthesize),
        TypeExpr::List(item) => pyfmt::subscript("list", vec![inner(item)]),
        TypeExpr::Tuple(items) if items.is_empty() => pyfmt::text("tuple[()]"),
        TypeExpr::Tuple(items) => pyfmt::subscript("tuple", items.iter().map(inner).collect()),
        TypeExpr::Map(value) => pyfmt::subscript("dict", vec![pyfmt::text("str"), inner(value)]),
        TypeExpr::Literal(values) => pyfmt::subscript(
            "Literal",
            values
                .iter()
                .map(|value| pyfmt::text(scalar_literal(value)))
                .collect(),
        ),
        TypeExpr::Constrained(ty, constraints) => {
            let arguments: Vec<Doc> = constraints
                .iter()
                .filter_map(constraint_argument)
                .map(pyfmt::text)
                .collect();
            // An integer's constraints must come before what lets 1.0
            // through (pydantic applies them in order).
            let integer = **ty == TypeExpr::Int;
            let mut parts = vec![match integer {
                true => pyfmt::text("StrictInt"),
                false => inner(ty),
            }];
            if !arguments.is_empty() {
                parts.push(pyfmt::call("Field", arguments));
            }
            parts.extend(schema_checks(constraints).map(check_doc));
            if integer {
                parts.push(pyfmt::text(WHOLE_FLOATS));
            }
            pyfmt::subscript("Annotated", parts)
        }
        TypeExpr::Discriminated { members, property } => {
            let field = match members.first() {
                Some(TypeExpr::Schema(id)) => (names.field)(*id, property),
                _ => property.clone(),
            };
            pyfmt::subscript(
                "Annotated",
                vec![
                    pyfmt::union(members.iter().map(inner).collect(), false),
                    pyfmt::call(
                        "Field",
                        vec![pyfmt::text(format!(
                            "discriminator={}",
                            string_literal(&field)
                        ))],
                    ),
                ],
            )
        }
    }
}

/// A rendered type hint and what it needs.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Hint {
    /// The hint on one line.
    pub text: String,
    pub imports: std::collections::BTreeSet<Import>,
    /// The schemas it names, first mention first.
    pub schemas: Vec<SchemaId>,
}

/// The type hint for `ty` on one line, with its imports and the schemas it names.
pub fn type_hint(ty: &TypeExpr, names: &Names) -> Hint {
    let mut hint = Hint {
        text: pyfmt::print(&type_doc(ty, names, false), 0, usize::MAX),
        ..Hint::default()
    };
    collect(ty, &mut hint);
    hint
}

fn collect(ty: &TypeExpr, hint: &mut Hint) {
    match ty {
        TypeExpr::Any => {
            hint.imports.insert(Import::From("typing", "Any"));
        }
        TypeExpr::Nothing => {
            for (module, name) in [
                ("typing", "Annotated"),
                ("typing", "NoReturn"),
                ("typing", "TypeAlias"),
                ("pydantic", "PlainValidator"),
                ("pydantic", "WithJsonSchema"),
            ] {
                hint.imports.insert(Import::From(module, name));
            }
            hint.imports.insert(Import::NoValue);
        }
        TypeExpr::Literal(_) => {
            hint.imports.insert(Import::From("typing", "Literal"));
        }
        TypeExpr::Format(format) => {
            hint.imports.insert(format_name(*format).1);
        }
        TypeExpr::Schema(id) => {
            if !hint.schemas.contains(id) {
                hint.schemas.push(*id);
            }
        }
        TypeExpr::List(inner) | TypeExpr::Map(inner) => collect(inner, hint),
        TypeExpr::Union(members) | TypeExpr::Tuple(members) => {
            members.iter().for_each(|member| collect(member, hint))
        }
        TypeExpr::Constrained(inner, constraints) => {
            hint.imports.insert(Import::From("typing", "Annotated"));
            if constraints
                .iter()
                .any(|constraint| constraint_argument(constraint).is_some())
            {
                hint.imports.insert(Import::From("pydantic", "Field"));
            }
            if schema_checks(constraints).next().is_some() {
                hint.imports
                    .insert(Import::From(JSON_SCHEMA_MODULE, "JsonSchema"));
            }
            if **inner == TypeExpr::Int {
                hint.imports.insert(Import::From("pydantic", "StrictInt"));
                hint.imports
                    .insert(Import::From(JSON_SCHEMA_MODULE, WHOLE_FLOATS));
                return;
            }
            collect(inner, hint);
        }
        TypeExpr::Discriminated { members, .. } => {
            hint.imports.insert(Import::From("typing", "Annotated"));
            hint.imports.insert(Import::From("pydantic", "Field"));
            members.iter().for_each(|member| collect(member, hint));
        }
        TypeExpr::Str | TypeExpr::Int | TypeExpr::Float | TypeExpr::Bool => {
            let (name, module) = strict_name(ty);
            hint.imports.insert(Import::From(module, name));
        }
        TypeExpr::Null => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn plain_text_takes_the_short_path_to_the_same_result(
            text in "[ -~]{0,12}|[ a-z\"\\\\'\n\t\u{202e}é]{0,12}",
            indent in 0usize..9,
        ) {
            proptest::prop_assert_eq!(string_literal(&text), escaped_string_literal(&text));
            proptest::prop_assert_eq!(docstring(&text, indent), escaped_docstring(&text, indent));
        }
    }

    #[test]
    fn string_literals_escape_everything_that_could_end_them() {
        assert_eq!(string_literal("chat"), "\"chat\"");
        assert_eq!(string_literal("say \"hi\""), "'say \"hi\"'");
        assert_eq!(string_literal("it's"), "\"it's\"");
        assert_eq!(string_literal("a\nb\\c"), "\"a\\nb\\\\c\"");
        assert_eq!(string_literal("\u{202e}x"), "\"\\u202ex\"");
        assert_eq!(string_literal("\\N{BULLET}"), "\"\\\\N{BULLET}\"");
    }

    #[test]
    fn docstrings_cannot_be_closed_by_their_text() {
        assert_eq!(
            docstring("Chat message.", 4),
            "    \"\"\"Chat message.\"\"\"\n"
        );
        assert_eq!(
            docstring("Ends with \"\"\" and \"", 0),
            "\"\"\"Ends with \\\"\\\"\\\" and \\\"\"\"\"\n"
        );
        assert_eq!(
            docstring("First.\n\n  Indented\n  more  \n", 4),
            "    \"\"\"First.\n\n    Indented\n    more\n    \"\"\"\n"
        );
    }

    #[test]
    fn floats_stay_floats() {
        assert_eq!(float_literal(1.0), "1.0");
        assert_eq!(float_literal(0.25), "0.25");
        assert_eq!(float_literal(1e300), "1e300");
    }
}
