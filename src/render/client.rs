//! The channel clients: each channel's client class with its typed send,
//! request and handler methods, its topic handles, its path parameters
//! class and its package `__init__.py`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::layout::{Plan, RequestMethod, Role};
use crate::model::{Api, Credential, SchemaId, SchemaKind};
use crate::naming;
use crate::pyfmt;
use crate::python::{self, docstring, string_literal, LINE_LENGTH};

use super::messages::channel_exports;
use super::{all_order, import_lines, module_import_lines};

#[derive(Serialize)]
pub(super) struct ClientView {
    /// `ws://host` of the document's first server, quoted.
    server_url: Option<String>,
    /// Blank lines after the imports: isort wants two before a class, one otherwise.
    gap_after_imports: String,
    /// The `TypedDict` of the path parameters, as its whole definition.
    path_params: Option<String>,
    /// `__init__`, for typed path parameters and credentials.
    init: Option<String>,
    /// `from ..module import Name` lines: the base class and topic handles.
    parent_imports: String,
    /// One method per topic handle, for a connection client.
    topic_methods: Vec<String>,
    messages_import: String,
    /// `handle_message` and the `on_` methods.
    handlers: String,
    /// `class ...(BaseClient[...]):`
    header: String,
    docstring: String,
    class_docstring: String,
    class_name: String,
    path: String,
    imports: Vec<String>,
    adapter: String,
}

/// The Python name of the field that tells a union of messages apart, by
/// the model's one policy, when every member calls it the same.
fn discriminator(api: &Api, plan: &Plan, members: &[SchemaId]) -> Option<String> {
    let json_name = crate::model::discriminator(&api.schemas, members, None)?;
    let mut python_names = members.iter().filter_map(|id| {
        let SchemaKind::Object { fields, .. } = &api.schemas[id.0].kind else {
            return None;
        };
        fields
            .iter()
            .zip(&plan.field_names[id.0])
            .find(|(field, _)| field.json_name == json_name)
            .map(|(_, python_name)| python_name)
    });
    let first = python_names.next()?;
    python_names
        .all(|name| name == first)
        .then(|| first.clone())
}

/// The imports and the `incoming_adapter` value of a channel's client.
fn incoming_adapter(api: &Api, plan: &Plan, index: usize) -> (Vec<String>, String) {
    let channel_plan = &plan.channels[index];
    if let Some(field) = discriminator(api, plan, &channel_plan.incoming) {
        (
            vec![
                "from typing import Annotated".to_string(),
                "from pydantic import Field, TypeAdapter".to_string(),
            ],
            format!(
                "TypeAdapter[IncomingMessage](\n        Annotated[IncomingMessage, Field(discriminator={})]\n    )",
                string_literal(&field)
            ),
        )
    } else if channel_plan.incoming.is_empty() {
        (Vec::new(), "None".to_string())
    } else {
        (
            vec!["from pydantic import TypeAdapter".to_string()],
            "TypeAdapter[IncomingMessage](IncomingMessage)".to_string(),
        )
    }
}

pub(super) fn client_view(api: &Api, plan: &Plan, index: usize) -> ClientView {
    let channel = &api.channels[index];
    let channel_plan = &plan.channels[index];
    let mut class_text = format!(
        "WebSocket client for the {} channel at {}.",
        channel.key, channel.address
    );
    if let Some(description) = &channel.description {
        class_text.push_str("\n\n");
        class_text.push_str(description);
    }
    let handlers = message_handlers(plan, index, "from the server");
    let (mut imports, adapter) = incoming_adapter(api, plan, index);
    let path_params = channel_plan.path_params_class.as_ref().map(|class| {
        imports.insert(0, "from typing import TypedDict".to_string());
        path_params_definition(class, channel)
    });
    handlers.add_typing_imports(&mut imports);
    let class_first = path_params
        .as_ref()
        .is_none_or(|definition| definition.starts_with("class "));
    let credentials = &channel_plan.credentials;
    let init = init_method(channel_plan.path_params_class.as_deref(), credentials);
    let server_url = match &api.server {
        Some((host, protocol)) if protocol == "ws" || protocol == "wss" => {
            Some(string_literal(&format!("{protocol}://{host}")))
        }
        _ => None,
    };
    let (base_module, base_class) = match &channel_plan.role {
        Role::Connection { .. } => ("..base.topic_client", "BaseTopicConnection"),
        _ => ("..base.client", "BaseClient"),
    };
    let mut parent_imports: BTreeMap<String, Vec<String>> = BTreeMap::new();
    parent_imports
        .entry(base_module.to_string())
        .or_default()
        .push(base_class.to_string());
    if init.is_some() {
        // `__init__` passes the reconnect policy on.
        let base = parent_imports
            .entry("..base.client".to_string())
            .or_default();
        base.push("ReconnectPolicy".to_string());
        if !credentials.is_empty() {
            base.push("credential_headers".to_string());
        }
    }
    handlers.add_base_imports(&mut parent_imports);
    let mut topic_methods = Vec::new();
    if let Role::Connection { topics } = &channel_plan.role {
        for (channel, method) in topics {
            let handle = &plan.channels[*channel];
            parent_imports
                .entry(format!("..{}.client", handle.module))
                .or_default()
                .push(handle.client_class.clone());
            topic_methods.push(topic_method(api, plan, *channel, method));
        }
    }
    ClientView {
        server_url,
        messages_import: handlers.messages_import(),
        handlers: handlers.text,
        parent_imports: module_import_lines(&parent_imports),
        topic_methods,
        init,
        gap_after_imports: if class_first { "\n\n" } else { "\n" }.to_string(),
        path_params,
        header: python::class_header(
            &channel_plan.client_class,
            &format!("{base_class}[IncomingMessage, OutgoingMessage]"),
        ),
        docstring: docstring(&format!("Client for the {} channel.", channel.key), 0),
        class_docstring: docstring(&class_text, 4),
        class_name: channel_plan.client_class.clone(),
        path: string_literal(&channel.address),
        imports,
        adapter,
    }
}

#[derive(Serialize)]
pub(super) struct TopicHandleView {
    docstring: String,
    imports: Vec<String>,
    header: String,
    class_docstring: String,
    pattern: String,
    adapter: String,
    /// The `attach` class method.
    attach: String,
    /// `from ..base.topic_client import ...` and other base imports.
    parent_imports: String,
    messages_import: String,
    /// `handle_message` and the `on_` methods.
    handlers: String,
}

pub(super) fn topic_handle_view(
    api: &Api,
    plan: &Plan,
    index: usize,
    connection: usize,
) -> TopicHandleView {
    let channel = &api.channels[index];
    let Some(topic) = &channel.topic else {
        unreachable!("a topic handle's channel has an x-topic");
    };
    let mut class_text = format!(
        "Handle for the {} topic, on the connection of {}.",
        topic.pattern, plan.channels[connection].client_class
    );
    if let Some(description) = &channel.description {
        class_text.push_str("\n\n");
        class_text.push_str(description);
    }
    let handlers = message_handlers(plan, index, "pushed on this topic");
    let (mut imports, adapter) = incoming_adapter(api, plan, index);
    imports.insert(0, "from typing import Any".to_string());
    handlers.add_typing_imports(&mut imports);
    let mut parent_imports = BTreeMap::from([(
        "..base.topic_client".to_string(),
        vec![
            "BaseTopicConnection".to_string(),
            "BaseTopicHandle".to_string(),
            "HandleT".to_string(),
        ],
    )]);
    handlers.add_base_imports(&mut parent_imports);
    let attach = format!(
        "    @classmethod\n    {}\n{}        {}",
        topic_signature(
            plan,
            index,
            "attach",
            &[
                "cls: type[HandleT]",
                "connection: BaseTopicConnection[Any, Any]"
            ],
            "HandleT"
        ),
        docstring(
            "This topic's handle on `connection`, as this class or a subclass.",
            8
        ),
        topic_call(plan, index, "connection.topic", pyfmt::text("cls"), true),
    );
    TopicHandleView {
        parent_imports: module_import_lines(&parent_imports),
        messages_import: handlers.messages_import(),
        handlers: handlers.text,
        attach,
        docstring: docstring(&format!("Handle for the {} topic.", channel.key), 0),
        imports,
        header: python::class_header(
            &plan.channels[index].client_class,
            "BaseTopicHandle[IncomingMessage, OutgoingMessage]",
        ),
        class_docstring: docstring(&class_text, 4),
        pattern: string_literal(&topic.pattern),
        adapter,
    }
}

/// `async def name(arguments) -> returns:` (or `def`), laid out at method
/// level as `ruff format` would.
fn method_signature(head: &str, arguments: Vec<pyfmt::Doc>, returns: &str) -> String {
    let signature = pyfmt::Doc::Group(vec![
        pyfmt::call(head, arguments),
        pyfmt::text(format!(" -> {returns}:")),
    ]);
    pyfmt::print(&signature, 4, LINE_LENGTH)
}

/// The methods a client adds to its base: typed requests, `handle_message`
/// dispatching each incoming message to the `on_` method of its class, and
/// those methods (only `handle_message` when nothing comes in).
pub(super) struct MessageHandlers {
    /// The message classes the methods name.
    classes: Vec<String>,
    /// What the request methods use from `base/client.py`; they also use
    /// `typing.cast`.
    helpers: Vec<String>,
    text: String,
}

fn request_method_text(method: &RequestMethod) -> String {
    let sent = method.sent.join(" | ");
    let replies = method.replies.join(" | ");
    let mut text = format!(
        "    {}\n",
        method_signature(
            &format!("async def {}", method.name),
            vec![
                pyfmt::text("self"),
                pyfmt::text(format!("message: {sent}")),
                pyfmt::text("timeout: float = 10.0"),
            ],
            &replies
        )
    );
    let type_arguments = method.replies.iter().map(pyfmt::text);
    let reply_words = method.replies.join(" or ");
    let (accept, which) = match &method.correlation {
        Some((request, reply)) => {
            let mut arguments = vec![
                pyfmt::text("message"),
                pyfmt::text(string_literal(request)),
                pyfmt::text(string_literal(reply)),
            ];
            arguments.extend(type_arguments);
            (
                pyfmt::call("correlated_replies", arguments),
                format!("the {reply_words} whose {reply} equals the request's {request}"),
            )
        }
        None => (
            pyfmt::call("replies_of", type_arguments.collect()),
            format!("the next {reply_words}"),
        ),
    };
    text.push_str(&docstring(
        &format!(
            "Send a {} and return its reply: {which}.",
            method.sent.join(" or ")
        ),
        8,
    ));
    let call = pyfmt::Doc::Group(vec![
        pyfmt::text("reply = await "),
        pyfmt::call(
            "self._request",
            vec![pyfmt::text("message"), accept, pyfmt::text("timeout")],
        ),
    ]);
    text.push_str(&format!(
        "        {}\n",
        pyfmt::print(&call, 8, LINE_LENGTH)
    ));
    let cast = pyfmt::call(
        "return cast",
        vec![pyfmt::text(&replies), pyfmt::text("reply")],
    );
    text.push_str(&format!(
        "        {}\n\n",
        pyfmt::print(&cast, 8, LINE_LENGTH)
    ));
    text
}

fn message_handlers(plan: &Plan, index: usize, pushed: &str) -> MessageHandlers {
    let channel_plan = &plan.channels[index];
    let (handlers, requests) = (&channel_plan.handlers, &channel_plan.requests);
    let mut classes: Vec<String> = Vec::new();
    let mut helpers: Vec<String> = Vec::new();
    let mut text = String::new();
    for method in requests {
        text.push_str(&request_method_text(method));
        classes.extend(method.sent.iter().chain(&method.replies).cloned());
        helpers.push(
            match method.correlation {
                Some(_) => "correlated_replies",
                None => "replies_of",
            }
            .to_string(),
        );
    }
    helpers.sort();
    helpers.dedup();
    text.push_str("    async def handle_message(self, message: IncomingMessage) -> None:\n");
    if handlers.is_empty() {
        text.push_str(&docstring(
            &format!("Handle a message {pushed}; override this to process it."),
            8,
        ));
        return MessageHandlers {
            classes,
            helpers,
            text,
        };
    }
    text.push_str(&docstring(
        &format!("Handle a message {pushed}: by default, call the `on_` method of its type."),
        8,
    ));
    text.push_str("        match message:\n");
    for (class, method) in handlers {
        text.push_str(&format!(
            "            case {class}():\n                await self.{method}(message)\n"
        ));
    }
    for (class, method) in handlers {
        text.push_str(&format!(
            "\n    {}\n",
            method_signature(
                &format!("async def {method}"),
                vec![
                    pyfmt::text("self"),
                    pyfmt::text(format!("message: {class}"))
                ],
                "None"
            )
        ));
        text.push_str(&docstring(
            &format!("Handle a {class}; override this to process it."),
            8,
        ));
    }
    classes.extend(handlers.iter().map(|(class, _)| class.clone()));
    MessageHandlers {
        classes,
        helpers,
        text,
    }
}

impl MessageHandlers {
    /// Adds `cast` to the `typing` imports when the methods use it.
    fn add_typing_imports(&self, imports: &mut Vec<String>) {
        if !self.helpers.is_empty() {
            imports.insert(0, "from typing import cast".to_string());
        }
        merge_typing_imports(imports);
    }

    /// Adds the helpers the methods use from `base/client.py`.
    fn add_base_imports(&self, imports: &mut BTreeMap<String, Vec<String>>) {
        if !self.helpers.is_empty() {
            imports
                .entry("..base.client".to_string())
                .or_default()
                .extend(self.helpers.iter().cloned());
        }
    }

    /// `from .messages import ...`: the unions and the handled classes.
    fn messages_import(&self) -> String {
        let mut names = vec!["IncomingMessage".to_string(), "OutgoingMessage".to_string()];
        names.extend(self.classes.iter().cloned());
        names.sort();
        names.dedup();
        import_lines(".messages", &names)
    }
}

/// `__init__` of a channel client whose address has path parameters or
/// whose document asks for credentials: typed keyword arguments that fill
/// the address, headers and query string.
fn init_method(
    path_params_class: Option<&str>,
    credentials: &[(String, Credential)],
) -> Option<String> {
    if path_params_class.is_none() && credentials.is_empty() {
        return None;
    }
    let mut text = String::from("    def __init__(\n        self,\n");
    for (name, annotation, default) in naming::BASE_CLIENT_PARAMETERS {
        match *name {
            // Typed by the channel's own class, when it has one.
            "path_params" => {
                let Some(class) = path_params_class else {
                    continue;
                };
                // `ruff format` breaks a too long parameter annotation
                // before its `|`.
                let line = format!("        path_params: {class} | None = None,");
                if pyfmt::text_width(&line) <= LINE_LENGTH {
                    text.push_str(&line);
                } else {
                    text.push_str(&format!(
                        "        path_params: {class}\n        | None = None,"
                    ));
                }
                text.push('\n');
            }
            // Filled from the credentials' keywords below.
            "query_params" => {}
            _ => text.push_str(&format!("        {name}: {annotation} = {default},\n")),
        }
        if *name == "base_url" {
            text.push_str("        /,\n");
        }
    }
    let credentials = CredentialArguments::of(credentials);
    if !credentials.parameters.is_empty() {
        text.push_str("        *,\n");
    }
    for parameter in &credentials.parameters {
        text.push_str(&format!("        {parameter}: str | None = None,\n"));
    }
    text.push_str("    ) -> None:\n");
    if !credentials.notes.is_empty() {
        let mut doc = String::from("Connect with the credentials the document asks for.\n\nArgs:");
        for note in &credentials.notes {
            doc.push_str("\n    ");
            doc.push_str(note);
        }
        text.push_str(&docstring(&doc, 8));
    }
    text.push_str(
        "        super().__init__(\n            base_url,\n            protocol=protocol,\n",
    );
    if credentials.parameters.is_empty() {
        text.push_str("            headers=headers,\n");
    } else {
        let mut arguments = vec![pyfmt::text("headers"), pyfmt::dict(credentials.headers)];
        arguments.extend(credentials.authorization);
        let headers = pyfmt::Doc::Group(vec![
            pyfmt::text("headers="),
            pyfmt::call("credential_headers", arguments),
        ]);
        text.push_str(&format!(
            "            {},\n",
            pyfmt::print(&headers, 12, LINE_LENGTH)
        ));
    }
    if path_params_class.is_some() {
        text.push_str("            path_params=dict(path_params or {}),\n");
    }
    text.push_str("            reconnect=reconnect,\n");
    if !credentials.query.is_empty() {
        let query = pyfmt::Doc::Group(vec![
            pyfmt::text("query_params="),
            pyfmt::dict(credentials.query),
        ]);
        text.push_str(&format!(
            "            {},\n",
            pyfmt::print(&query, 12, LINE_LENGTH)
        ));
    }
    text.push_str("        )\n");
    Some(text)
}

/// What a constructor does with its credentials: the keyword parameters
/// that take them, where each is sent, and a line of documentation each.
struct CredentialArguments {
    parameters: Vec<String>,
    /// `"Header-Name": keyword` entries of the headers.
    headers: Vec<pyfmt::Doc>,
    /// `"name": keyword` entries of the query string.
    query: Vec<pyfmt::Doc>,
    /// `bearer_token=...`, `username=...`: the Authorization header.
    authorization: Vec<pyfmt::Doc>,
    notes: Vec<String>,
}

impl CredentialArguments {
    fn of(credentials: &[(String, Credential)]) -> CredentialArguments {
        let mut arguments = CredentialArguments {
            parameters: Vec::new(),
            headers: Vec::new(),
            query: Vec::new(),
            authorization: Vec::new(),
            notes: Vec::new(),
        };
        for (keyword, credential) in credentials {
            match credential {
                Credential::Header(name) => {
                    let entry = format!("{}: {keyword}", string_literal(name));
                    arguments.headers.push(pyfmt::text(entry));
                    arguments
                        .notes
                        .push(format!("{keyword}: Sent as the {name} header."));
                }
                Credential::Query(name) => {
                    let entry = format!("{}: {keyword}", string_literal(name));
                    arguments.query.push(pyfmt::text(entry));
                    arguments
                        .notes
                        .push(format!("{keyword}: Sent as the {name} query parameter."));
                }
                Credential::Bearer => {
                    arguments
                        .authorization
                        .push(pyfmt::text("bearer_token=bearer_token"));
                    arguments
                        .notes
                        .push("bearer_token: Sent as Authorization: Bearer <token>.".to_string());
                }
                Credential::Basic => {
                    arguments
                        .authorization
                        .push(pyfmt::text("username=username"));
                    arguments
                        .authorization
                        .push(pyfmt::text("password=password"));
                    arguments.notes.push(
                        "username, password: Sent as Authorization: Basic <both, encoded>."
                            .to_string(),
                    );
                }
            }
            match credential {
                Credential::Basic => arguments
                    .parameters
                    .extend(["username".to_string(), "password".to_string()]),
                _ => arguments.parameters.push(keyword.clone()),
            }
        }
        arguments
    }
}

/// The keyword parameters of a topic handle's pattern, after `first`.
fn topic_signature(
    plan: &Plan,
    channel: usize,
    name: &str,
    first: &[&str],
    returns: &str,
) -> String {
    let Role::Topic { parameters, .. } = &plan.channels[channel].role else {
        unreachable!("only a topic handle has topic parameters");
    };
    let mut arguments: Vec<pyfmt::Doc> = first.iter().map(|text| pyfmt::text(*text)).collect();
    arguments.extend(
        parameters
            .iter()
            .map(|(keyword, _)| pyfmt::text(format!("{keyword}: str | int"))),
    );
    method_signature(&format!("def {name}"), arguments, returns)
}

/// `return <call>` with the topic parameters passed on, at method level.
fn topic_call(
    plan: &Plan,
    channel: usize,
    callee: &str,
    first: pyfmt::Doc,
    as_dict: bool,
) -> String {
    let Role::Topic { parameters, .. } = &plan.channels[channel].role else {
        unreachable!("only a topic handle has topic parameters");
    };
    let mut arguments = vec![first];
    if as_dict {
        let entries = parameters
            .iter()
            .map(|(keyword, placeholder)| {
                pyfmt::text(format!("{}: {keyword}", string_literal(placeholder)))
            })
            .collect();
        arguments.push(pyfmt::dict(entries));
    } else {
        arguments.extend(parameters.iter().map(|(keyword, _)| pyfmt::text(keyword)));
    }
    pyfmt::print(
        &pyfmt::call(&format!("return {callee}"), arguments),
        8,
        LINE_LENGTH,
    )
}

/// The connection client's method that hands out a topic's handle.
fn topic_method(api: &Api, plan: &Plan, channel: usize, method: &str) -> String {
    let handle = &plan.channels[channel].client_class;
    let pattern = api.channels[channel]
        .topic
        .as_ref()
        .map_or("", |topic| topic.pattern.as_str());
    format!(
        "    {}\n{}        {}",
        topic_signature(plan, channel, method, &["self"], handle),
        docstring(
            &format!("The handle of the {pattern} topic; subscribe() to receive it."),
            8
        ),
        topic_call(
            plan,
            channel,
            &format!("{handle}.attach"),
            pyfmt::text("self"),
            false
        ),
    )
}

/// `class XPathParams(TypedDict): ...`, or the functional form when a name
/// is not an identifier.
fn path_params_definition(class: &str, channel: &crate::model::Channel) -> String {
    let doc = docstring(
        &format!("Values for the placeholders of {}.", channel.address),
        4,
    );
    let identifiers = channel.parameters.iter().all(|parameter| {
        naming::is_identifier(&parameter.name)
            && !naming::KEYWORDS.contains(&parameter.name.as_str())
    });
    if identifiers {
        let fields: String = channel
            .parameters
            .iter()
            .map(|parameter| format!("    {}: str | int\n", parameter.name))
            .collect();
        format!(
            "{}\n{doc}\n{fields}",
            python::class_header(class, "TypedDict")
        )
    } else {
        let entries: Vec<String> = channel
            .parameters
            .iter()
            .map(|parameter| format!("    {}: str | int,\n", string_literal(&parameter.name)))
            .collect();
        format!(
            "{class} = TypedDict(\n    {},\n    {{\n{}    }},\n)\n",
            string_literal(class),
            entries
                .iter()
                .map(|entry| format!("    {entry}"))
                .collect::<String>()
        )
    }
}

/// Joins `from typing import ...` lines into one.
fn merge_typing_imports(lines: &mut Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    lines.retain(|line| match line.strip_prefix("from typing import ") {
        Some(rest) => {
            names.extend(rest.split(", ").map(str::to_string));
            false
        }
        None => true,
    });
    if !names.is_empty() {
        lines.insert(0, import_lines("typing", &names));
    }
}

#[derive(Serialize)]
pub(super) struct ChannelInitView {
    docstring: String,
    imports: Vec<String>,
    exports: Vec<String>,
}

pub(super) fn channel_init_view(api: &Api, plan: &Plan, index: usize) -> ChannelInitView {
    let mut from_client = vec![plan.channels[index].client_class.clone()];
    from_client.extend(plan.channels[index].path_params_class.clone());
    let messages = channel_exports(plan, index);
    let imports = vec![
        import_lines(".client", &from_client),
        import_lines(".messages", &messages),
    ];
    let mut exports = messages;
    exports.extend(from_client);
    all_order(&mut exports);
    ChannelInitView {
        docstring: docstring(
            &format!(
                "The {} channel: its client and its messages.",
                api.channels[index].key
            ),
            0,
        ),
        imports,
        exports: exports.iter().map(|name| string_literal(name)).collect(),
    }
}
