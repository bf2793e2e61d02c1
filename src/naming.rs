//! Naming: every Python identifier the generator emits is made here.
//!
//! Classes are PascalCase, modules snake_case, fields keep their JSON name
//! when it is a safe identifier and otherwise get a safe one plus an alias.
//! Nothing produced here can be a keyword, shadow a builtin or a name the
//! generated code imports, clash with `BaseModel` attributes, or start with
//! a digit; collisions are resolved by the [`Allocator`] deterministically.

use std::collections::BTreeSet;

// The registry of names a generated package must not take. A test
// (`tests/python/test_reserved_names.py`) compares each list with Python,
// pydantic and what the golden packages import and use.

/// Python's keywords.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

/// Python's soft keywords: they stay usable names (a `type` or `match`
/// property keeps its name), known here so that the test notices a new one.
pub const SOFT_KEYWORDS: &[&str] = &["_", "case", "match", "type"];

/// Capitalised builtins a class name must not shadow.
const PASCAL_BUILTINS: &[&str] = &[
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BaseException",
    "BaseExceptionGroup",
    "BlockingIOError",
    "BrokenPipeError",
    "BufferError",
    "BytesWarning",
    "ChildProcessError",
    "ConnectionAbortedError",
    "ConnectionError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "DeprecationWarning",
    "EOFError",
    "Ellipsis",
    "EncodingWarning",
    "EnvironmentError",
    "Exception",
    "ExceptionGroup",
    "FileExistsError",
    "FileNotFoundError",
    "FloatingPointError",
    "FutureWarning",
    "GeneratorExit",
    "IOError",
    "ImportError",
    "ImportWarning",
    "IndentationError",
    "IndexError",
    "InterruptedError",
    "IsADirectoryError",
    "KeyError",
    "KeyboardInterrupt",
    "LookupError",
    "MemoryError",
    "ModuleNotFoundError",
    "NameError",
    "NotADirectoryError",
    "NotImplemented",
    "NotImplementedError",
    "OSError",
    "OverflowError",
    "PendingDeprecationWarning",
    "PermissionError",
    "ProcessLookupError",
    "PythonFinalizationError",
    "RecursionError",
    "ReferenceError",
    "ResourceWarning",
    "RuntimeError",
    "RuntimeWarning",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SyntaxWarning",
    "SystemError",
    "SystemExit",
    "TabError",
    "TimeoutError",
    "TypeError",
    "UnboundLocalError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeError",
    "UnicodeTranslateError",
    "UnicodeWarning",
    "UserWarning",
    "ValueError",
    "Warning",
    "ZeroDivisionError",
];

/// Names the generated modules import or define themselves.
pub const GENERATED_NAMES: &[&str] = &[
    "AfterValidator",
    "Annotated",
    "Any",
    "BaseClient",
    "BaseModel",
    "BaseTopicConnection",
    "BaseTopicHandle",
    "ClassVar",
    "ConfigDict",
    "Field",
    "HandleT",
    "IncomingMessage",
    "JsonInt",
    "JsonSchema",
    "Literal",
    "NoReturn",
    "NotConnectedError",
    "OutgoingMessage",
    "PlainValidator",
    "ReconnectPolicy",
    "RootModel",
    "StrictBool",
    "StrictFloat",
    "StrictInt",
    "StrictStr",
    "TypeAdapter",
    "TypeAlias",
    "TypeVar",
    "TypedDict",
    "WholeFloatsAsInt",
    "WithJsonSchema",
    "model_validator",
];

/// Builtins used inside a model's annotations and defaults; a field named
/// like one would shadow it for the fields after it.
const ANNOTATION_NAMES: &[&str] = &[
    "bool",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "object",
    "str",
    "tuple",
];

/// Attributes of pydantic's `BaseModel` and of its metaclass (an `ABCMeta`:
/// `register`, `mro`) that a field must not override.
const BASEMODEL_ATTRIBUTES: &[&str] = &[
    "construct",
    "copy",
    "dict",
    "from_orm",
    "json",
    "mro",
    "parse_file",
    "parse_obj",
    "parse_raw",
    "register",
    "schema",
    "schema_json",
    "update_forward_refs",
    "validate",
];

/// Folder names the package layout itself uses.
const RESERVED_MODULES: &[&str] = &["base", "shared"];

/// Names Windows gives to devices: no file or folder can have them.
fn is_windows_device(name: &str) -> bool {
    match name {
        "con" | "prn" | "aux" | "nul" => true,
        _ => name
            .strip_prefix("com")
            .or_else(|| name.strip_prefix("lpt"))
            .is_some_and(|digit| digit.len() == 1 && digit.as_bytes()[0].is_ascii_digit()),
    }
}

/// Splits text into ASCII alphanumeric words, also at lower→upper case
/// changes; other scripts are transliterated first (`naïve` → `naive`).
fn words(text: &str) -> Vec<String> {
    let text = deunicode::deunicode(text);
    let mut words = Vec::new();
    let mut current = String::new();
    let mut previous: Option<char> = None;
    for ch in text.chars() {
        if !ch.is_ascii_alphanumeric() {
            if !current.is_empty() {
                words.push(std::mem::take(&mut current));
            }
            previous = None;
            continue;
        }
        let boundary = match previous {
            Some(prev) => {
                (prev.is_ascii_lowercase() || prev.is_ascii_digit()) && ch.is_ascii_uppercase()
            }
            None => false,
        };
        if boundary && !current.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        current.push(ch);
        previous = Some(ch);
    }
    if !current.is_empty() {
        words.push(current);
    }
    words
}

/// `room_chat`, `roomChat`, `Room Chat` → `RoomChat`. Word-internal case is kept.
pub fn pascal_case(text: &str) -> String {
    words(text)
        .iter()
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// `RoomChat`, `roomChat`, `room-chat` → `room_chat`.
pub fn snake_case(text: &str) -> String {
    words(text)
        .iter()
        .map(|word| word.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_")
}

/// `name`, or `fallback` when it is empty; `digit_prefix` goes before a leading digit.
fn start_as_identifier(name: String, fallback: &str, digit_prefix: &str) -> String {
    if name.is_empty() {
        fallback.to_string()
    } else if name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{digit_prefix}{name}")
    } else {
        name
    }
}

/// A class name for `hint`, before collision handling.
pub fn class_name(hint: &str) -> String {
    let name = start_as_identifier(pascal_case(hint), "Model", "Model");
    if KEYWORDS.contains(&name.as_str())
        || PASCAL_BUILTINS.contains(&name.as_str())
        || GENERATED_NAMES.contains(&name.as_str())
    {
        format!("{name}Model")
    } else {
        name
    }
}

/// The longest channel folder name, in bytes (all ASCII).
const MAX_MODULE_NAME: usize = 100;

/// A channel folder name for `hint`, before collision handling. Only
/// `[a-z0-9_]`, so it can never escape the output folder or clash by case,
/// and never a Windows device name.
pub fn module_name(hint: &str) -> String {
    let mut name = start_as_identifier(snake_case(hint), "channel", "channel_");
    // File systems refuse names over 255 bytes; a shorter cap leaves room
    // for a collision suffix and keeps paths readable.
    if name.len() > MAX_MODULE_NAME {
        name.truncate(MAX_MODULE_NAME);
        name.truncate(name.trim_end_matches('_').len());
        if name.is_empty() {
            name = "channel".to_string();
        }
    }
    if KEYWORDS.contains(&name.as_str())
        || RESERVED_MODULES.contains(&name.as_str())
        || is_windows_device(&name)
    {
        format!("{name}_channel")
    } else {
        name
    }
}

/// Whether `text` is an ASCII Python identifier.
pub fn is_identifier(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The Python attribute name for a JSON property, before collision handling.
/// `class_names` are the package's model names, which a field must not shadow.
pub fn field_name(json_name: &str, class_names: &BTreeSet<String>) -> String {
    let usable = is_identifier(json_name) && !json_name.starts_with('_');
    let name = if usable {
        json_name.to_string()
    } else {
        start_as_identifier(snake_case(json_name), "field", "field_")
    };
    let name = if name.starts_with("model_") {
        format!("field_{name}")
    } else {
        name
    };
    let clashes = KEYWORDS.contains(&name.as_str())
        || BASEMODEL_ATTRIBUTES.contains(&name.as_str())
        || ANNOTATION_NAMES.contains(&name.as_str())
        || GENERATED_NAMES.contains(&name.as_str())
        || class_names.contains(&name);
    if clashes {
        format!("{name}_")
    } else {
        name
    }
}

/// The parameters of `BaseClient.__init__` (templates/base/client.py), in
/// order, as `(name, annotation, default)`; `base_url` alone is
/// positional-only. A generated client's `__init__` repeats them, and a
/// credential's keyword never takes one of their names. A test holds the
/// template to this list.
pub const BASE_CLIENT_PARAMETERS: &[(&str, &str, &str)] = &[
    ("base_url", "str | None", "None"),
    ("protocol", "str", "\"ws\""),
    ("headers", "dict[str, str] | None", "None"),
    ("path_params", "dict[str, Any] | None", "None"),
    ("reconnect", "ReconnectPolicy | None", "None"),
    ("query_params", "Mapping[str, str | None] | None", "None"),
];

/// The keywords of the credentials that have fixed ones (bearer and basic
/// authentication).
pub const FIXED_CREDENTIAL_KEYWORDS: &[&str] = &["bearer_token", "username", "password"];

/// Attributes of the generated clients (`BaseClient`, `BaseTopicConnection`
/// and `BaseTopicHandle`) that a generated method must not hide.
const CLIENT_ATTRIBUTES: &[&str] = &[
    "after_handle",
    "attach",
    "before_handle",
    "connection",
    "disconnect",
    "handle",
    "handle_error",
    "handle_invalid_message",
    "handle_message",
    "handle_raw_data",
    "handle_topic_error",
    "handle_websocket_connection_error",
    "handles",
    "headers",
    "incoming_adapter",
    "last_seq",
    "on_reconnect",
    "path",
    "pattern",
    "receive_frame",
    "reconnect_policy",
    "request",
    "request_frame",
    "resubscribe",
    "send_frame",
    "send_init_message",
    "send_json",
    "send_message",
    "send_raw",
    "server_url",
    "subscribe",
    "subscribed",
    "topic",
    "unsubscribe",
    "url",
    "websocket",
];

/// Reserves the names of the generated clients' own attributes.
pub fn reserve_client_attributes(allocator: &mut Allocator) {
    allocator.reserve(CLIENT_ATTRIBUTES.iter().copied());
}

/// The method that sends a request of class `class_name` and awaits its
/// reply: `ChatMessage` → `request_chat`.
pub fn request_name(class_name: &str) -> String {
    handler_name(class_name).replacen("on_", "request_", 1)
}

/// The method that handles incoming messages of class `class_name`:
/// `ChatNotificationMessage` → `on_chat_notification`.
pub fn handler_name(class_name: &str) -> String {
    let stem = class_name.strip_suffix("Message").unwrap_or(class_name);
    let stem = if stem.is_empty() { class_name } else { stem };
    format!("on_{}", snake_case(stem))
}

/// The connection client's method for a topic named `name` (`x-topic.name`),
/// before collision handling.
pub fn topic_method_name(name: &str) -> String {
    let name = start_as_identifier(snake_case(name), "topic", "topic_");
    if KEYWORDS.contains(&name.as_str())
        || CLIENT_ATTRIBUTES.contains(&name.as_str())
        || name.starts_with("on_")
    {
        format!("{name}_topic")
    } else {
        name
    }
}

/// The keyword argument for a topic pattern's placeholder, before collision
/// handling.
pub fn parameter_name(placeholder: &str) -> String {
    let name = if is_identifier(placeholder) {
        placeholder.to_string()
    } else {
        start_as_identifier(snake_case(placeholder), "value", "value_")
    };
    if KEYWORDS.contains(&name.as_str()) || name == "self" {
        format!("{name}_")
    } else {
        name
    }
}

/// Hands out unique names within one namespace: the first request for a
/// base name gets it, later ones get `base2`, `base3`, ... (or `base_2` for
/// snake_case names). Callers request in a canonical order.
#[derive(Debug, Default)]
pub struct Allocator {
    /// Lowercased, so that names never clash by case alone.
    used: foldhash::HashSet<String>,
    /// Per lowercased base and separator, the counter to try next: every
    /// lower one is taken, so many requests for one base stay linear.
    next_counter: foldhash::HashMap<String, u64>,
    /// Numbered candidates tried so far.
    #[cfg(test)]
    probes: usize,
}

impl Allocator {
    pub fn new() -> Self {
        Self::default()
    }

    /// Marks names as taken without handing them out.
    pub fn reserve<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        self.used
            .extend(names.into_iter().map(str::to_ascii_lowercase));
    }

    pub fn allocate(&mut self, base: &str) -> String {
        let lowered = base.to_ascii_lowercase();
        if self.used.insert(lowered.clone()) {
            return base.to_string();
        }
        let separator = if base.contains('_') || base.starts_with(|c: char| c.is_ascii_lowercase())
        {
            "_"
        } else {
            ""
        };
        let counter = self
            .next_counter
            .entry(format!("{lowered}{separator}"))
            .or_insert(2);
        // Case-insensitive, so that channel folders never clash on
        // case-insensitive file systems.
        loop {
            #[cfg(test)]
            {
                self.probes += 1;
            }
            let candidate = format!("{base}{separator}{counter}");
            *counter += 1;
            if self.used.insert(candidate.to_ascii_lowercase()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names as the first free counter from 2 upwards hands them out.
    fn reference_names(reserved: &[&str], bases: &[&str]) -> Vec<String> {
        let mut used: std::collections::HashSet<String> = reserved
            .iter()
            .map(|name| name.to_ascii_lowercase())
            .collect();
        bases
            .iter()
            .map(|base| {
                let separator =
                    if base.contains('_') || base.starts_with(|c: char| c.is_ascii_lowercase()) {
                        "_"
                    } else {
                        ""
                    };
                let mut candidate = base.to_string();
                let mut counter = 2;
                while used.contains(&candidate.to_ascii_lowercase()) {
                    candidate = format!("{base}{separator}{counter}");
                    counter += 1;
                }
                used.insert(candidate.to_ascii_lowercase());
                candidate
            })
            .collect()
    }

    #[test]
    fn allocated_names_take_the_first_free_counter() {
        let reserved = ["Event3", "event_2", "Client"];
        let pool = [
            "Event", "EVENT", "event", "Event2", "Event4", "event_3", "Client", "client", "a_b",
            "A_b", "a_b_2",
        ];
        // A fixed pseudo-random sequence over the pool, with many repeats.
        let mut state = 7u32;
        let bases: Vec<&str> = (0..500)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                pool[(state >> 16) as usize % pool.len()]
            })
            .collect();
        let mut allocator = Allocator::new();
        allocator.reserve(reserved);
        let names: Vec<String> = bases.iter().map(|base| allocator.allocate(base)).collect();
        assert_eq!(names, reference_names(&reserved, &bases));
    }

    #[test]
    fn many_requests_for_one_name_try_each_counter_once() {
        let mut allocator = Allocator::new();
        let names: Vec<String> = (0..10_000).map(|_| allocator.allocate("Event")).collect();
        assert_eq!(names[0], "Event");
        assert_eq!(names[1], "Event2");
        assert_eq!(names[9_999], "Event10000");
        assert_eq!(allocator.probes, 9_999);
    }

    #[test]
    fn no_channel_folder_is_a_windows_device() {
        for (hint, module) in [
            ("CON", "con_channel"),
            ("aux", "aux_channel"),
            ("Nul", "nul_channel"),
            ("prn", "prn_channel"),
            ("COM1", "com1_channel"),
            ("lpt9", "lpt9_channel"),
            ("com10", "com10"),
            ("console", "console"),
            ("lpt", "lpt"),
        ] {
            assert_eq!(module_name(hint), module, "{hint}");
        }
    }

    #[test]
    fn names_table() {
        let classes: BTreeSet<String> = ["ChatPayload".to_string()].into();
        let table: &[(&str, &str, &str, &str)] = &[
            // hint, class, module, field
            ("chat", "Chat", "chat", "chat"),
            ("room_chat", "RoomChat", "room_chat", "room_chat"),
            ("roomChat", "RoomChat", "room_chat", "roomChat"),
            ("ChatMessage", "ChatMessage", "chat_message", "ChatMessage"),
            ("topicId", "TopicId", "topic_id", "topicId"),
            ("user-id", "UserId", "user_id", "user_id"),
            ("class", "Class", "class_channel", "class_"),
            ("match", "Match", "match", "match"),
            ("type", "Type", "type", "type"),
            ("None", "NoneModel", "none", "None_"),
            ("", "Model", "channel", "field"),
            ("3d", "Model3d", "channel_3d", "field_3d"),
            ("_id", "Id", "id", "id"),
            ("json", "Json", "json", "json_"),
            ("schema", "Schema", "schema", "schema_"),
            (
                "model_config",
                "ModelConfig",
                "model_config",
                "field_model_config",
            ),
            ("model_type", "ModelType", "model_type", "field_model_type"),
            ("str", "Str", "str", "str_"),
            ("Field", "FieldModel", "field", "Field_"),
            (
                "BaseClient",
                "BaseClientModel",
                "base_client",
                "BaseClient_",
            ),
            (
                "IncomingMessage",
                "IncomingMessageModel",
                "incoming_message",
                "IncomingMessage_",
            ),
            ("Exception", "ExceptionModel", "exception", "Exception"),
            ("ChatPayload", "ChatPayload", "chat_payload", "ChatPayload_"),
            ("base", "Base", "base_channel", "base"),
            ("shared", "Shared", "shared_channel", "shared"),
            ("../../etc/passwd", "EtcPasswd", "etc_passwd", "etc_passwd"),
            ("C:\\Windows", "CWindows", "c_windows", "c_windows"),
            ("naïve café", "NaiveCafe", "naive_cafe", "naive_cafe"),
            ("日本", "RiBen", "ri_ben", "ri_ben"),
            ("a\0b", "AB", "a_b", "a_b"),
            ("__import__('os')", "ImportOs", "import_os", "import_os"),
        ];
        for (hint, class, module, field) in table {
            assert_eq!(class_name(hint), *class, "class name of {hint:?}");
            assert_eq!(module_name(hint), *module, "module name of {hint:?}");
            assert_eq!(field_name(hint, &classes), *field, "field name of {hint:?}");
        }
    }

    #[test]
    fn channel_folder_names_fit_in_a_file_name() {
        let long = format!("{}-{}", "Room".repeat(20_000), "x".repeat(300));
        let name = module_name(&long);
        assert!(name.len() <= MAX_MODULE_NAME, "{} bytes", name.len());
        assert!(name.starts_with("room_room"));
        assert!(!name.ends_with('_'));
        let mut folders = Allocator::new();
        let first = folders.allocate(&module_name(&format!("{long}-a")));
        let second = folders.allocate(&module_name(&format!("{long}-b")));
        assert_ne!(first, second);
        assert!(second.len() <= 255);
    }

    #[test]
    fn allocator_suffixes_in_request_order_and_ignores_case() {
        let mut names = Allocator::new();
        names.reserve(["BaseClient"]);
        assert_eq!(names.allocate("Payload"), "Payload");
        assert_eq!(names.allocate("Payload"), "Payload2");
        assert_eq!(names.allocate("payload"), "payload_2");
        assert_eq!(names.allocate("BaseClient"), "BaseClient2");
        assert_eq!(names.allocate("room_chat"), "room_chat");
        assert_eq!(names.allocate("room_chat"), "room_chat_2");
    }
}
