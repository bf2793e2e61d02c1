//! chanx topics (`x-topic`): which channel becomes a connection client,
//! which a topic handle, how their methods and parameters are named, and
//! the errors for a malformed `x-topic`. The generated code's behaviour
//! is proven in Python (`tests/python/test_live_servers.py`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use chanx_codegen::load::{self, DocumentOrigin};
use chanx_codegen::options::GenerateOptions;
use chanx_codegen::options::Perspective;
use serde_json::json;

mod util;
use util::{assert_exit, generate, stderr};

fn channel(address: &str, topic: Option<(&str, &str)>) -> serde_json::Value {
    let mut channel = json!({
        "address": address,
        "messages": {"ping": {"$ref": "#/components/messages/ping"}},
    });
    if let Some((name, pattern)) = topic {
        channel["x-topic"] = json!({"name": name, "pattern": pattern});
    }
    channel
}

fn document(channels: serde_json::Value) -> serde_json::Value {
    let operations: serde_json::Map<String, serde_json::Value> = channels
        .as_object()
        .unwrap()
        .keys()
        .map(|key| {
            (
                format!("ping_{key}"),
                json!({"action": "receive", "channel": {"$ref": format!("#/channels/{key}")}}),
            )
        })
        .collect();
    json!({
        "asyncapi": "3.0.0",
        "info": {"title": "Topics", "version": "1"},
        "channels": channels,
        "operations": operations,
        "components": {"messages": {"ping": {"payload": {
            "type": "object",
            "properties": {"action": {"const": "ping"}},
        }}}},
    })
}

fn generated(document: &serde_json::Value) -> BTreeMap<String, String> {
    let location = DocumentOrigin::File(PathBuf::from("topics.json"));
    let bytes = serde_json::to_vec(document).unwrap();
    let loaded = load::parse(&location, bytes, None).unwrap();
    let options = GenerateOptions {
        server: None,
        readme: true,
        package_name: "client".to_string(),
        perspective: Perspective::Server,
        with_tests: false,
    };
    let (_, tree) = chanx_codegen::generate(loaded, &options, &Default::default()).unwrap();
    tree.into_files()
        .into_iter()
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn topics_at_a_plain_channels_address_become_handles_on_its_client() {
    let files = generated(&document(json!({
        "hub": channel("/ws/hub", None),
        "hub_b": channel("/ws/hub", None),
        "room": channel("/ws/hub", Some(("room", "room:{class}:{self}:{class}:{room-id}"))),
        "handle": channel("/ws/hub", Some(("handle", "h"))),
        "own_route": channel("/ws/rooms/{id}", Some(("room", "room:{id}"))),
    })));
    let hub = &files["hub/client.py"];
    assert!(
        hub.contains("class HubClient(BaseTopicConnection[IncomingMessage, OutgoingMessage]):"),
        "{hub}"
    );
    // Keywords and reserved names get a suffix; a placeholder counts once;
    // `{room-id}` is no placeholder to chanx.
    assert!(
        hub.contains("    def room(self, class_: str | int, self_: str | int) -> RoomClient:\n"),
        "{hub}"
    );
    assert!(hub.contains("        return RoomClient.attach(self, class_, self_)\n"));
    assert!(
        hub.contains("    def handle_topic(self) -> HandleClient:\n"),
        "{hub}"
    );
    assert!(hub.contains("from ..room.client import RoomClient\n"));

    let room = &files["room/client.py"];
    assert!(room.contains("class RoomClient(BaseTopicHandle[IncomingMessage, OutgoingMessage]):"));
    assert!(room.contains("    pattern = \"room:{class}:{self}:{class}:{room-id}\"\n"));
    assert!(
        room.contains("return connection.topic(cls, {\"class\": class_, \"self\": self_})"),
        "{room}"
    );
    assert!(
        !room.contains("path ="),
        "a handle has no address of its own"
    );

    // The second plain channel at the address stays a plain client.
    assert!(files["hub_b/client.py"].contains("(BaseClient[IncomingMessage, OutgoingMessage]):"));
    // A topic on a route of its own is subscribed by connecting: plain.
    let own = &files["own_route/client.py"];
    assert!(own.contains("(BaseClient[IncomingMessage, OutgoingMessage]):"));
    assert!(own.contains("path = \"/ws/rooms/{id}\""));

    let readme = &files["README.md"];
    assert!(readme.contains("## Topics"));
    assert!(
        readme.contains(
            "- Topics: `handle_topic()` → `HandleClient`, `room(class_, self_)` → `RoomClient`"
        ),
        "{readme}"
    );
    assert!(readme.contains(
        "- Topic: `room:{class}:{self}:{class}:{room-id}` on the connection of `HubClient`"
    ));
}

#[test]
fn a_document_without_topics_has_no_topics_section() {
    let files = generated(&document(json!({"hub": channel("/ws/hub", None)})));
    assert!(!files["README.md"].contains("## Topics"));
    assert!(files["hub/client.py"].contains("(BaseClient["));
    assert!(files.contains_key("base/topic_client.py"));
}

#[test]
fn a_malformed_x_topic_is_named() {
    let dir = tempfile::tempdir().unwrap();
    for (topic, problem) in [
        (
            json!({"name": "room"}),
            "`x-topic` needs a `pattern` string",
        ),
        (
            json!({"pattern": "room:{id}", "name": 5}),
            "`x-topic` needs a `name` string",
        ),
        (json!("room:{id}"), "`x-topic` needs a `name` string"),
    ] {
        let mut channels =
            json!({"hub": channel("/ws/hub", None), "room": channel("/ws/hub", None)});
        channels["room"]["x-topic"] = topic;
        let schema = dir.path().join("asyncapi.json");
        std::fs::write(&schema, serde_json::to_vec(&document(channels)).unwrap()).unwrap();
        let output = generate(&schema, &dir.path().join("client"), &[]);
        assert_exit(&output, 2);
        let message = stderr(&output);
        assert!(message.contains(problem), "{message}");
        assert!(message.contains("/channels/room/x-topic"), "{message}");
    }
}
