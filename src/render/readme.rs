//! The package README: how to install, connect and use each channel,
//! with examples from the document.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::layout::{Plan, RequestMethod, Role};
use crate::model::{Api, Credential, SchemaId};
use crate::options::GenerateOptions;
use crate::pyfmt;
use crate::python::{self, string_literal, LINE_LENGTH};

use super::{import_lines, module_import_lines, without_control_characters};

#[derive(Serialize)]
pub(super) struct ReadmeView {
    title: String,
    description: Option<String>,
    version: String,
    package: String,
    channels: Vec<ReadmeChannel>,
    example: ReadmeChannel,
    /// The first topic handle, for the topics example, and the pieces of
    /// that example laid out as `ruff format` would.
    topic_example: Option<ReadmeTopic>,
    topic_connection: Option<ReadmeChannel>,
    topic_imports: String,
    topic_handle_header: String,
    topic_connection_header: String,
    topic_attach: String,
    parameterized: Option<ReadmePathExample>,
    /// `class MyXClient(XClient):`, wrapped as ruff would.
    example_header: String,
    /// `from package.module import XClient`, wrapped as ruff would.
    example_import: String,
    /// Arguments for the example's constructor: the document's first server.
    host: String,
    protocol: Option<String>,
}

/// The README's example of a channel with path parameters.
#[derive(Serialize)]
struct ReadmePathExample {
    import: String,
    channel: ReadmeChannel,
}

#[derive(Serialize, Clone)]
pub(super) struct ReadmeChannel {
    key: String,
    module: String,
    client_class: String,
    address: String,
    /// The address with every placeholder filled with `example`.
    example_address: String,
    description: Option<String>,
    parameters: Vec<String>,
    path_params: String,
    incoming: Vec<String>,
    outgoing: Vec<String>,
    /// `Message`: `header`, ... for messages with headers.
    headers: Vec<String>,
    /// `Message` at `location` for messages with a correlation id.
    correlation_ids: Vec<String>,
    /// For a topic handle: its pattern and how the connection hands it out.
    topic: Option<ReadmeTopic>,
    /// For a connection client: how it hands out each topic's handle.
    topics: Vec<ReadmeTopic>,
    /// `on_pong(PongMessage)` per incoming message class.
    handlers: Vec<String>,
    /// `request_ping(PingMessage) → PongMessage` per request with a reply.
    requests: Vec<String>,
    /// `` `x_api_key=` (header `X-Api-Key`) `` per credential argument.
    credentials: Vec<String>,
}

#[derive(Serialize, Clone)]
pub(super) struct ReadmeTopic {
    pattern: String,
    connection_module: String,
    connection_class: String,
    handle_module: String,
    handle_class: String,
    /// `room_topic(room_id)`
    method: String,
    /// `room_id="example"`, for an example call.
    example_arguments: Vec<String>,
}

fn readme_topic(api: &Api, plan: &Plan, handle: usize) -> Option<ReadmeTopic> {
    let Role::Topic {
        connection,
        parameters,
    } = &plan.channels[handle].role
    else {
        return None;
    };
    let Role::Connection { topics } = &plan.channels[*connection].role else {
        return None;
    };
    let method = topics
        .iter()
        .find(|(channel, _)| *channel == handle)
        .map(|(_, method)| method.clone())?;
    let keywords: Vec<&str> = parameters
        .iter()
        .map(|(keyword, _)| keyword.as_str())
        .collect();
    Some(ReadmeTopic {
        pattern: api.channels[handle].topic.as_ref()?.pattern.clone(),
        connection_module: plan.channels[*connection].module.clone(),
        connection_class: plan.channels[*connection].client_class.clone(),
        handle_module: plan.channels[handle].module.clone(),
        handle_class: plan.channels[handle].client_class.clone(),
        method: format!("{method}({})", keywords.join(", ")),
        example_arguments: keywords
            .iter()
            .map(|keyword| format!("{keyword}=\"example\""))
            .collect(),
    })
}

/// `` `Class`: note `` for each message of a channel that `note` has something to say about.
fn message_notes(
    api: &Api,
    plan: &Plan,
    channel: &crate::model::Channel,
    note: impl Fn(&crate::model::Message) -> Option<String>,
) -> Vec<String> {
    let mut notes: Vec<String> = channel
        .incoming
        .iter()
        .chain(&channel.outgoing)
        .filter_map(|id| {
            let message = &api.messages[id.0];
            note(message).map(|text| format!("`{}`: {text}", plan.class_names[message.schema.0]))
        })
        .collect();
    notes.sort();
    notes.dedup();
    notes
}

/// How a client passes a credential, as the README lists it.
fn credential_note(keyword: &str, credential: &Credential) -> String {
    match credential {
        Credential::Header(name) => format!("`{keyword}=` (header `{name}`)"),
        Credential::Query(name) => format!("`{keyword}=` (query `{name}`)"),
        Credential::Bearer => "`bearer_token=` (`Authorization: Bearer`)".to_string(),
        Credential::Basic => "`username=`, `password=` (`Authorization: Basic`)".to_string(),
    }
}

/// A request method as the README lists it: `name(Sent) → Reply`.
fn request_line(method: &RequestMethod) -> String {
    format!(
        "{}({}) → {}",
        method.name,
        method.sent.join(" | "),
        method.replies.join(" | ")
    )
}

fn readme_channel(api: &Api, plan: &Plan, index: usize) -> ReadmeChannel {
    let channel_plan = &plan.channels[index];
    let names = |ids: &[SchemaId]| {
        ids.iter()
            .map(|id| plan.class_names[id.0].clone())
            .collect()
    };
    let channel = &api.channels[index];
    ReadmeChannel {
        key: without_control_characters(&channel.key),
        module: channel_plan.module.clone(),
        client_class: channel_plan.client_class.clone(),
        address: without_control_characters(&channel.address),
        // Shown in a Python comment of the README's example: a line break
        // or carriage return from the document must not end it.
        example_address: without_control_characters(
            &channel
                .parameters
                .iter()
                .fold(channel.address.clone(), |address, parameter| {
                    address.replace(&format!("{{{}}}", parameter.name), "example")
                }),
        ),
        description: channel
            .description
            .as_ref()
            .map(|text| without_control_characters(&text.lines().collect::<Vec<_>>().join(" "))),
        parameters: channel
            .parameters
            .iter()
            .map(|parameter| parameter.name.clone())
            .collect(),
        path_params: channel
            .parameters
            .iter()
            .map(|parameter| format!("{}: \"example\"", string_literal(&parameter.name)))
            .collect::<Vec<_>>()
            .join(", "),
        incoming: names(&channel_plan.incoming),
        outgoing: names(&channel_plan.outgoing),
        headers: message_notes(api, plan, channel, |message| {
            (!message.headers.is_empty()).then(|| {
                message
                    .headers
                    .iter()
                    .map(|name| format!("`{name}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        }),
        correlation_ids: message_notes(api, plan, channel, |message| {
            message
                .correlation_id
                .as_ref()
                .map(|location| format!("at `{location}`"))
        }),
        topic: readme_topic(api, plan, index),
        handlers: channel_plan
            .handlers
            .iter()
            .map(|(class, method)| format!("{method}({class})"))
            .collect(),
        credentials: channel_plan
            .credentials
            .iter()
            .map(|(keyword, credential)| credential_note(keyword, credential))
            .collect(),
        requests: channel_plan.requests.iter().map(request_line).collect(),
        topics: match &channel_plan.role {
            Role::Connection { topics } => topics
                .iter()
                .filter_map(|(channel, _)| readme_topic(api, plan, *channel))
                .collect(),
            _ => Vec::new(),
        },
    }
}

pub(super) fn readme_view(api: &Api, plan: &Plan, options: &GenerateOptions) -> ReadmeView {
    let mut channels: Vec<ReadmeChannel> = (0..plan.channels.len())
        .map(|index| readme_channel(api, plan, index))
        .collect();
    channels.sort_by(|a, b| a.module.cmp(&b.module));
    // The example uses the channel with the most to show: it can both send
    // and receive. Topic handles are not clients of their own.
    let clients: Vec<&ReadmeChannel> = channels
        .iter()
        .filter(|channel| channel.topic.is_none())
        .collect();
    let example = clients
        .iter()
        .find(|channel| !channel.incoming.is_empty() && !channel.outgoing.is_empty())
        .or(clients.first())
        .map_or_else(|| channels[0].clone(), |channel| (*channel).clone());
    let topic_example = channels.iter().find_map(|channel| channel.topic.clone());
    let parameterized = clients
        .iter()
        .find(|channel| !channel.parameters.is_empty())
        .map(|channel| ReadmePathExample {
            import: import_lines(
                &format!("{}.{}", options.package_name, channel.module),
                std::slice::from_ref(&channel.client_class),
            ),
            channel: (*channel).clone(),
        });
    let (host, protocol) = match &api.server {
        Some((host, protocol)) => (host.clone(), (protocol == "wss").then(|| "wss".to_string())),
        None => ("localhost:8000".to_string(), None),
    };
    let topic_connection = topic_example.as_ref().and_then(|topic| {
        channels
            .iter()
            .find(|channel| channel.client_class == topic.connection_class)
            .cloned()
    });
    let TopicExampleLines {
        imports: topic_imports,
        handle_header: topic_handle_header,
        connection_header: topic_connection_header,
        attach: topic_attach,
    } = topic_example
        .as_ref()
        .map(|topic| TopicExampleLines::of(topic, &options.package_name))
        .unwrap_or_default();
    ReadmeView {
        example_import: import_lines(
            &format!("{}.{}", options.package_name, example.module),
            std::slice::from_ref(&example.client_class),
        ),
        topic_example,
        topic_connection,
        topic_imports,
        topic_handle_header,
        topic_connection_header,
        topic_attach,
        example_header: python::class_header(
            &format!("My{}", example.client_class),
            &example.client_class,
        ),
        host: string_literal(&host),
        protocol,
        parameterized,
        title: without_control_characters(&api.title),
        description: api.description.clone(),
        version: without_control_characters(&api.version),
        package: options.package_name.clone(),
        channels,
        example,
    }
}

/// The lines of the README's topic example: its imports, the headers of the
/// handle and connection classes, and the `attach` call.
#[derive(Default)]
struct TopicExampleLines {
    imports: String,
    handle_header: String,
    connection_header: String,
    attach: String,
}

impl TopicExampleLines {
    fn of(topic: &ReadmeTopic, package: &str) -> TopicExampleLines {
        let imports = module_import_lines(&BTreeMap::from([
            (
                format!("{package}.{}", topic.connection_module),
                vec![topic.connection_class.clone()],
            ),
            (
                format!("{package}.{}", topic.handle_module),
                vec![topic.handle_class.clone(), "IncomingMessage".to_string()],
            ),
        ]));
        let mut arguments = vec![pyfmt::text("self")];
        arguments.extend(topic.example_arguments.iter().map(pyfmt::text));
        let attach = pyfmt::Doc::Group(vec![
            pyfmt::text("topic = "),
            pyfmt::call("MyTopic.attach", arguments),
        ]);
        TopicExampleLines {
            imports,
            handle_header: python::class_header("MyTopic", &topic.handle_class),
            connection_header: python::class_header("MyConnection", &topic.connection_class),
            attach: format!("        {}", pyfmt::print(&attach, 8, LINE_LENGTH)),
        }
    }
}
