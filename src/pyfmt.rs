//! Line layout for the Python statements the generator emits, the way
//! `ruff format` lays them out, so that long lines come out already
//! formatted and the output needs no formatter.
//!
//! A statement is built as a small document of text, possible line breaks
//! and groups (as in Wadler's and Prettier's printers): a group stays on one
//! line when it fits, and otherwise breaks its lines and indents its body.

/// A layout document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Doc {
    Text(String),
    /// A space when its group is flat, a newline when broken.
    Line,
    /// Nothing when its group is flat, a newline when broken.
    SoftLine,
    /// Lays out flat if everything up to the next possible break fits.
    Group(Vec<Doc>),
    /// Its content is indented one level further when it breaks.
    Indent(Vec<Doc>),
    /// Text printed only when the enclosing group is broken.
    IfBreak(&'static str),
}

pub fn text(value: impl Into<String>) -> Doc {
    Doc::Text(value.into())
}

/// `name[item, ...]`, breaking inside the brackets; a trailing comma is added
/// when more than one item is broken onto separate lines.
pub fn subscript(name: &str, items: Vec<Doc>) -> Doc {
    bracketed(format!("{name}["), items, "]")
}

/// `name(argument, ...)`, breaking inside the parentheses.
pub fn call(name: &str, arguments: Vec<Doc>) -> Doc {
    bracketed(format!("{name}("), arguments, ")")
}

/// A list or dict literal, `[item, ...]` or `{entry, ...}`: when it
/// breaks, each item goes on a line of its own, with a trailing comma
/// after more than one.
pub fn literal(open: &str, items: Vec<Doc>, close: &str) -> Doc {
    let many = items.len() > 1;
    let mut content = vec![Doc::SoftLine];
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            content.push(text(","));
            content.push(Doc::Line);
        }
        content.push(item);
    }
    if many {
        content.push(Doc::IfBreak(","));
    }
    Doc::Group(vec![
        text(open),
        Doc::Indent(content),
        Doc::SoftLine,
        text(close),
    ])
}

/// `{entry, ...}`, breaking inside the braces.
pub fn dict(entries: Vec<Doc>) -> Doc {
    bracketed("{".to_string(), entries, "}")
}

fn bracketed(open: String, items: Vec<Doc>, close: &str) -> Doc {
    let many = items.len() > 1;
    let mut content = Vec::new();
    for (index, item) in items.into_iter().enumerate() {
        if index > 0 {
            content.push(text(","));
            content.push(Doc::Line);
        }
        content.push(item);
    }
    if many {
        content.push(Doc::IfBreak(","));
    }
    // The brackets break first; the items then share one line if they fit.
    Doc::Group(vec![
        text(open),
        Doc::Indent(vec![Doc::SoftLine, Doc::Group(content)]),
        Doc::SoftLine,
        text(close),
    ])
}

/// `a | b | c`, breaking before each `|`; in an annotation or on the right of
/// `=` it is wrapped in parentheses when it breaks.
pub fn union(members: Vec<Doc>, parenthesize: bool) -> Doc {
    let mut parts = Vec::new();
    for (index, member) in members.into_iter().enumerate() {
        if index > 0 {
            parts.push(Doc::Line);
            parts.push(text("| "));
        }
        parts.push(member);
    }
    let union = Doc::Group(parts);
    if parenthesize {
        Doc::Group(vec![
            Doc::IfBreak("("),
            Doc::Indent(vec![Doc::SoftLine, union]),
            Doc::SoftLine,
            Doc::IfBreak(")"),
        ])
    } else {
        union
    }
}

/// One line, however long: what [`print`] gives without a width limit, as
/// every group fits, without measuring them.
pub fn flat(doc: &Doc) -> String {
    fn walk(doc: &Doc, in_group: bool, level: usize, out: &mut String) {
        match doc {
            Doc::Text(value) => out.push_str(value),
            Doc::Line if in_group => out.push(' '),
            Doc::SoftLine if in_group => {}
            // Outside any group a line always breaks.
            Doc::Line | Doc::SoftLine => {
                out.push('\n');
                out.extend(std::iter::repeat_n(' ', level));
            }
            Doc::Group(children) => children
                .iter()
                .for_each(|child| walk(child, true, level, out)),
            Doc::Indent(children) => children
                .iter()
                .for_each(|child| walk(child, in_group, level + INDENT, out)),
            Doc::IfBreak(value) => {
                if !in_group {
                    out.push_str(value);
                }
            }
        }
    }
    let mut out = String::new();
    walk(doc, false, 0, &mut out);
    out
}

/// `target: annotation = value` (or without a value) at `indent`, laid out
/// as `ruff format` lays out assignments: the annotation stays on the first
/// line when it can; the value then splits its own brackets (`calls`), or is
/// put in parentheses; only when the annotation does not fit does it break.
pub fn annotated_assignment(
    target: &str,
    annotation: &Doc,
    value: Option<&Doc>,
    indent: usize,
    width: usize,
) -> String {
    // A name or a string that does not fit goes in parentheses when it
    // stands alone; before a value, the value splits instead, however long
    // the line.
    let atom = matches!(annotation, Doc::Text(_));
    let parenthesized;
    let annotation = if atom {
        parenthesized = Doc::Group(vec![
            Doc::IfBreak("("),
            Doc::Indent(vec![Doc::SoftLine, annotation.clone()]),
            Doc::SoftLine,
            Doc::IfBreak(")"),
        ]);
        &parenthesized
    } else {
        annotation
    };
    let head = format!("{target}: {}", flat(annotation));
    let Some(value) = value else {
        if indent + text_width(&head) <= width {
            return head;
        }
        return print(
            &Doc::Group(vec![text(format!("{target}: ")), annotation.clone()]),
            indent,
            width,
        );
    };
    let flat_value = flat(value);
    let one_line = format!("{head} = {flat_value}");
    if indent + text_width(&one_line) <= width {
        return one_line;
    }
    let prefix = format!("{head} = ");
    let start = indent + text_width(&prefix);
    let opening = bracket_head(value);
    if let Some(opening) = &opening {
        if start + text_width(opening) <= width {
            return prefix + &print_at(value, indent, start, width);
        }
    }
    if start < width || (atom && opening.is_none()) {
        let inner = indent + INDENT;
        let body = print_at(value, inner, inner, width);
        return format!(
            "{prefix}(\n{}{body}\n{})",
            " ".repeat(inner),
            " ".repeat(indent)
        );
    }
    if atom {
        return prefix + &print_at(value, indent, start, width);
    }
    print(
        &Doc::Group(vec![
            text(format!("{target}: ")),
            annotation.clone(),
            text(" = "),
            value.clone(),
        ]),
        indent,
        width,
    )
}

/// The text up to a value's own opening bracket, when the value is a call
/// or subscript that can split inside its brackets.
fn bracket_head(value: &Doc) -> Option<String> {
    let Doc::Group(parts) = value else {
        return None;
    };
    match parts.first() {
        Some(Doc::Text(head)) if head.ends_with('(') || head.ends_with('[') => Some(head.clone()),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Flat,
    Break,
}

const INDENT: usize = 4;

/// Prints `doc` starting at column `indent` (which is also its base
/// indentation), within `width` columns where possible.
pub fn print(doc: &Doc, indent: usize, width: usize) -> String {
    print_at(doc, indent, indent, width)
}

/// The columns text takes, as `ruff format` counts them (East Asian wide
/// characters count two).
pub fn text_width(text: &str) -> usize {
    // Printable ASCII, almost all generated code, is one column a byte.
    if text.bytes().all(|byte| (b' '..=b'~').contains(&byte)) {
        return text.len();
    }
    unicode_width::UnicodeWidthStr::width(text)
}

/// Prints `doc` starting at `column`, breaking lines to `indent`.
fn print_at(doc: &Doc, indent: usize, column: usize, width: usize) -> String {
    let mut out = String::new();
    let mut column = column;
    let mut stack: Vec<(usize, Mode, &Doc)> = vec![(indent, Mode::Break, doc)];
    while let Some((level, mode, doc)) = stack.pop() {
        match doc {
            Doc::Text(value) => {
                out.push_str(value);
                column += text_width(value);
            }
            Doc::Line | Doc::SoftLine if mode == Mode::Flat => {
                if *doc == Doc::Line {
                    out.push(' ');
                    column += 1;
                }
            }
            Doc::Line | Doc::SoftLine => {
                out.push('\n');
                out.push_str(&" ".repeat(level));
                column = level;
            }
            Doc::Group(children) => {
                let child_mode =
                    if mode == Mode::Flat || fits(doc, &stack, width.saturating_sub(column)) {
                        Mode::Flat
                    } else {
                        Mode::Break
                    };
                stack.extend(
                    children
                        .iter()
                        .rev()
                        .map(|child| (level, child_mode, child)),
                );
            }
            Doc::Indent(children) => {
                stack.extend(
                    children
                        .iter()
                        .rev()
                        .map(|child| (level + INDENT, mode, child)),
                );
            }
            Doc::IfBreak(value) => {
                if mode == Mode::Break {
                    out.push_str(value);
                    column += text_width(value);
                }
            }
        }
    }
    out
}

/// Whether `group` printed flat, followed by what comes after it up to the
/// next line break, fits in `remaining` columns.
fn fits(group: &Doc, rest: &[(usize, Mode, &Doc)], remaining: usize) -> bool {
    let mut remaining = isize::try_from(remaining).unwrap_or(isize::MAX);
    let mut queue: Vec<(Mode, &Doc)> = vec![(Mode::Flat, group)];
    let mut rest = rest.iter().rev();
    loop {
        let (mode, doc) = match queue.pop() {
            Some(next) => next,
            None => match rest.next() {
                Some((_, mode, doc)) => (*mode, *doc),
                None => return true,
            },
        };
        match doc {
            Doc::Text(value) => remaining -= text_width(value) as isize,
            Doc::Line | Doc::SoftLine if mode == Mode::Break => return true,
            Doc::Line => remaining -= 1,
            Doc::SoftLine => {}
            Doc::Group(children) | Doc::Indent(children) => {
                queue.extend(children.iter().rev().map(|child| (mode, child)));
            }
            Doc::IfBreak(value) => {
                if mode == Mode::Break {
                    remaining -= text_width(value) as isize;
                }
            }
        }
        if remaining < 0 {
            return false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any_doc() -> impl proptest::strategy::Strategy<Value = Doc> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            "[a-z ]{0,4}".prop_map(Doc::Text),
            Just(Doc::Line),
            Just(Doc::SoftLine),
            Just(Doc::IfBreak(",")),
        ];
        leaf.prop_recursive(4, 40, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Doc::Group),
                proptest::collection::vec(inner, 0..4).prop_map(Doc::Indent),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn flat_is_print_without_a_width_limit(doc in any_doc()) {
            proptest::prop_assert_eq!(flat(&doc), print(&doc, 0, usize::MAX));
        }
    }

    #[test]
    fn text_width_counts_columns_as_unicode_width_does() {
        let printable: String = (b' '..=b'~').map(char::from).collect();
        for text in [
            printable.as_str(),
            "tab\there",
            "naïve",
            "日本語",
            "e\u{301}",
        ] {
            assert_eq!(
                text_width(text),
                unicode_width::UnicodeWidthStr::width(text),
                "{text:?}"
            );
        }
    }

    fn literal(values: &[&str]) -> Doc {
        subscript(
            "Literal",
            values
                .iter()
                .map(|value| text(format!("\"{value}\"")))
                .collect(),
        )
    }

    fn field(name: &str, annotation: Doc, value: Option<Doc>) -> String {
        let mut parts = vec![text(format!("{name}: ")), annotation];
        if let Some(value) = value {
            parts.push(text(" = "));
            parts.push(value);
        }
        print(&Doc::Group(parts), 4, 88)
    }

    // Expected layouts are what `ruff format` produces for the same lines.
    #[test]
    fn short_lines_stay_flat() {
        let value = Some(text("\"PENDING\""));
        assert_eq!(
            field("status", literal(&["PENDING", "FAILED"]), value),
            "status: Literal[\"PENDING\", \"FAILED\"] = \"PENDING\""
        );
    }

    /// Six values whose `Literal` just overflows a line.
    const STATUSES: [&str; 6] = [
        "PENDING",
        "DELIVERED",
        "FAILED",
        "SOMETHING_ELSE",
        "AND_MORE",
        "X",
    ];

    #[test]
    fn long_subscripts_break_inside_their_brackets() {
        assert_eq!(
            field("status", literal(&STATUSES), Some(text("\"PENDING\""))),
            "status: Literal[\n        \"PENDING\", \"DELIVERED\", \"FAILED\", \"SOMETHING_ELSE\", \"AND_MORE\", \"X\"\n    ] = \"PENDING\""
        );
        let long = [
            "PENDING",
            "DELIVERED",
            "FAILED",
            "SOMETHING_ELSE",
            "AND_MORE",
            "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
        ];
        assert_eq!(
            field("status3", literal(&long), None),
            "status3: Literal[\n        \"PENDING\",\n        \"DELIVERED\",\n        \"FAILED\",\n        \"SOMETHING_ELSE\",\n        \"AND_MORE\",\n        \"XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\",\n    ]"
        );
    }

    #[test]
    fn long_unions_are_parenthesised_and_break_before_each_bar() {
        assert_eq!(
            field("status2", union(vec![literal(&STATUSES), text("None")], true), Some(text("None"))),
            "status2: (\n        Literal[\"PENDING\", \"DELIVERED\", \"FAILED\", \"SOMETHING_ELSE\", \"AND_MORE\", \"X\"]\n        | None\n    ) = None"
        );
    }

    #[test]
    fn calls_break_inside_their_parentheses() {
        let value = call(
            "Field",
            vec![
                text("default=None"),
                text("validation_alias=\"user-id\""),
                text("serialization_alias=\"user-id\""),
            ],
        );
        assert_eq!(
            field("user_id", union(vec![text("str"), text("None")], true), Some(value)),
            "user_id: str | None = Field(\n        default=None, validation_alias=\"user-id\", serialization_alias=\"user-id\"\n    )"
        );
    }
}
